import { ApiError } from "@web/api/client.js";
import { Alert } from "@web/components/Alert.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

const AGENDA_PROBLEMS = ["noAvailability", "noFreeSlots"];

interface InvitationProblemProps {
  error: unknown;
  /** Names of the clients in the order they were sent, to say which ones already have an intake. */
  names?: string[];
}

/** Why invitations were refused, in words; points to the availability page when the agenda is the problem. */
export function InvitationProblem({ error, names = [] }: InvitationProblemProps) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || error.status !== 409) return <ProblemAlert error={error} />;
  const { code, invalidParams = [] } = error.problem;
  const positions = invalidParams.map((param) => Number(/(\d+)/.exec(param.name)?.[1])).filter((n) => Number.isInteger(n));
  const who = positions.map((n) => names[n]).filter(Boolean);
  return (
    <Alert type="error" role="alert">
      <p className="nv-alert-text">{t(`problems.${code}`, { defaultValue: error.problem.detail })}</p>
      {code === "alreadyInvited" && who.length > 0 ? (
        <p className="nv-alert-text">{t("invite.alreadyInvitedNames", { names: who.join(", ") })}</p>
      ) : null}
      {AGENDA_PROBLEMS.includes(code) ? (
        <p className="nv-alert-text">
          <Link to="/availability" className="nl-link">
            {t("invite.toAvailability")}
          </Link>
        </p>
      ) : null}
    </Alert>
  );
}

import { SANCTION_BLOCKS } from "@shared/schemas/sanctions.js";
import { ApiError } from "@web/api/client.js";
import { Alert } from "@web/components/Alert.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { problemMessage } from "@web/components/problems.js";
import { useTranslation } from "react-i18next";

const RULES: readonly string[] = SANCTION_BLOCKS;

/** True when a failed proposal was refused by one of the rules that protect the client. */
export function isRuleRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409 && RULES.includes(error.problem.code);
}

/** Why a proposal was not taken: a rule that protected the client, said so plainly, or any other problem. */
export function RefusalAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isRuleRefusal(error)) return <ProblemAlert error={error} />;
  return (
    <Alert type="warning" role="alert">
      <strong>{problemMessage(t, error)}</strong> {t("sanctionProposal.protected")}
    </Alert>
  );
}

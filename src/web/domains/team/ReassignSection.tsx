import type { ClientOutput } from "@shared/schemas/clients.js";
import { Alert } from "@web/components/Alert.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { SelectField } from "@web/components/fields.js";
import { Heading, Paragraph, PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useReassignClient, useTeam } from "./api.js";

/** For team leads: give the client to another consultant of the team who works in the client's district. */
export function ReassignSection({ client }: { client: ClientOutput }) {
  const { t } = useTranslation();
  const team = useTeam();
  const reassign = useReassignClient(client.id);
  const [consultantId, setConsultantId] = useState("");
  const errors = useMemo(() => formErrorsOf(reassign.error, t, ["consultantId"]), [reassign.error, t]);
  const members = team.data?.items ?? [];
  const current = members.find((m) => m.consultantId === client.consultantId);
  // Only consultants of the client's district can take the client over; the server checks this too.
  const candidates = members.filter(
    (m) => m.consultantId !== client.consultantId && (!client.district || m.districts.includes(client.district)),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    reassign.mutate(consultantId);
  }

  return (
    <section className="nv-section" aria-labelledby="reassign-title">
      <Heading level={2} id="reassign-title">
        {t("reassign.title")}
      </Heading>
      <Paragraph>{current ? t("reassign.current", { name: current.displayName }) : t("reassign.currentUnknown")}</Paragraph>
      {reassign.isSuccess ? (
        <Alert type="ok" role="status">
          {t("reassign.done", { name: members.find((m) => m.consultantId === reassign.variables)?.displayName ?? "" })}
        </Alert>
      ) : null}
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other ?? team.error} />
      {team.data && candidates.length === 0 ? <Paragraph>{t("reassign.noCandidates")}</Paragraph> : null}
      {candidates.length > 0 ? (
        <form onSubmit={submit} noValidate className="nv-form nv-form--inline">
          <SelectField
            name="consultantId"
            label={t("reassign.to")}
            value={consultantId}
            onChange={setConsultantId}
            options={[
              { value: "", label: t("reassign.choose") },
              ...candidates.map((m) => ({ value: m.consultantId, label: m.displayName })),
            ]}
            error={errors.byField.consultantId}
          />
          <div className="nv-form__actions">
            <PrimaryActionButton type="submit" busy={reassign.isPending}>
              {t("reassign.submit")}
            </PrimaryActionButton>
          </div>
        </form>
      ) : null}
    </section>
  );
}

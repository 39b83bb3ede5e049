import type { AgencyOutput } from "@shared/schemas/agencies.js";
import { Alert } from "@web/components/Alert.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { SelectField, TextField } from "@web/components/fields.js";
import { Heading, PrimaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useClientSearch } from "../users/api.js";
import { SearchPicker } from "../users/SearchPicker.js";
import { useAssignClient } from "./api.js";

const FIELDS = [
  "agencyId",
  "clientId",
  "startDate",
  "endDate",
  "contract.intakeWithinDays",
  "contract.placementWithinDays",
  "contract.placementMinWeeks",
] as const;

function useClientOptions(q: string) {
  const result = useClientSearch(q);
  const options =
    q.length < 2
      ? []
      : (result.data?.items ?? []).map((client) => ({
          value: client.id,
          label: `${client.familyName}, ${client.givenName} – ${client.postcode}`,
        }));
  return { options, loading: result.isFetching };
}

/** For team leads: give a client of their districts to an agency for a period, under the contract's targets. */
export function AssignClientForm({ agencies, today }: { agencies: readonly AgencyOutput[]; today: string }) {
  const { t } = useTranslation();
  const assign = useAssignClient();
  // The first agency is chosen to begin with, so the form always names one.
  const [agencyId, setAgencyId] = useState(agencies[0]?.id ?? "");
  const [client, setClient] = useState<{ id: string; label: string } | null>(null);
  const [startDate, setStartDate] = useState(today);
  const [endDate, setEndDate] = useState("");
  const [contract, setContract] = useState({ intakeWithinDays: "28", placementWithinDays: "90", placementMinWeeks: "13" });
  const errors = useMemo(() => formErrorsOf(assign.error, t, FIELDS), [assign.error, t]);

  function submit(event: FormEvent) {
    event.preventDefault();
    assign.mutate({
      agencyId,
      input: {
        clientId: client?.id ?? "",
        startDate,
        endDate,
        contract: {
          intakeWithinDays: Number(contract.intakeWithinDays),
          placementWithinDays: Number(contract.placementWithinDays),
          placementMinWeeks: Number(contract.placementMinWeeks),
        },
      },
    });
  }

  const number = (key: keyof typeof contract) => (
    <TextField
      name={`contract.${key}`}
      type="number"
      inputMode="numeric"
      label={t(`agencies.${key}`)}
      value={contract[key]}
      onChange={(value) => setContract((current) => ({ ...current, [key]: value }))}
      error={errors.byField[`contract.${key}`]}
      required
    />
  );

  return (
    <section className="nv-section" aria-labelledby="assign-title">
      <Heading level={2} id="assign-title">
        {t("agencies.assignTitle")}
      </Heading>
      {assign.isSuccess ? (
        <Alert type="ok" role="status">
          {t("agencies.assigned", { client: assign.data.clientName, agency: assign.data.agencyName })}
        </Alert>
      ) : null}
      <ErrorSummary errors={errors.list} />
      <ProblemAlert error={errors.other} />
      <form onSubmit={submit} noValidate className="nv-form">
        <SelectField
          name="agencyId"
          label={t("agencies.agencyField")}
          value={agencyId}
          onChange={setAgencyId}
          options={agencies.map((a) => ({ value: a.id, label: a.name }))}
          error={errors.byField.agencyId}
        />
        <SearchPicker
          name="clientId"
          searchLabel={t("agencies.clientSearch")}
          legend={t("agencies.clientField")}
          selected={client?.id ?? null}
          selectedLabel={client?.label ?? null}
          onSelect={(id, label) => setClient({ id, label })}
          useOptions={useClientOptions}
          error={errors.byField.clientId}
        />
        <TextField
          name="startDate"
          type="date"
          label={t("agencies.startDate")}
          value={startDate}
          onChange={setStartDate}
          error={errors.byField.startDate}
          required
        />
        <TextField
          name="endDate"
          type="date"
          label={t("agencies.endDate")}
          value={endDate}
          onChange={setEndDate}
          error={errors.byField.endDate}
          required
        />
        {number("intakeWithinDays")}
        {number("placementWithinDays")}
        {number("placementMinWeeks")}
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={assign.isPending}>
            {t("agencies.assign")}
          </PrimaryActionButton>
        </div>
      </form>
    </section>
  );
}

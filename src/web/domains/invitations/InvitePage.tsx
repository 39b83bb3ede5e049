import { invitationBulkInput } from "@shared/schemas/appointments.js";
import type { ClientSummaryOutput } from "@shared/schemas/clients.js";
import { Alert } from "@web/components/Alert.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { ErrorSummary } from "@web/components/ErrorSummary.js";
import { TextField } from "@web/components/fields.js";
import { Paragraph, PrimaryActionButton, SubtleButton } from "@web/components/nlds.js";
import { PagedResults } from "@web/components/PagedResults.js";
import { PageHeading } from "@web/components/PageHeading.js";
import { formErrorsOf } from "@web/components/problems.js";
import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useClientList } from "../clients/api.js";
import { type Invitations, useInviteClients } from "./api.js";
import { CohortFilters } from "./CohortFilters.js";
import { CohortTable } from "./CohortTable.js";
import { InvitationProblem } from "./InvitationProblem.js";
import { InvitationResult } from "./InvitationResult.js";
import { useCohortParams } from "./useCohortParams.js";

const MAX_PER_INVITATION = 500;
const nameOf = (row: ClientSummaryOutput) => `${row.givenName} ${row.familyName}`;

/** Select a cohort and invite it to intakes in one go: each client gets the next free slot and a registered letter. */
export function InvitePage() {
  const { t } = useTranslation();
  const [params, update] = useCohortParams();
  const [selected, setSelected] = useState<Map<string, ClientSummaryOutput>>(new Map());
  const [earliestDate, setEarliestDate] = useState("");
  const [nothingChosen, setNothingChosen] = useState(false);
  const [result, setResult] = useState<{ batch: Invitations; names: Map<string, string> } | null>(null);
  const invite = useInviteClients();
  const confirmation = useConfirmation({
    title: t("invite.confirmTitle", { count: selected.size }),
    body: t("invite.confirmMany", { count: selected.size }),
    confirmLabel: t("invite.confirmSend", { count: selected.size }),
  });
  const list = useClientList({
    minYearsOnBenefit: params.minYears ? Number(params.minYears) : undefined,
    district: params.district || undefined,
    invited: params.notInvited ? false : undefined,
    assignedToMe: params.mine || undefined,
    sort: "benefitStartDate",
    page: params.page,
    pageSize: params.pageSize,
  });
  const errors = useMemo(
    () => formErrorsOf(confirmation.invalid ?? invite.error, t, ["earliestDate"]),
    [confirmation.invalid, invite.error, t],
  );
  const ordered = [...selected.values()];

  function toggle(rows: ClientSummaryOutput[], checked: boolean) {
    setNothingChosen(false);
    setSelected((current) => {
      const next = new Map(current);
      for (const row of rows) {
        if (checked) next.set(row.id, row);
        else next.delete(row.id);
      }
      return next;
    });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNothingChosen(selected.size === 0);
    if (selected.size === 0 || selected.size > MAX_PER_INVITATION) return;
    const names = new Map(ordered.map((row) => [row.id, nameOf(row)]));
    // Sending registered letters is asked first; it can be undone until they are printed.
    confirmation.ask(
      (input) =>
        invite.mutate(input, {
          onSuccess: (answer) => {
            setResult({ batch: answer, names });
            setSelected(new Map());
          },
        }),
      {
        form: event.currentTarget,
        schema: invitationBulkInput,
        body: { clientIds: ordered.map((row) => row.id), ...(earliestDate ? { earliestDate } : {}) },
      },
    );
  }

  return (
    <>
      <PageHeading>{t("invite.title")}</PageHeading>
      <Paragraph>{t("invite.intro")}</Paragraph>
      {result ? <InvitationResult key={result.batch.batchId} initial={result.batch} names={result.names} /> : null}
      {confirmation.dialog}
      <CohortFilters params={params} onChange={update} />
      <ErrorSummary errors={errors.list} />
      {errors.other ? <InvitationProblem error={errors.other} names={ordered.map(nameOf)} /> : null}
      <form className="nv-selection-bar" onSubmit={submit} noValidate aria-label={t("invite.actionsLabel")}>
        <p className="nv-selection-bar__count" role="status">
          {t("invite.selected", { count: selected.size })}
        </p>
        <TextField
          name="earliestDate"
          type="date"
          label={t("form.optional", { label: t("invite.earliestDate") })}
          description={t("invite.earliestDateHint")}
          value={earliestDate}
          onChange={setEarliestDate}
          error={errors.byField.earliestDate}
        />
        <div className="nv-form__actions">
          <PrimaryActionButton type="submit" busy={invite.isPending}>
            {t("invite.submit")}
          </PrimaryActionButton>
          {selected.size > 0 ? (
            <SubtleButton type="button" onClick={() => setSelected(new Map())}>
              {t("invite.clearSelection")}
            </SubtleButton>
          ) : null}
        </div>
      </form>
      {nothingChosen ? (
        <Alert type="warning" role="alert">
          {t("invite.nothingChosen")}
        </Alert>
      ) : null}
      {selected.size > MAX_PER_INVITATION ? (
        <Alert type="warning" role="alert">
          {t("invite.tooMany", { max: MAX_PER_INVITATION })}
        </Alert>
      ) : null}
      <PagedResults
        query={list}
        name="cohort"
        page={params.page}
        pageSize={params.pageSize}
        onPageChange={(page) => update({ page })}
        onPageSizeChange={(pageSize) => update({ pageSize })}
        empty={t("invite.empty")}
      >
        {(data) => <CohortTable rows={data.items} total={data.total} selected={selected} onToggle={toggle} busy={list.isPlaceholderData} />}
      </PagedResults>
    </>
  );
}

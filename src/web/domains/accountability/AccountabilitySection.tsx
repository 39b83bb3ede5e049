import type { AccountabilityRequestOutput } from "@shared/schemas/accountability.js";
import type { ClientOutput } from "@shared/schemas/clients.js";
import { Alert } from "@web/components/Alert.js";
import { formatDate } from "@web/components/format.js";
import { Heading, Paragraph, SecondaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { ScrollTable } from "@web/components/ScrollTable.js";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { DocumentLinks } from "../documents/DocumentLinks.js";
import { UploadForm } from "../documents/UploadForm.js";
import { useCurrentUser } from "../session/CurrentUser.js";
import { AnswerForm } from "./AnswerForm.js";
import { useAccountabilityRequests, useReloadAccountability } from "./api.js";

const HEADERS = ["activity", "requestedOn", "remindedOn", "answerBy", "status", "documents", "actions"];

type FormKind = "answer" | "upload";
const buttonId = (kind: FormKind, id: string) => `accountability-${kind}-${id}`;

/** Asks every so often whether a contribution still goes on: the client answers, with proof if they like. */
export function AccountabilitySection({ client }: { client: ClientOutput }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const requests = useAccountabilityRequests(client.id);
  const reload = useReloadAccountability(client.id);
  const [open, setOpen] = useState<{ kind: FormKind; request: AccountabilityRequestOutput } | null>(null);
  const [answered, setAnswered] = useState(false);
  const audience = me.role === "client" ? "client" : "staff";
  const context = audience === "staff" ? { context: "staff" } : {};
  const items = requests.data?.items ?? [];
  const date = (value: string | null) => formatDate(value, i18n.language);

  function done(saved: boolean) {
    if (!open) return;
    const id = buttonId(open.kind, open.request.id);
    setOpen(null);
    setAnswered(saved);
    setTimeout(() => document.getElementById(id)?.focus(), 0);
  }

  function button(kind: FormKind, request: AccountabilityRequestOutput, label: string): ReactNode {
    return (
      <SecondaryActionButton
        type="button"
        id={buttonId(kind, request.id)}
        aria-expanded={open?.kind === kind && open.request.id === request.id}
        onClick={() => {
          setAnswered(false);
          setOpen({ kind, request });
        }}
      >
        {label}
        <span className="nv-visually-hidden"> ({request.activity})</span>
      </SecondaryActionButton>
    );
  }

  return (
    <section aria-labelledby="accountability-title" className="nv-section nv-stack">
      <Heading level={3} id="accountability-title">
        {t("accountability.title", context)}
      </Heading>
      <Paragraph>{t("accountability.intro", context)}</Paragraph>
      <ProblemAlert error={requests.error} />
      {answered ? (
        <Alert type="ok" role="status">
          {t("accountability.answered", context)}
        </Alert>
      ) : null}
      {requests.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {requests.data && items.length === 0 ? <Paragraph>{t("accountability.empty", context)}</Paragraph> : null}
      {items.length > 0 ? (
        <ScrollTable
          id="accountability"
          caption={t("accountability.caption", { count: items.length })}
          headers={HEADERS.map((header) => t(`accountability.columns.${header}`))}
          className="nv-table--top"
        >
          {items.map((request) => (
            <tr key={request.id} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__cell nv-table__row-header">
                {request.activity}
              </th>
              <td className="utrecht-table__cell nv-nowrap">{date(request.requestedOn)}</td>
              <td className="utrecht-table__cell nv-nowrap">
                {request.remindedOn ? date(request.remindedOn) : <span className="nv-muted">–</span>}
              </td>
              <td className="utrecht-table__cell">
                <span className="nv-nowrap">{date(request.overdueOn)}</span>
                {request.overdue ? <span className="nv-cell-note">{t("accountability.overdue", context)}</span> : null}
              </td>
              <td className="utrecht-table__cell">
                <span className={`nv-status nv-status--${request.status}`}>{t(`accountabilityStatus.${request.status}`)}</span>
                {request.respondedOn ? (
                  <span className="nv-cell-note">{t("accountability.respondedOn", { date: date(request.respondedOn) })}</span>
                ) : null}
                {request.response ? <span className="nv-cell-note">{request.response}</span> : null}
              </td>
              <td className="utrecht-table__cell">
                <DocumentLinks documents={request.documents} />
              </td>
              <td className="utrecht-table__cell">
                <div className="nv-cell-actions">
                  {request.abilities.respond ? button("answer", request, t("accountability.answer")) : null}
                  {request.abilities.addProof ? button("upload", request, t("accountability.addProof")) : null}
                </div>
              </td>
            </tr>
          ))}
        </ScrollTable>
      ) : null}
      {open?.kind === "answer" ? <AnswerForm key={open.request.id} request={open.request} audience={audience} onDone={done} /> : null}
      {open?.kind === "upload" ? (
        <UploadForm
          key={open.request.id}
          path={`/accountability-requests/${open.request.id}/documents`}
          name="accountabilityFile"
          title={t("accountability.proofTitle", { activity: open.request.activity })}
          onUploaded={reload}
        />
      ) : null}
    </section>
  );
}

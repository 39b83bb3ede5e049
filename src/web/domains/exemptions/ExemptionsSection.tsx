import type { ClientOutput } from "@shared/schemas/clients.js";
import type { ExemptionOutput } from "@shared/schemas/exemptions.js";
import { Alert } from "@web/components/Alert.js";
import { useConfirmation } from "@web/components/ConfirmDialog.js";
import { Heading, Paragraph, SecondaryActionButton } from "@web/components/nlds.js";
import { ProblemAlert } from "@web/components/ProblemAlert.js";
import { UndoStatus } from "@web/components/UndoStatus.js";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { UploadForm } from "../documents/UploadForm.js";
import { useCurrentUser } from "../session/CurrentUser.js";
import { useExemptionAction, useExemptions, useReloadExemptions, useUndoExemption } from "./api.js";
import { DecisionForm } from "./DecisionForm.js";
import { EndExemptionForm } from "./EndExemptionForm.js";
import { ExemptionForm } from "./ExemptionForm.js";
import { ExemptionsTable } from "./ExemptionsTable.js";
import { MedicalAdviceForm } from "./MedicalAdviceForm.js";
import { RefuseExtensionForm } from "./RefuseExtensionForm.js";
import { RequestExemptionForm } from "./RequestExemptionForm.js";

type FormKind = "medicalAdvice" | "decide" | "end" | "refuseExtension" | "upload";
interface Open {
  kind: FormKind;
  exemption: ExemptionOutput;
}

const buttonId = (kind: FormKind, id: string) => `exemption-${kind}-${id}`;

/** What the last action did, and the exemption whose letter it sent when the server lets the caller undo it. */
interface Notice {
  message: string;
  undoableId: string | null;
}

/** The notice after an action: with "Ongedaan maken" when the server says the action can be undone. */
const noticeOf = (message: string, result: ExemptionOutput | null = null): Notice => ({
  message,
  undoableId: result?.abilities.undo ? result.id : null,
});

interface CoSignButtonProps {
  exemption: ExemptionOutput;
  clientName: string;
  onSigned: (result: ExemptionOutput) => void;
  onError: (error: unknown) => void;
}

function CoSignButton({ exemption, clientName, onSigned, onError }: CoSignButtonProps) {
  const { t } = useTranslation();
  const action = useExemptionAction(exemption);
  const confirmation = useConfirmation({
    title: t("sendLetter.title"),
    body: t("sendLetter.letter", { name: clientName, what: t("sendLetter.what.exemptionCoSign") }),
    confirmLabel: t("sendLetter.send"),
  });
  return (
    <>
      <SecondaryActionButton
        type="button"
        busy={action.isPending}
        onClick={() =>
          // Co-signing sends the decision letter to the client: asked first.
          confirmation.ask(() => action.mutate({ kind: "co-signatures" }, { onSuccess: onSigned, onError }))
        }
      >
        {t("exemptions.coSign")}
        <span className="nv-visually-hidden"> ({t(`exemptionType.${exemption.type}`)})</span>
      </SecondaryActionButton>
      {confirmation.dialog}
    </>
  );
}

/**
 * A client's exemptions with what the user may do: decide, co-sign, end early, add evidence; record or request one.
 * After an action that sent a letter, its status offers to undo it while the server allows that.
 */
export function ExemptionsSection({ client }: { client: ClientOutput }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const exemptions = useExemptions(client.id);
  const reload = useReloadExemptions(client.id);
  const [open, setOpen] = useState<Open | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [coSignError, setCoSignError] = useState<unknown>(null);
  const undo = useUndoExemption(client.id);
  const clientName = `${client.givenName} ${client.familyName}`;
  const items = exemptions.data?.items ?? [];
  const mayRecord = exemptions.data?.abilities.record ?? false;
  const mayRequest = exemptions.data?.abilities.request ?? false;

  const undoable = items.find((e) => e.id === notice?.undoableId) ?? null;

  function close(saved: boolean, message: string, result: ExemptionOutput | null = null) {
    if (!open) return;
    const id = buttonId(open.kind, open.exemption.id);
    setOpen(null);
    setNotice(saved ? noticeOf(message, result) : null);
    // Back to the button that opened the form, so keyboard users continue where they were.
    setTimeout(() => document.getElementById(id)?.focus(), 0);
  }

  /** Closes a form whose action sent a letter: the server's answer says whether it can be undone. */
  const closeAfterLetter = (message: string) => (result: ExemptionOutput | null) => close(result !== null, message, result);

  function button(kind: FormKind, exemption: ExemptionOutput, label: string): ReactNode {
    return (
      <SecondaryActionButton
        type="button"
        id={buttonId(kind, exemption.id)}
        aria-expanded={open?.kind === kind && open.exemption.id === exemption.id}
        onClick={() => {
          setNotice(null);
          setOpen({ kind, exemption });
        }}
      >
        {label}
        <span className="nv-visually-hidden"> ({t(`exemptionType.${exemption.type}`)})</span>
      </SecondaryActionButton>
    );
  }

  function actions(exemption: ExemptionOutput): ReactNode {
    const { abilities } = exemption;
    return (
      <>
        {abilities.addMedicalAdvice ? button("medicalAdvice", exemption, t("exemptions.addMedicalAdvice")) : null}
        {abilities.decide ? button("decide", exemption, t("exemptions.decide")) : null}
        {abilities.coSign ? (
          <CoSignButton
            exemption={exemption}
            clientName={clientName}
            onSigned={(result) => {
              setCoSignError(null);
              setNotice(noticeOf(t("exemptions.coSigned"), result));
            }}
            onError={(error) => {
              setCoSignError(error);
              setNotice(null);
            }}
          />
        ) : null}
        {abilities.end ? button("end", exemption, t("exemptions.end")) : null}
        {abilities.refuseExtension ? button("refuseExtension", exemption, t("exemptions.refuseExtension")) : null}
        {abilities.addEvidence ? button("upload", exemption, t("exemptions.addEvidence")) : null}
      </>
    );
  }

  return (
    <section aria-labelledby="exemptions-title" className="nv-section nv-stack">
      <Heading level={3} id="exemptions-title">
        {t("exemptions.title")}
      </Heading>
      <Paragraph>{me.role === "client" ? t("exemptions.introClient") : t("exemptions.intro")}</Paragraph>
      <ProblemAlert error={exemptions.error} />
      <ProblemAlert error={coSignError} />
      {notice?.undoableId ? (
        <UndoStatus
          canUndo={undoable?.abilities.undo ?? false}
          busy={undo.isPending}
          error={undo.error}
          context={undoable ? t(`exemptionType.${undoable.type}`) : undefined}
          onUndo={() => {
            // No exemption back when its recording was undone: it is gone.
            if (undoable)
              undo.mutate(undoable.id, {
                onSuccess: (result) => setNotice(noticeOf(result ? t("exemptions.undone") : t("exemptions.recordingUndone"))),
              });
          }}
        >
          <p className="nv-alert-text">{notice.message}</p>
        </UndoStatus>
      ) : notice ? (
        <Alert type="ok" role="status">
          {notice.message}
        </Alert>
      ) : null}
      {exemptions.isPending ? <Paragraph role="status">{t("app.loading")}</Paragraph> : null}
      {exemptions.data && items.length === 0 ? <Paragraph>{t("exemptions.empty")}</Paragraph> : null}
      {items.length > 0 ? (
        <ExemptionsTable
          exemptions={items}
          caption={t("exemptions.caption", { count: items.length, name: client.givenName })}
          actions={actions}
        />
      ) : null}
      {open?.kind === "medicalAdvice" ? (
        <MedicalAdviceForm key={open.exemption.id} exemption={open.exemption} onDone={(saved) => close(saved, t("medicalAdvice.saved"))} />
      ) : null}
      {open?.kind === "decide" ? (
        <DecisionForm
          key={open.exemption.id}
          exemption={open.exemption}
          clientName={clientName}
          onDone={closeAfterLetter(t("exemptionDecision.saved"))}
        />
      ) : null}
      {open?.kind === "end" ? (
        <EndExemptionForm
          key={open.exemption.id}
          exemption={open.exemption}
          clientName={clientName}
          onDone={closeAfterLetter(t("endExemption.saved"))}
        />
      ) : null}
      {open?.kind === "refuseExtension" ? (
        <RefuseExtensionForm
          key={open.exemption.id}
          exemption={open.exemption}
          clientName={clientName}
          onDone={closeAfterLetter(t("refuseExtension.saved"))}
        />
      ) : null}
      {open?.kind === "upload" ? (
        <UploadForm
          key={open.exemption.id}
          path={`/exemptions/${open.exemption.id}/documents`}
          name="exemptionFile"
          title={t("exemptions.evidenceTitle", { type: t(`exemptionType.${open.exemption.type}`) })}
          onUploaded={reload}
        />
      ) : null}
      {/* Who decides records the exemption; whoever may only ask files a request. */}
      {mayRecord ? (
        <ExemptionForm
          clientId={client.id}
          clientName={clientName}
          onRecorded={(result) =>
            setNotice(
              noticeOf(result.status === "awaitingCoSign" ? t("exemptionForm.savedAwaitingCoSign") : t("exemptionForm.saved"), result),
            )
          }
        />
      ) : null}
      {!mayRecord && mayRequest ? <RequestExemptionForm clientId={client.id} /> : null}
    </section>
  );
}

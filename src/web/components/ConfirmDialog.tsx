import { ApiError } from "@web/api/client.js";
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type FormCheck, formCheckFailure } from "./formCheck.js";
import { Heading, Paragraph, PrimaryActionButton, SecondaryActionButton } from "./nlds.js";

interface ConfirmDialogProps {
  title: string;
  /** What will happen, in plain words: who gets which letter, and that it can be undone until it is printed. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question before an action that sends a letter or a proposal: a native `<dialog>`, so focus moves into it
 * and stays there, Escape cancels, and focus returns to the button that opened it when it closes.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      // Back to where the person was, when that is still on the page (the action may have replaced it).
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="nv-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape: the dialog closes as the person asked, through the same path as the cancel button.
        event.preventDefault();
        onCancel();
      }}
    >
      <Heading level={2} id={titleId} className="nv-dialog__title">
        {title}
      </Heading>
      <div id={bodyId}>
        <Paragraph>{children}</Paragraph>
      </div>
      <div className="nv-form__actions">
        {/* A modal dialog puts focus on its first action, as the platform does. */}
        <PrimaryActionButton type="button" autoFocus onClick={onConfirm}>
          {confirmLabel}
        </PrimaryActionButton>
        <SecondaryActionButton type="button" onClick={onCancel}>
          {t("confirm.cancel")}
        </SecondaryActionButton>
      </div>
    </dialog>
  );
}

/**
 * Asks before an action: `ask(action, { form, schema, body })` first checks the form (see `formCheckFailure`), and
 * only when it passes opens the dialog; the action runs, with the body, only when the person confirms. Render
 * `dialog` where the question belongs, and show `invalid` as the form shows the server's errors
 * (`formErrorsOf(confirmation.invalid ?? mutation.error, …)`).
 */
export function useConfirmation(texts: { title: string; body: ReactNode; confirmLabel: string }) {
  const [pending, setPending] = useState<(() => void) | null>(null);
  const [invalid, setInvalid] = useState<ApiError | null>(null);
  const ask = useCallback(<Body,>(action: (body: Body) => void, check: FormCheck<Body> = {}) => {
    const failure = formCheckFailure(check);
    setInvalid(failure instanceof ApiError ? failure : null);
    if (!failure) setPending(() => () => action(check.body as Body));
  }, []);
  const dialog = pending ? (
    <ConfirmDialog
      title={texts.title}
      confirmLabel={texts.confirmLabel}
      onConfirm={() => {
        setPending(null);
        pending();
      }}
      onCancel={() => setPending(null)}
    >
      {texts.body}
    </ConfirmDialog>
  ) : null;
  return { ask, dialog, invalid };
}

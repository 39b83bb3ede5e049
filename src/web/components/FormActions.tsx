import { useTranslation } from "react-i18next";
import { PrimaryActionButton, SecondaryActionButton } from "./nlds.js";

interface FormActionsProps {
  submitLabel: string;
  busy: boolean;
  /** Closes the form without saving; leave out for forms that stay open. */
  onCancel?: () => void;
}

/** The submit button of a form, with a cancel button beside it when the form can be closed. */
export function FormActions({ submitLabel, busy, onCancel }: FormActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="nv-form__actions">
      <PrimaryActionButton type="submit" busy={busy}>
        {submitLabel}
      </PrimaryActionButton>
      {onCancel ? (
        <SecondaryActionButton type="button" onClick={onCancel}>
          {t("form.cancel")}
        </SecondaryActionButton>
      ) : null}
    </div>
  );
}

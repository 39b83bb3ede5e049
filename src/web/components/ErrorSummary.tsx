import { useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { fieldId } from "./fields.js";
import type { FieldError } from "./problems.js";

/** The list of a form's errors at its top; takes focus when it appears so keyboard users hear what to fix. */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);

  if (errors.length === 0) return null;
  return (
    <section ref={ref} tabIndex={-1} className="utrecht-alert utrecht-alert--error nv-error-summary" aria-labelledby={titleId}>
      <div className="utrecht-alert__content">
        <h2 id={titleId} className="nv-error-summary__title">
          {t("form.errorSummaryTitle", { count: errors.length })}
        </h2>
        <ul className="nv-error-summary__list">
          {/* Each field has one entry (formErrorsOf keeps the first); entries without a field differ by their text. */}
          {errors.map((error) => (
            <li key={`${error.name}:${error.message}`}>
              {error.name ? (
                <a
                  href={`#${fieldId(error.name)}`}
                  onClick={(event) => {
                    // Focus the control itself; following the fragment would only scroll to it.
                    event.preventDefault();
                    document.getElementById(fieldId(error.name))?.focus();
                  }}
                >
                  {error.message}
                </a>
              ) : (
                error.message
              )}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { fieldId } from "./fields.js";
import type { FieldError } from "./problems.js";

/** The list of a form's errors at its top; takes focus when it appears so keyboard users hear what to fix. */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);

  if (errors.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} className="utrecht-alert utrecht-alert--error nv-error-summary" aria-labelledby="error-summary-title">
      <div className="utrecht-alert__content">
        <h2 id="error-summary-title" className="nv-error-summary__title">
          {t("form.errorSummaryTitle", { count: errors.length })}
        </h2>
        <ul className="nv-error-summary__list">
          {errors.map((error, index) => (
            <li key={`${error.name}-${index}`}>
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
    </div>
  );
}

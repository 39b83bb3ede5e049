import { ApiError } from "@web/api/client.js";
import type { TFunction } from "i18next";

/** One field error, ready to show beside the field and in the error summary. */
export interface FieldError {
  /** The form field it belongs to; empty when it belongs to no field on this form. */
  name: string;
  message: string;
}

/** Field errors and, when the failure is not about fields, the error itself. */
export interface FormErrors {
  byField: Record<string, string>;
  list: FieldError[];
  other: unknown;
}

/**
 * The translated message for one invalid field. Tried in order: the field's own text (`blocks.endTime`, list
 * positions left out), its group's text (`blocks`), the generic text for the code, then the server's reason.
 */
export function fieldMessage(t: TFunction, field: string, code: string, reason: string): string {
  const path = field.split(".").filter((segment) => !/^\d+$/.test(segment));
  const keys = [...new Set([path.join("."), path[0] ?? field])].map((key) => `fieldErrors.${key}.${code}`);
  return t([...keys, `fieldErrors.${code}`], { defaultValue: reason });
}

/**
 * Splits a failed submission into per-field messages (from `invalidParams`) and anything else. `controls` names
 * the form control of an API field when the two differ (several forms on one page): the error lands on that
 * control, and its own text (`fieldErrors.<control>.<code>`) is tried before the API field's.
 */
export function formErrorsOf(error: unknown, t: TFunction, fields: readonly string[], controls: Record<string, string> = {}): FormErrors {
  const result: FormErrors = { byField: {}, list: [], other: null };
  if (!(error instanceof ApiError) || !error.problem.invalidParams?.length) {
    result.other = error ?? null;
    return result;
  }
  for (const param of error.problem.invalidParams) {
    // `clientIds[2]` and `clientIds.2` are the same place.
    const name = param.name.replace(/\[(\d+)\]/g, ".$1");
    // A nested name is its own field when the form has a control for it (`blocks.0.endTime`, `scores.housing`);
    // otherwise it belongs to its top-level field (`languages.0` to `languages`).
    const field = fields.includes(name) ? name : (name.split(".")[0] ?? name);
    const known = fields.includes(field);
    const control = controls[field] ?? field;
    const fallback = fieldMessage(t, name, param.code, param.reason);
    const message = control === field ? fallback : t(`fieldErrors.${control}.${param.code}`, { defaultValue: fallback });
    if (known && result.byField[control]) continue;
    if (known) result.byField[control] = message;
    result.list.push({ name: known ? control : "", message });
  }
  return result;
}

/** A user-facing sentence for an API failure that is not about a single field. */
export function problemMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t("problems.unexpected");
  const { status, code, requestId } = error.problem;
  if (status === 0) return t("problems.network");
  if (status === 429) return t(`problems.${code}`, { defaultValue: t("problems.tooManyRequests") });
  if (status >= 500) return t("problems.server", { requestId: requestId ?? "-" });
  if (status === 403) return t(`problems.${code}`, { defaultValue: t("problems.forbidden") });
  if (status === 404) return t("problems.notFound");
  return t(`problems.${code}`, { defaultValue: error.problem.detail });
}

/**
 * Names the field in front of summary messages that would otherwise read the same ("Taal: kies een score
 * van 1 tot 5."). Beside the field itself the plain message stays, because there the field is obvious.
 */
export function withFieldNames(errors: FormErrors, nameOf: (field: string) => string | undefined): FormErrors {
  const list = errors.list.map((error) => {
    const label = error.name ? nameOf(error.name) : undefined;
    if (!label) return error;
    return { ...error, message: `${label}: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}` };
  });
  return { ...errors, list };
}

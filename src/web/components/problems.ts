import type { TFunction } from "i18next";
import { ApiError } from "@web/api/client.js";

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

/** The translated message for one invalid field: field-specific text, then generic text, then the server's reason. */
export function fieldMessage(t: TFunction, field: string, code: string, reason: string): string {
  return t(`fieldErrors.${field}.${code}`, { defaultValue: t(`fieldErrors.${code}`, { defaultValue: reason }) });
}

/** Splits a failed submission into per-field messages (from `invalidParams`) and anything else. */
export function formErrorsOf(error: unknown, t: TFunction, fields: readonly string[]): FormErrors {
  const result: FormErrors = { byField: {}, list: [], other: null };
  if (!(error instanceof ApiError) || !error.problem.invalidParams?.length) {
    result.other = error ?? null;
    return result;
  }
  for (const param of error.problem.invalidParams) {
    // Nested names like `languages.0` belong to the `languages` field.
    const field = param.name.split(".")[0] ?? param.name;
    const known = fields.includes(field);
    const message = fieldMessage(t, field, param.code, param.reason);
    if (known && result.byField[field]) continue;
    if (known) result.byField[field] = message;
    result.list.push({ name: known ? field : "", message });
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

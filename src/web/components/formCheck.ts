import { invalidParamsOf } from "@shared/invalid-params.js";
import { ApiError } from "@web/api/client.js";
import type { ZodType } from "zod";

/** What a form checks of itself before it asks: its own constraints, and the shared schema of what it would send. */
export interface FormCheck<Body> {
  /** The browser checks the form's constraints (required fields) and shows its message at the first field it refuses. */
  form?: Pick<HTMLFormElement, "reportValidity"> | null;
  /** The shared schema of the request body (`src/shared/schemas/`), and the body the form would send. */
  schema?: ZodType;
  body?: Body;
}

/**
 * Why a form may not be sent yet: `"reported"` when the browser showed what is missing, the schema's refusal shaped
 * as the server's 400 (so the form shows it as it shows the server's field errors), or null when it may be sent.
 * No rules of its own: only the form's constraints and the schema the server checks too.
 */
export function formCheckFailure<Body>({ form, schema, body }: FormCheck<Body>): "reported" | ApiError | null {
  if (form && !form.reportValidity()) return "reported";
  const parsed = schema?.safeParse(body);
  if (!parsed || parsed.success) return null;
  const invalidParams = invalidParamsOf(body, parsed.error);
  return new ApiError({
    status: 400,
    title: "Invalid input",
    detail: `Check these fields: ${invalidParams.map((param) => param.name).join(", ")}.`,
    code: "invalidInput",
    invalidParams,
  });
}

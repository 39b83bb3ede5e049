import type { z } from "zod";

/** One invalid field of a request, as problem+json's `invalidParams` names it. */
export interface SchemaInvalidParam {
  name: string;
  code: string;
  reason: string;
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  return segments.reduce<unknown>(
    (value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined),
    root,
  );
}

/**
 * One schema failure as an invalid field: its dotted path (`fallback` for the input as a whole), a refinement's own
 * code first, `required` when the field is missing, else the schema's code. The server's error handler and the web
 * app's check before it asks for confirmation both use it, so a form shows the same message whichever caught it.
 */
export function invalidParamAt(
  input: unknown,
  path: readonly PropertyKey[],
  failure: { code: string; message: string; ownCode?: string | undefined },
  fallback = "body",
): SchemaInvalidParam {
  const segments = path.map(String);
  const missing = segments.length > 0 && valueAt(input, segments) == null && failure.code !== "custom";
  return {
    name: segments.join(".") || fallback,
    code: failure.ownCode ?? (missing ? "required" : failure.code),
    reason: missing ? "Required" : failure.message,
  };
}

/** Every failure of a shared schema on `input`, as the server would answer them. */
export function invalidParamsOf(input: unknown, error: z.ZodError): SchemaInvalidParam[] {
  return error.issues.map((issue) =>
    invalidParamAt(input, issue.path, {
      code: issue.code,
      message: issue.message,
      ownCode: issue.code === "custom" ? (issue.params?.code as string | undefined) : undefined,
    }),
  );
}

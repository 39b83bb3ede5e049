import { ApiError } from "@web/api/client.js";

/** Whether the server refused the read for want of a reason (an administrator's read). */
export function needsAccessReason(error: unknown): boolean {
  return error instanceof ApiError && error.status === 400 && (error.problem.invalidParams ?? []).some((p) => p.name === "accessReason");
}

import type { UserRole } from "@shared/enums.js";
import type { MeOutput } from "@shared/schemas/users.js";
import { createContext, useContext } from "react";

export const CurrentUserContext = createContext<MeOutput | null>(null);

/** The logged-in user; only for components rendered inside RequireAuth. */
export function useCurrentUser(): MeOutput {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error("useCurrentUser outside RequireAuth");
  return me;
}

/** Roles that work with the caseload. */
export const STAFF_ROLES: readonly UserRole[] = ["admin", "consultant", "teamLead"];

/** True for roles that work with the caseload. */
export function isStaff(role: UserRole): boolean {
  return STAFF_ROLES.includes(role);
}

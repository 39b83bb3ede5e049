import type { UserRole } from "@shared/enums.js";

/** The parts of a client's record, each behind its own tab. */
export const CLIENT_TABS = [
  "data",
  "appointments",
  "letters",
  "intake",
  "plan",
  "placements",
  "suggestions",
  "check-ins",
  "ladder",
  "exemptions",
  "sanctions",
] as const;
export type ClientTab = (typeof CLIENT_TABS)[number];

/** The tabs a role may open; the server decides again on every call. Health data loads only in its own tab. */
export function clientTabsFor(role: UserRole): readonly ClientTab[] {
  switch (role) {
    case "consultant":
    case "teamLead":
      return CLIENT_TABS;
    case "admin":
      // Suggestions are for the caseworkers who propose; an administrator does not refer clients.
      return CLIENT_TABS.filter((tab) => tab !== "suggestions");
    case "client":
      return ["data", "appointments", "letters", "plan", "exemptions", "sanctions"];
    default:
      return ["data"];
  }
}

/** The address of a client's record, opened at a tab. */
export function clientTabPath(clientId: string, tab: ClientTab): string {
  return tab === "data" ? `/clients/${clientId}` : `/clients/${clientId}?tab=${tab}`;
}

/** True for roles that record the workflow (invitations, intakes, plans, check-ins). */
export function canRecordWorkflow(role: UserRole): boolean {
  return role === "consultant" || role === "teamLead";
}

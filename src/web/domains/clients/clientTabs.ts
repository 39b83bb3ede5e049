import type { UserRole } from "@shared/enums.js";
import type { ClientOutput } from "@shared/schemas/clients.js";

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
  "decisions",
] as const;
export type ClientTab = (typeof CLIENT_TABS)[number];

/** The ability of the client's record that opens each tab; the record's own data is always there. */
const TAB_ABILITY: Record<Exclude<ClientTab, "data">, keyof ClientOutput["abilities"]> = {
  appointments: "viewAppointments",
  letters: "viewLetters",
  intake: "viewIntake",
  plan: "viewPlan",
  placements: "viewPlacements",
  suggestions: "viewSuggestions",
  "check-ins": "viewCheckIns",
  ladder: "viewLadder",
  exemptions: "viewExemptions",
  sanctions: "viewSanctions",
  decisions: "viewDecisions",
};

/** The tabs the caller's abilities on this record open; the server decides again on every call. Health data loads only in its own tab. */
export function clientTabsFor(abilities: ClientOutput["abilities"] | undefined): readonly ClientTab[] {
  if (!abilities) return ["data"];
  return CLIENT_TABS.filter((tab) => tab === "data" || abilities[TAB_ABILITY[tab]]);
}

/** The address of a client's record, opened at a tab. */
export function clientTabPath(clientId: string, tab: ClientTab): string {
  return tab === "data" ? `/clients/${clientId}` : `/clients/${clientId}?tab=${tab}`;
}

/** True for roles that record the workflow (invitations, intakes, plans, check-ins). */
export function canRecordWorkflow(role: UserRole): boolean {
  return role === "consultant" || role === "teamLead";
}

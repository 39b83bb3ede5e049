import { createHash } from "node:crypto";
import type {
  AppointmentsTable,
  ConsultantAvailabilityTable,
  NewClientRow,
  PlacementsTable,
  PlanStepsTable,
  PlansTable,
} from "@server/db/schema.js";
import { addDays } from "@shared/dates.js";
import { freeSlots } from "../domains/appointments/slots.js";

/** The demo consultants' direct numbers, shown to their clients on the portal's start page (fictional). */
export const DEMO_CONSULTANT_PHONES: Readonly<Record<string, string>> = {
  "consulent@demo.local": "010 498 12 34",
  "consulent2@demo.local": "010 498 56 78",
};

/** A UUID (version 4 layout) derived from a name, so that a row the seed adds draws nothing from the seeded random. */
function uuidFrom(name: string): string {
  const hex = createHash("sha256").update(name).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What makes a client's portal worth showing in the demo. */
export interface PortalFacts {
  /** Clients with a tegenprestatie assignment (a decision). */
  assigned: ReadonlySet<string>;
  plans: readonly Pick<PlansTable, "id" | "client_id" | "status">[];
  steps: readonly Pick<PlanStepsTable, "plan_id" | "client_id" | "status">[];
  placements: readonly Pick<PlacementsTable, "client_id" | "status">[];
}

/**
 * The client the demo client account belongs to: of the candidates (the demo consultant's clients, in a fixed order),
 * the first with an assignment, a running placement and a running or coming step of their plan in force; failing that
 * the first with an assignment and a running placement, then the first with an assignment, then the first at all.
 */
export function choosePortalClient<C extends Pick<NewClientRow, "id">>(candidates: readonly C[], facts: PortalFacts): C | undefined {
  const confirmed = new Set(facts.plans.filter((p) => p.status === "confirmed").map((p) => p.id));
  const stepping = new Set(
    facts.steps.filter((s) => confirmed.has(s.plan_id) && (s.status === "active" || s.status === "planned")).map((s) => s.client_id),
  );
  const placed = new Set(facts.placements.filter((p) => p.status === "active").map((p) => p.client_id));
  const tests: ((id: string) => boolean)[] = [
    (id) => facts.assigned.has(id) && placed.has(id) && stepping.has(id),
    (id) => facts.assigned.has(id) && placed.has(id),
    (id) => facts.assigned.has(id),
    () => true,
  ];
  for (const test of tests) {
    const found = candidates.find((c) => test(c.id));
    if (found) return found;
  }
  return undefined;
}

/**
 * A planned conversation of the demo client with their consultant in the consultant's first free slot from two days
 * after today, so the start page shows a next appointment and "Ik kan niet" can be tried.
 */
export function portalAppointment(
  clientId: string,
  consultantId: string,
  availability: readonly ConsultantAvailabilityTable[],
  appointments: readonly Pick<AppointmentsTable, "consultant_id" | "starts_at" | "status">[],
  today: string,
  now: string,
): AppointmentsTable | null {
  const blocks = availability.filter((b) => b.consultant_id === consultantId);
  const taken = new Set(appointments.filter((a) => a.consultant_id === consultantId && a.status !== "cancelled").map((a) => a.starts_at));
  const slot = freeSlots(blocks, addDays(today, 2), 28, taken).next();
  if (slot.done) return null;
  return {
    id: uuidFrom(`portal-appointment:${clientId}`),
    client_id: clientId,
    consultant_id: consultantId,
    kind: "followUp",
    starts_at: slot.value.startsAt,
    ends_at: slot.value.endsAt,
    location: slot.value.location,
    status: "planned",
    created_by: consultantId,
    created_at: now,
    updated_at: now,
  };
}

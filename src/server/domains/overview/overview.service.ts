import { passes } from "@server/auth/abilities.js";
import type { RequestContext } from "@server/auth/actor.js";
import type { ClientRow, Database, PlanRow, PlanStepRow, RescheduleRequestRow, UserRow } from "@server/db/schema.js";
import type { WaitingItem } from "@shared/schemas/overview.js";
import type { PlacementStatus } from "@shared/schemas/placements.js";
import type { Kysely } from "kysely";
import { listClientRequests } from "../accountability/accountability.repo.js";
import { overdueOn } from "../accountability/accountability.rules.js";
import { ordinanceVersionsByNumber } from "../accountability/accountability.service.js";
import { findOpenRescheduleRequest, plannedAppointmentsFrom } from "../appointments/appointments.repo.js";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { hearingsOf, listClientDecisions, objectionsAgainst } from "../decisions/decisions.repo.js";
import { assertNoObjectionYet, assertObjectable } from "../decisions/decisions.rules.js";
import { assertMayHear } from "../decisions/objections.rules.js";
import { listIntakesOfClient } from "../intakes/intakes.repo.js";
import { currentAgreement, listAgreements, placesOfClient } from "../placements/placements.repo.js";
import { findConfirmed, listStepsOfPlans } from "../plans/plans.repo.js";
import { listClientSanctions } from "../sanctions/sanctions.repo.js";
import { assertMayHear as assertMayHearSanction } from "../sanctions/sanctions.rules.js";
import { findUserById } from "../users/users.repo.js";
import { ACTIVE_STEP_STATUSES, isOneOf } from "../vocabulary.js";

/** Placements that ask something of the client now: accepted (about to start) and running. */
const CURRENT_PLACEMENTS: readonly PlacementStatus[] = ["accepted", "active"];

type Appointment = Awaited<ReturnType<typeof plannedAppointmentsFrom>>[number];
type Place = Awaited<ReturnType<typeof placesOfClient>>[number];

/** What the start page rests on, loaded once for the presenter. */
export interface OverviewFacts {
  client: ClientRow;
  nextAppointment: { appointment: Appointment; openRequest: RescheduleRequestRow | undefined } | null;
  steps: PlanStepRow[];
  placements: { place: Place; contactPerson: string | null; startDate: string | null; endDate: string | null; hoursPerWeek: number }[];
  waiting: WaitingItem[];
  consultant: UserRow | undefined;
}

/** The client's plan in force and its steps. */
export async function confirmedPlanOf(
  db: Kysely<Database>,
  clientId: string,
): Promise<{ plan: PlanRow | undefined; steps: PlanStepRow[] }> {
  const plan = await findConfirmed(db, clientId);
  return { plan, steps: plan ? await listStepsOfPlans(db, [plan.id]) : [] };
}

/** The client's current placements with the terms of their latest agreement (before one is signed: the referral's hours). */
export async function currentPlacementsOf(db: Kysely<Database>, clientId: string): Promise<OverviewFacts["placements"]> {
  const places = await placesOfClient(db, clientId, CURRENT_PLACEMENTS);
  return Promise.all(
    places.map(async (place) => {
      const agreement = await currentAgreement(db, place.id);
      return {
        place,
        contactPerson: agreement?.contact_person ?? null,
        startDate: agreement?.start_date ?? place.started_on,
        endDate: agreement?.end_date ?? null,
        hoursPerWeek: agreement?.hours_per_week ?? place.hours_per_week,
      };
    }),
  );
}

/**
 * What waits for the client's answer, soonest first: an open accountability request (answer by its overdue date), a
 * proposed sanction whose hearing has not been held (respond by the hearing letter's date), an objection whose hearing
 * is to come, and a decision whose objection term still runs and against which no objection was made.
 */
export async function waitingFor(db: Kysely<Database>, clientId: string, today: string): Promise<WaitingItem[]> {
  const versions = await ordinanceVersionsByNumber(db);
  const requests = (await listClientRequests(db, clientId)).filter((r) => r.status === "open");
  // A proposed sanction the client may still give their side on (the same rule the hearing route runs).
  const sanctions = (await listClientSanctions(db, clientId)).filter((s) => passes(() => assertMayHearSanction(s)));
  const decisions = await listClientDecisions(db, clientId);
  const objections = await objectionsAgainst(
    db,
    decisions.map((d) => d.id),
  );
  // Invited to a hearing on their objection that may still be held, and not held yet.
  const undecided = [...objections.values()].filter((o) => o.hearing_invitation_letter_id !== null && passes(() => assertMayHear(o)));
  const hearings = await hearingsOf(
    db,
    undecided.map((o) => o.id),
  );
  const items: WaitingItem[] = [
    ...requests.map((r) => ({ kind: "accountabilityRequest" as const, id: r.id, respondBy: overdueOn(r, versions), decisionType: null })),
    ...sanctions.map((s) => ({ kind: "sanctionHearing" as const, id: s.id, respondBy: s.hearing_respond_by, decisionType: null })),
    ...undecided
      .filter((o) => (hearings.get(o.id) ?? []).length === 0)
      .map((o) => ({ kind: "objectionHearing" as const, id: o.id, respondBy: null, decisionType: null })),
    ...decisions
      .filter(
        (d) =>
          d.objection_term_ends_on !== null &&
          d.objection_term_ends_on >= today &&
          passes(() => {
            assertObjectable(d);
            assertNoObjectionYet(objections.get(d.id));
          }),
      )
      .map((d) => ({ kind: "objectionTerm" as const, id: d.id, respondBy: d.objection_term_ends_on, decisionType: d.type })),
  ];
  return items.sort((a, b) => (a.respondBy ?? "9999").localeCompare(b.respondBy ?? "9999"));
}

/** The next appointment that has not started, and the client's open request for another time for it. */
async function nextAppointmentOf(db: Kysely<Database>, clientId: string, ctx: RequestContext): Promise<OverviewFacts["nextAppointment"]> {
  const now = ctx.clock.now().getTime();
  const appointment = (await plannedAppointmentsFrom(db, clientId, ctx.clock.today()))
    .filter((a) => Date.parse(a.starts_at) > now)
    .sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at))[0];
  if (!appointment) return null;
  return { appointment, openRequest: await findOpenRescheduleRequest(db, appointment.id) };
}

/**
 * The client's start page, "Wat moet ik doen?": the next appointment, what is asked of them now, what waits for their
 * answer and who their consultant is. Their own record only (another id is absent: 404); the read is audited, since it
 * holds benefit matters (sanctions, decisions).
 */
export async function loadOverview(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<OverviewFacts> {
  const client = await requireVisibleClient(db, ctx.actor, clientId);
  const today = ctx.clock.today();
  const { steps } = await confirmedPlanOf(db, clientId);
  const facts: OverviewFacts = {
    client,
    nextAppointment: await nextAppointmentOf(db, clientId, ctx),
    steps: steps.filter((s) => isOneOf(ACTIVE_STEP_STATUSES, s.status)),
    placements: await currentPlacementsOf(db, clientId),
    waiting: await waitingFor(db, clientId, today),
    consultant: client.consultant_id ? await findUserById(db, client.consultant_id) : undefined,
  };
  await recordAudit(db, ctx, { action: "overview.read", category: "read:sensitive", clientId, subjectType: "client", subjectId: clientId });
  return facts;
}

/** What the plan page rests on. */
export interface PlanSummaryFacts {
  client: ClientRow;
  plan: PlanRow | undefined;
  steps: PlanStepRow[];
  placements: (OverviewFacts["placements"][number] & { agreements: Awaited<ReturnType<typeof listAgreements>> })[];
  intake: Awaited<ReturnType<typeof listIntakesOfClient>>[number] | undefined;
}

/**
 * The client's plan and placement page: the plan in force with its steps and letter, the current placements with every
 * agreement version and its letter, and the latest intake, of which the presenter passes the outcome only.
 */
export async function loadPlanSummary(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<PlanSummaryFacts> {
  const client = await requireVisibleClient(db, ctx.actor, clientId);
  const { plan, steps } = await confirmedPlanOf(db, clientId);
  const placements = await Promise.all(
    (await currentPlacementsOf(db, clientId)).map(async (p) => ({ ...p, agreements: await listAgreements(db, p.place.id) })),
  );
  const [intake] = await listIntakesOfClient(db, clientId);
  await recordAudit(db, ctx, { action: "overview.plan", category: "read:sensitive", clientId, subjectType: "client", subjectId: clientId });
  return { client, plan, steps, placements, intake };
}

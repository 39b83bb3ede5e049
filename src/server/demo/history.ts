import type { Actor } from "@server/auth/actor.js";
import type { Clock } from "@server/clock.js";
import type {
  AppointmentsTable,
  CheckInsTable,
  ConsultantAvailabilityTable,
  Database,
  IntakesTable,
  InvitationsTable,
  LadderAssessmentsTable,
  LettersTable,
  NewClientRow,
  PlanStepsTable,
  PlansTable,
} from "@server/db/schema.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import type { LetterLayout } from "@server/letters/pdf.js";
import { addDays, addMonths, amsterdamDateTime, dutchTime, dutchWeekdayDate, isoWeekday } from "@shared/dates.js";
import { isOwnSituationStep, PLAN_STEP_TYPES } from "@shared/schemas/plans.js";
import type { Insertable, Kysely } from "kysely";
import { prepareLetter } from "../domains/letters/letters.service.js";
import { drawOutcomeLevels, ladderRungOn, type OutcomeLevels, treatedOn, who5ItemsOn } from "./outcomes.js";
import type { SeededRandom } from "./population.js";
import { present } from "./present.js";
import { yieldToEventLoop } from "./yield.js";

export interface HistoryConsultant {
  id: string;
  displayName: string;
  district: string;
}

const STEP_TITLES: Record<(typeof PLAN_STEP_TYPES)[number], string[]> = {
  languageCourse: ["Taalles Nederlands A2", "Taalcafé in de wijk", "Taalles B1"],
  exercise: ["Wandelgroep", "Sporten bij de buurtsportcoach", "Zwemmen"],
  careReferral: ["Gesprekken bij het wijkteam", "Begeleiding door maatschappelijk werk"],
  debtHelp: ["Schuldhulpverlening Kredietbank", "Hulp bij de administratie"],
  caregiving: ["Mantelzorg voor moeder", "Mantelzorg voor een buurvrouw"],
  volunteerPlacement: ["Gastvrouw in het buurthuis", "Helpen bij de voedselbank", "Klusjes op de stadsboerderij"],
  ownInitiative: ["Koken voor de buurt", "Moestuin in de wijk"],
  training: ["Cursus computervaardigheden", "VCA-cursus"],
  ownSituation: ["Werken aan de eigen situatie"],
  peerSupport: ["Een maatje uit de wijk"],
};
/** The step types of the generated history; buddies are made by the demo's Overschie buddy group (`buddies.ts`). */
const HISTORY_STEP_TYPES = PLAN_STEP_TYPES.filter((type) => type !== "peerSupport");

/** The first ordinance's maximum duration of an activity (its default, `maxDurationMonths`). */
const DEMO_MAX_DURATION_MONTHS = 12;

/** Of the clients who came to the intake, the share whose plan was confirmed a week later. */
const PLAN_AFTER_INTAKE = 0.92;

/** Weekly availability every demo consultant gets: Tuesday and Thursday mornings, Wednesday afternoon. */
export function demoAvailability(random: SeededRandom, consultant: HistoryConsultant, now: string): ConsultantAvailabilityTable[] {
  const location = `Wijkteam ${consultant.district}`;
  return [
    [2, "09:00", "12:00"],
    [3, "13:00", "16:00"],
    [4, "09:00", "12:00"],
  ].map(([weekday, start_time, end_time]) => ({
    id: random.uuid(),
    consultant_id: consultant.id,
    weekday: weekday as number,
    start_time: start_time as string,
    end_time: end_time as string,
    slot_minutes: 45,
    location,
    created_at: now,
  }));
}

interface HistoryRows {
  appointments: AppointmentsTable[];
  letters: LettersTable[];
  invitations: InvitationsTable[];
  intakes: IntakesTable[];
  ladder: LadderAssessmentsTable[];
  plans: PlansTable[];
  steps: PlanStepsTable[];
  checkIns: Insertable<CheckInsTable>[];
  capacities: Map<string, number>;
  /** Clients with a plan in force and the hours a week it leaves free: candidates for a placement. */
  planned: PlannedClient[];
}

/** A client with a confirmed plan: a candidate for a placement, checked in on at the plan's frequency. */
export interface PlannedClient {
  clientId: string;
  district: string;
  consultantId: string;
  confirmedOn: string;
  spareHours: number;
  planId: string;
  frequencyWeeks: number;
  levels: OutcomeLevels;
  growthRung: number;
}

function actorOf(consultant: HistoryConsultant, scopeDate: string): Actor {
  return {
    id: consultant.id,
    email: "",
    displayName: consultant.displayName,
    role: "consultant",
    districts: [consultant.district],
    organisationId: null,
    clientId: null,
    scopeDate,
  };
}

/** A working day on or after `date`. */
function workingDay(date: string): string {
  let day = date;
  while (isoWeekday(day) > 5) day = addDays(day, 1);
  return day;
}

/**
 * Two years of the consultant workflow for a share of the clients: invitations with registered letters and
 * their delivery, intakes with the first ladder assessment, and plans with steps (about three in four invited come to
 * the intake, nearly all of them get a plan). The check-ins follow once the placements are known (`addCheckIns`).
 * Deterministic.
 */
export async function generateHistory(
  random: SeededRandom,
  clients: NewClientRow[],
  consultants: Map<string, HistoryConsultant>,
  clock: Clock,
  shareOf: (consultantId: string) => number,
  render: (layout: LetterLayout) => Promise<Buffer>,
  onProgress: (done: number, total: number) => void,
): Promise<HistoryRows> {
  const rows: HistoryRows = {
    appointments: [],
    letters: [],
    invitations: [],
    intakes: [],
    ladder: [],
    plans: [],
    steps: [],
    checkIns: [],
    capacities: new Map(),
    planned: [],
  };
  const today = clock.today();
  const taken = new Set<string>();
  // The letters are laid out by `render` (on worker threads) while the history goes on; they are gathered at the end.
  const letters: Promise<LettersTable>[] = [];
  const chosen = clients.filter((client) => random.chance(shareOf(client.consultant_id ?? "")));
  for (const [index, client] of chosen.entries()) {
    onProgress(index + 1, chosen.length);
    await yieldToEventLoop();
    const consultant = consultants.get(client.consultant_id ?? "");
    if (!consultant) continue;
    const ctx = { actor: actorOf(consultant, today), requestId: "demo-history", clock };
    let invitedOn = workingDay(addDays(today, -random.int(20, 730)));
    for (let sequence = 1; sequence <= 2; sequence++) {
      // Find a free 45-minute slot ten working days later.
      let day = workingDay(addDays(invitedOn, 10));
      let slot = 0;
      const at = (offset: number) => {
        const minutes = 9 * 60 + (slot % 8) * 45 + offset;
        return amsterdamDateTime(day, `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`);
      };
      while (taken.has(`${consultant.id} ${at(0)}`)) {
        slot += 1;
        if (slot % 8 === 0) day = workingDay(addDays(day, 1));
      }
      const startsAt = at(0);
      taken.add(`${consultant.id} ${startsAt}`);
      const location = `Wijkteam ${consultant.district}`;
      const past = day < today;
      const delivery = !past
        ? "sent"
        : random.weighted([
            ["delivered", 86],
            ["notCollected", 7],
            ["returned", 5],
            ["sent", 2],
          ] as const);
      const attended = past && delivery === "delivered" && random.chance(0.8);
      const status = !past
        ? "planned"
        : attended
          ? "attended"
          : delivery === "delivered"
            ? "missed"
            : random.chance(0.5)
              ? "missed"
              : "cancelled";
      const createdAt = `${invitedOn}T09:00:00.000Z`;
      const letterId = random.uuid();
      const sent = {
        delivery_status: delivery,
        tracking_number: delivery === "sent" ? null : `3S${random.faker.string.alphanumeric({ length: 11, casing: "upper" })}`,
        delivery_updated_at: delivery === "sent" ? null : `${addDays(invitedOn, random.int(2, 9))}T12:00:00.000Z`,
      };
      const letter = prepareLetter(ctx, {
        id: letterId,
        createdAt,
        letterDate: invitedOn,
        client: { ...client, id: client.id } as never,
        kind: "invitation",
        template: "invitation",
        registered: true,
        data: {
          givenName: client.given_name,
          familyName: client.family_name,
          appointmentDate: dutchWeekdayDate(startsAt),
          appointmentTime: dutchTime(startsAt),
          location,
          consultantName: consultant.displayName,
          phone: municipality.phone,
          isSecondInvitation: sequence > 1,
        },
        render,
      });
      letters.push(letter.then((prepared) => ({ ...prepared, ...sent })));
      const appointment: AppointmentsTable = {
        id: random.uuid(),
        client_id: client.id,
        consultant_id: consultant.id,
        kind: "intake",
        starts_at: startsAt,
        ends_at: at(45),
        location,
        status,
        created_by: consultant.id,
        created_at: createdAt,
        updated_at: createdAt,
      };
      rows.appointments.push(appointment);
      rows.invitations.push({
        id: random.uuid(),
        client_id: client.id,
        sequence,
        appointment_id: appointment.id,
        letter_id: letterId,
        // The history's letters went out long ago: there is no batch left to print.
        batch_id: null,
        created_by: consultant.id,
        created_at: createdAt,
      });
      if (attended) {
        addIntakeAndPlan(random, rows, client, consultant, day, today, appointment.id);
        break;
      }
      if (status !== "missed" || !random.chance(0.6)) break;
      invitedOn = workingDay(addDays(day, 7));
      if (invitedOn >= today) break;
    }
  }
  rows.letters.push(...(await Promise.all(letters)));
  return rows;
}

function addIntakeAndPlan(
  random: SeededRandom,
  rows: HistoryRows,
  client: NewClientRow,
  consultant: HistoryConsultant,
  heldOn: string,
  today: string,
  appointmentId: string,
) {
  const capacity = client.capacity_hours_per_week ?? random.pick([4, 6, 8, 8, 12, 12, 16, 20]);
  rows.capacities.set(client.id, capacity);
  const levels = drawOutcomeLevels(random);
  const rung = ladderRungOn(random, levels, heldOn, today, false);
  const growth = Math.min(6, levels.rung + random.pick([1, 1, 2]));
  const score = () =>
    random.weighted([
      [1, 6],
      [2, 18],
      [3, 34],
      [4, 28],
      [5, 14],
    ] as const);
  const createdAt = `${heldOn}T11:00:00.000Z`;
  rows.intakes.push({
    id: random.uuid(),
    client_id: client.id,
    appointment_id: appointmentId,
    consultant_id: consultant.id,
    held_on: heldOn,
    income_debts: score(),
    daily_activities: score(),
    housing: score(),
    physical_health: score(),
    mental_health: score(),
    addiction: random.chance(0.85) ? 5 : score(),
    social_network: score(),
    language: score(),
    caring_duties: random.chance(0.2) ? "Zorgt een paar dagen per week voor een familielid" : null,
    education_history: null,
    work_history: random.chance(0.5) ? "Vroeger gewerkt in de schoonmaak en de horeca" : null,
    interests: JSON.stringify(
      random.faker.helpers.arrayElements(["dieren", "koken", "tuinieren", "sport", "muziek", "techniek", "kinderen", "ouderen"], {
        min: 1,
        max: 3,
      }),
    ),
    skills: JSON.stringify(
      random.faker.helpers.arrayElements(["schoonmaken", "klussen", "administratie", "gastvrijheid", "rijbewijs B"], { min: 0, max: 2 }),
    ),
    availability: JSON.stringify(
      random.faker.helpers.arrayElements(["mon-am", "tue-am", "wed-am", "thu-am", "fri-am", "tue-pm", "thu-pm"], { min: 2, max: 5 }),
    ),
    travel_radius_km: random.pick([2, 3, 5, 5, 8, 10]),
    capacity_hours_per_week: capacity,
    ladder_rung: rung,
    growth_rung: growth,
    health_notes: null,
    notes: null,
    created_at: createdAt,
  });
  rows.ladder.push({
    id: random.uuid(),
    client_id: client.id,
    rung,
    growth_rung: growth,
    assessed_on: heldOn,
    assessor_id: consultant.id,
    source: "intake",
    created_at: createdAt,
  });
  if (!random.chance(PLAN_AFTER_INTAKE)) return;

  const confirmedOn = addDays(heldOn, 7);
  if (confirmedOn > today) return;
  const frequency = random.pick([4, 6, 6, 8]);
  const plan: PlansTable = {
    id: random.uuid(),
    client_id: client.id,
    version: 1,
    status: "confirmed",
    reporting_frequency_weeks: frequency,
    confirmed_on: confirmedOn,
    confirmed_by: consultant.id,
    letter_id: null,
    created_by: consultant.id,
    created_at: `${confirmedOn}T10:00:00.000Z`,
  };
  rows.plans.push(plan);
  let hoursLeft = capacity;
  const stepTypes = random.faker.helpers.arrayElements([...HISTORY_STEP_TYPES], { min: 1, max: 3 });
  stepTypes.forEach((type, i) => {
    // Care, debt help and work on one's own situation ask no hours; every other step asks some, for a limited time.
    const ownSituation = isOwnSituationStep(type);
    const hours = ownSituation ? 0 : Math.min(hoursLeft, random.pick([2, 3, 4, 6, 8]));
    if (hours <= 0 && !ownSituation) return;
    hoursLeft -= hours;
    const start = addDays(confirmedOn, i * 14);
    // At most the ordinance's twelve months (365 days never pass them); a step asking hours without a chosen end date
    // ends when they are over, as the plan service would end it.
    const chosenEnd = random.chance(0.6) ? addDays(start, random.int(60, 365)) : null;
    const end = chosenEnd ?? (ownSituation ? null : addMonths(start, DEMO_MAX_DURATION_MONTHS));
    const status =
      end && end < today
        ? random.weighted([
            ["completed", 80],
            ["stopped", 20],
          ] as const)
        : start <= today
          ? "active"
          : "planned";
    rows.steps.push({
      id: random.uuid(),
      plan_id: plan.id,
      client_id: client.id,
      position: i + 1,
      type,
      title: random.pick(STEP_TITLES[type]),
      goal: null,
      hours_per_week: hours,
      start_date: start,
      end_date: end,
      provider: null,
      status,
      stop_reason: status === "stopped" ? "Paste niet goed" : null,
      created_at: plan.created_at,
      updated_at: plan.created_at,
    });
  });

  const planHours = rows.steps
    .filter((s) => s.plan_id === plan.id && (s.status === "active" || s.status === "planned"))
    .reduce((sum, s) => sum + s.hours_per_week, 0);
  rows.planned.push({
    clientId: client.id,
    district: present(client.district, `district of client ${client.id}`),
    consultantId: consultant.id,
    confirmedOn,
    spareHours: capacity - planHours,
    planId: plan.id,
    frequencyWeeks: frequency,
    levels,
    growthRung: growth,
  });
}

/**
 * Check-ins at the plan's frequency from its confirmation until today, about one in seven missed, each with the WHO-5
 * and a ladder assessment made as `outcomes.ts` describes: both move with the common trend and rise once the client's
 * placement has started (`startedOn`, by client).
 */
export function addCheckIns(random: SeededRandom, rows: HistoryRows, startedOn: ReadonlyMap<string, string>, today: string): void {
  for (const planned of rows.planned) {
    const started = startedOn.get(planned.clientId) ?? null;
    for (
      let on = addDays(planned.confirmedOn, planned.frequencyWeeks * 7);
      on < today;
      on = addDays(on, planned.frequencyWeeks * 7 + random.int(-5, 10))
    ) {
      if (random.chance(0.15)) continue;
      const treated = treatedOn(started, on);
      const items = who5ItemsOn(random, planned.levels, on, today, treated);
      const at = `${on}T10:30:00.000Z`;
      rows.checkIns.push({
        id: random.uuid(),
        client_id: planned.clientId,
        plan_id: planned.planId,
        held_on: on,
        recorded_by: planned.consultantId,
        channel: random.pick(["inPerson", "phone", "phone", "video"]),
        how_it_goes: null,
        who5_items: JSON.stringify(items),
        who5_raw: items.reduce((a, b) => a + b, 0),
        ready_for_next_step: random.chance(0.2) ? 1 : 0,
        created_at: at,
      });
      rows.ladder.push({
        id: random.uuid(),
        client_id: planned.clientId,
        rung: ladderRungOn(random, planned.levels, on, today, treated),
        growth_rung: planned.growthRung,
        assessed_on: on,
        assessor_id: planned.consultantId,
        source: "checkIn",
        created_at: at,
      });
    }
  }
}

/** Inserts the generated history in batches. */
export async function insertHistory(db: Kysely<Database>, rows: HistoryRows): Promise<void> {
  const batches = <T>(list: T[], size: number) =>
    Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));
  for (const batch of batches(rows.letters, 50)) await db.insertInto("letters").values(batch).execute();
  for (const batch of batches(rows.appointments, 400)) await db.insertInto("appointments").values(batch).execute();
  for (const batch of batches(rows.invitations, 400)) await db.insertInto("invitations").values(batch).execute();
  for (const batch of batches(rows.intakes, 200)) await db.insertInto("intakes").values(batch).execute();
  for (const batch of batches(rows.ladder, 400)) await db.insertInto("ladder_assessments").values(batch).execute();
  for (const batch of batches(rows.plans, 400)) await db.insertInto("plans").values(batch).execute();
  for (const batch of batches(rows.steps, 400)) await db.insertInto("plan_steps").values(batch).execute();
  for (const batch of batches(rows.checkIns, 400)) await db.insertInto("check_ins").values(batch).execute();
  for (const [clientId, capacity] of rows.capacities) {
    await db.updateTable("clients").set({ capacity_hours_per_week: capacity }).where("id", "=", clientId).execute();
  }
}

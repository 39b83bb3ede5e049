import { parseJsonColumn } from "@server/db/json.js";
import type { Database } from "@server/db/schema.js";
import { CASEWORK_DEFAULTS } from "@shared/casework.js";
import { addDays, todayInAmsterdam } from "@shared/dates.js";
import type { WorkQueueItem, WorkQueueReason, WorkQueueSeverity } from "@shared/schemas/work-queue.js";
import type { Kysely } from "kysely";
import { z } from "zod";
import { ordinanceVersionsByNumber, overdueOn } from "../accountability/accountability.service.js";
import { pendingProposalsOf } from "../activity-proposals/activity-proposals.repo.js";
import { isWho5Low, openClientAlarms } from "../check-ins/check-ins.rules.js";
import { openObjectionsDueBy } from "../decisions/decisions.repo.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { HOST_CHECK_IN_AFTER_DAYS, hostCheckInDueOn, isHostCheckInDue } from "../placements/placements.rules.js";
import * as repo from "./work-queue.repo.js";
import { ageOf, compareQueueItems, compareReasons, isSetAside, type SetAside, severityOf } from "./work-queue.rules.js";

type Reason = WorkQueueItem["reasons"][number];

interface InvitationFacts {
  client_id: string;
  sequence: number;
  letter_status: string;
  letter_updated: string | null;
  letter_date: string;
  appointment_status: string;
  appointment_start: string;
}

const dateOf = (instant: string | null, fallback: string) => (instant ? instant.slice(0, 10) : fallback);

/**
 * Why each client needs attention today. Returned or uncollected letters and missed intakes lead to a new
 * invitation; only a second missed intake after a *delivered* letter is flagged, for the consultant to judge.
 */
function invitationReasons(invitations: InvitationFacts[]): Reason[] {
  const latest = invitations.at(-1);
  if (!latest) return [];
  if (latest.letter_status === "returned" || latest.letter_status === "notCollected") {
    return [
      {
        code: latest.letter_status === "returned" ? "letterReturned" : "letterNotCollected",
        since: dateOf(latest.letter_updated, latest.letter_date),
        suggestedAction: "checkAddressAndInviteAgain",
      },
    ];
  }
  if (latest.appointment_status !== "missed") return [];
  const missedAfterDelivery = invitations.filter((i) => i.appointment_status === "missed" && i.letter_status === "delivered").length;
  const since = latest.appointment_start.slice(0, 10);
  if (missedAfterDelivery >= 2) return [{ code: "possibleNonCompliance", since, suggestedAction: "talkWithClient" }];
  return [{ code: "intakeMissed", since, suggestedAction: "sendSecondInvitation" }];
}

/**
 * Every reason each client of a caseload has today, most urgent first, set aside or not: one query per kind of
 * reason, each over the caseload's query of client ids, whatever its size.
 */
export async function signalsOf(db: Kysely<Database>, caseload: repo.Caseload, today: string): Promise<Map<string, Reason[]>> {
  const { clients, ids } = caseload;
  const signals = new Map<string, Reason[]>();
  if (clients.length === 0) return signals;

  const invitations = await repo.invitationsOf(db, ids);
  const who5Items = z.array(z.number().int());
  const checkIns = (await repo.checkInsOf(db, ids)).map((c) => ({
    ...c,
    who5: parseJsonColumn(who5Items, c.who5_items),
  }));
  const plans = await repo.confirmedPlansOf(db, ids);
  const endingBy = addDays(today, CASEWORK_DEFAULTS.planStepEndingWithinDays);
  const endingSteps = plans.length ? await repo.stepsEndingBetween(db, ids, today, endingBy) : [];

  const recentEndingsSince = addDays(today, -CASEWORK_DEFAULTS.newDropoutWithinDays);
  const dropouts = await repo.dropoutsSince(db, ids, recentEndingsSince);
  // An early ending waits for the consultant to hear the client until its attribution is determined, however long ago.
  const undetermined = await repo.undeterminedEndingsOf(db, ids);
  // A role rejected for displacement ended the client's placement: find another activity.
  const displaced = await repo.displacementEndingsSince(db, ids, recentEndingsSince);

  // A move to another district waits for the hand-over while the client is still with the consultant they had.
  // Four weeks after the start the consultant checks in with the host; it waits here until someone recorded it.
  const hostCheckIns = (await repo.hostCheckInsOpen(db, ids, addDays(today, -HOST_CHECK_IN_AFTER_DAYS))).filter((p) =>
    isHostCheckInDue(p, today),
  );
  const moves = await repo.movesSince(db, ids, addDays(today, -CASEWORK_DEFAULTS.movedWithinDays));

  const versions = await ordinanceVersionsByNumber(db);
  const openRequests = await repo.openAccountabilityRequestsOf(db, ids);
  // A client's request for an exemption waits for a decision from the day it arrives.
  const exemptionRequests = await repo.exemptionRequestsOf(db, ids);
  // A client's own proposal of an activity waits for a decision from the day it arrives.
  const proposals = await pendingProposalsOf(db, ids);
  // "Ik kan niet": the client asks for another time for a planned appointment.
  const rescheduleRequests = await repo.openRescheduleRequestsOf(db, ids);
  const noticeDays = (await ordinanceOn(db, today)).exemptionNoticeDays;
  const exemptionsEnding = await repo.exemptionsEndingBy(db, ids, addDays(today, noticeDays));

  // Due process keeps its own deadlines: reconsideration within three months, objections within their term.
  const deadlinesBy = addDays(today, CASEWORK_DEFAULTS.deadlineNoticeDays);
  const reconsiderations = await repo.reconsiderationsDueBy(db, ids, deadlinesBy);
  const objections = await openObjectionsDueBy(db, ids, deadlinesBy);
  const hearingTerms = await repo.hearingTermsEndingBy(db, ids, deadlinesBy);

  const group = <T extends { client_id: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.client_id, [...(map.get(row.client_id) ?? []), row]);
    return map;
  };
  const invitationsBy = group(invitations);
  const checkInsBy = group(checkIns);
  const planBy = new Map(plans.map((p) => [p.client_id, p]));
  const endingStepsBy = group(endingSteps);
  const dropoutsBy = group(dropouts);
  const undeterminedBy = group(undetermined);
  const displacedBy = group(displaced);
  const openRequestsBy = group(openRequests);
  const reconsiderationsBy = group(reconsiderations);
  const objectionsBy = group(objections);
  const hearingTermsBy = group(hearingTerms);
  const exemptionsEndingBy = group(exemptionsEnding);
  const exemptionRequestsBy = group(exemptionRequests);
  const proposalsBy = group(proposals);
  const rescheduleRequestsBy = group(rescheduleRequests);
  const movesBy = group(moves);
  const hostCheckInsBy = group(hostCheckIns);

  for (const client of clients) {
    const reasons: Reason[] = [...invitationReasons(invitationsBy.get(client.id) ?? [])];
    const pending = (undeterminedBy.get(client.id) ?? []).flatMap((d) => (d.ended_on ? [d.ended_on] : [])).sort()[0];
    if (pending) reasons.push({ code: "attributionPending", since: pending, suggestedAction: "hearClientOnEnding" });
    const lastEnding = (rows: { ended_on: string | null }[] | undefined) =>
      (rows ?? [])
        .flatMap((d) => (d.ended_on ? [d.ended_on] : []))
        .sort()
        .at(-1);
    const endedByDisplacement = lastEnding(displacedBy.get(client.id));
    if (endedByDisplacement)
      reasons.push({ code: "placementEndedByDisplacement", since: endedByDisplacement, suggestedAction: "findOtherActivity" });
    // A new dropout still to be heard is on the queue as attributionPending instead.
    const dropout = lastEnding((dropoutsBy.get(client.id) ?? []).filter((d) => d.attributable_to !== "undetermined"));
    if (dropout) reasons.push({ code: "newDropout", since: dropout, suggestedAction: "talkAboutWhatHappened" });
    const move = movesBy.get(client.id)?.at(-1);
    if (move && move.from_consultant_id === client.consultant_id)
      reasons.push({ code: "clientMoved", since: move.moved_on, suggestedAction: "handOverClient" });
    const clientCheckIns = checkInsBy.get(client.id) ?? [];
    const lastCheckIn = clientCheckIns.at(-1);
    // What the client reported themselves is urgent from the day they entered it, until a consultant follows it up.
    const alarms = openClientAlarms(clientCheckIns);
    for (const alarm of alarms) reasons.push({ ...alarm, suggestedAction: "callClient" });
    if (lastCheckIn && isWho5Low(lastCheckIn.who5) && !alarms.some((a) => a.code === "lowWellbeingReported")) {
      reasons.push({ code: "lowWellbeing", since: lastCheckIn.held_on, suggestedAction: "callClient" });
    }
    const requested = (exemptionRequestsBy.get(client.id) ?? []).map((r) => r.start_date).sort()[0];
    if (requested) reasons.push({ code: "exemptionRequested", since: requested, suggestedAction: "decideExemptionRequest" });
    const proposed = (proposalsBy.get(client.id) ?? []).map((p) => p.created_at.slice(0, 10)).sort()[0];
    if (proposed) reasons.push({ code: "activityProposed", since: proposed, suggestedAction: "decideActivityProposal" });
    const rescheduleAsked = (rescheduleRequestsBy.get(client.id) ?? []).map((r) => todayInAmsterdam(new Date(r.requested_at))).sort()[0];
    if (rescheduleAsked) reasons.push({ code: "rescheduleRequested", since: rescheduleAsked, suggestedAction: "planNewAppointment" });
    const hearingTermEnds = (hearingTermsBy.get(client.id) ?? [])
      .flatMap((h) => (h.hearing_respond_by ? [h.hearing_respond_by] : []))
      .sort()[0];
    if (hearingTermEnds) reasons.push({ code: "hearingResponseDue", since: hearingTermEnds, suggestedAction: "holdHearingOrDecide" });
    const objectionDue = (objectionsBy.get(client.id) ?? []).map((o) => o.decide_by).sort()[0];
    if (objectionDue) reasons.push({ code: "objectionDecisionDue", since: objectionDue, suggestedAction: "decideObjection" });
    const reconsiderBy = (reconsiderationsBy.get(client.id) ?? []).flatMap((r) => (r.reconsider_by ? [r.reconsider_by] : [])).sort()[0];
    if (reconsiderBy) reasons.push({ code: "reconsiderationDue", since: reconsiderBy, suggestedAction: "reconsiderSanction" });
    // Overdue accountability is a reason to talk, never an automatic sanction.
    const overdue = (openRequestsBy.get(client.id) ?? [])
      .map((r) => overdueOn(r, versions))
      .filter((due) => due < today)
      .sort()[0];
    if (overdue) reasons.push({ code: "accountabilityOverdue", since: overdue, suggestedAction: "askWhetherItContinues" });
    const exemptionDate = (exemptionsEndingBy.get(client.id) ?? [])
      .flatMap((e) => [e.end_date, e.review_date])
      .filter((d): d is string => d !== null)
      .sort()[0];
    if (exemptionDate) reasons.push({ code: "exemptionEnding", since: exemptionDate, suggestedAction: "reviewExemption" });
    const plan = planBy.get(client.id);
    if (plan?.confirmed_on) {
      const lastContact = lastCheckIn && lastCheckIn.held_on > plan.confirmed_on ? lastCheckIn.held_on : plan.confirmed_on;
      const due = addDays(lastContact, plan.reporting_frequency_weeks * 7);
      if (addDays(due, CASEWORK_DEFAULTS.checkInGraceDays) < today)
        reasons.push({ code: "checkInOverdue", since: due, suggestedAction: "planCheckIn" });
    }
    const checkInDue = (hostCheckInsBy.get(client.id) ?? [])
      .flatMap((p) => (p.started_on ? [hostCheckInDueOn(p.started_on)] : []))
      .sort()[0];
    if (checkInDue) reasons.push({ code: "hostCheckInDue", since: checkInDue, suggestedAction: "checkInWithHost" });
    const ending = (endingStepsBy.get(client.id) ?? []).flatMap((s) => (s.end_date ? [s.end_date] : [])).sort()[0];
    if (ending) reasons.push({ code: "planStepEnding", since: ending, suggestedAction: "discussNextStep" });
    if (reasons.length > 0) signals.set(client.id, reasons.sort(compareReasons));
  }
  return signals;
}

/**
 * The work queue of a caseload, most urgent first (`compareQueueItems`): each client's reasons today, less those a
 * consultant marked done or snoozed for the same signal.
 */
export async function computeWorkQueue(
  db: Kysely<Database>,
  caseload: repo.Caseload,
  today: string,
): Promise<Omit<WorkQueueItem, "abilities">[]> {
  const signals = await signalsOf(db, caseload, today);
  if (signals.size === 0) return [];
  const setAside = new Map<string, SetAside>();
  for (const row of await repo.dispositionsOf(db, caseload.ids)) {
    setAside.set(`${row.client_id}:${row.reason}`, {
      disposition: row.disposition === "done" ? "done" : "snoozed",
      signalSince: row.signal_since,
      snoozedUntil: row.snoozed_until,
    });
  }
  const items: Omit<WorkQueueItem, "abilities">[] = [];
  for (const client of caseload.clients) {
    const reasons = (signals.get(client.id) ?? []).filter((r) => !isSetAside(r, setAside.get(`${client.id}:${r.code}`), today));
    const first = reasons[0];
    if (!first) continue;
    const { severity, rank } = severityOf(first.code);
    items.push({
      clientId: client.id,
      givenName: client.given_name,
      familyName: client.family_name,
      district: client.district,
      consultantId: client.consultant_id,
      reasons,
      urgency: rank,
      severity,
      ageDays: ageOf(first.since, today),
    });
  }
  return items.sort(compareQueueItems);
}

/** What the queue can be narrowed to: one reason, one severity, one client, or clients whose name holds some words. */
export interface QueueFilters {
  reason?: WorkQueueReason | undefined;
  severity?: WorkQueueSeverity | undefined;
  clientId?: string | undefined;
  client?: string | undefined;
}

/** The queue narrowed by its filters; a name matches when each word is in it, in any order ("Martina, Rosalia"). */
export function filterQueue<T extends Omit<WorkQueueItem, "abilities">>(items: readonly T[], filters: QueueFilters): readonly T[] {
  const words = (filters.client ?? "")
    .toLocaleLowerCase("nl")
    .split(/[\s,]+/)
    .filter(Boolean);
  if (!filters.reason && !filters.severity && !filters.clientId && words.length === 0) return items;
  return items.filter((item) => {
    if (filters.reason && !item.reasons.some((r) => r.code === filters.reason)) return false;
    if (filters.severity && item.severity !== filters.severity) return false;
    if (filters.clientId && item.clientId !== filters.clientId) return false;
    const name = `${item.givenName} ${item.familyName}`.toLocaleLowerCase("nl");
    return words.every((word) => name.includes(word));
  });
}

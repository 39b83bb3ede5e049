import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { ActivityProposalRow, CaregivingTable, ContributionsTable, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict } from "@server/http/errors.js";
import { formatDutchDate } from "@server/letters/pdf.js";
import type { ActivityProposalDecisionInput } from "@shared/schemas/activity-proposals.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { insertCaregiving } from "../caregiving/caregiving.repo.js";
import { RELATION_WORDS } from "../caregiving/caregiving.service.js";
import { insertContribution } from "../contributions/contributions.repo.js";
import { prepareDecisionLetter, recordDecision } from "../decisions/decisions.service.js";
import { holdForUndo } from "../letters/letters.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { decidePendingProposal } from "./activity-proposals.repo.js";
import { assertMayAccept, assertProposalPending, contributionKindOf } from "./activity-proposals.rules.js";
import { acceptFactsOf, requireVisibleProposal } from "./activity-proposals.service.js";

const legalBasis = (ordinanceVersion: number) =>
  `Artikel 9, eerste lid, onderdeel c, Participatiewet en de verordening van de gemeente over de tegenprestatie (versie ${ordinanceVersion})`;

const hoursText = (hours: number) => String(hours).replace(".", ",");

/** The activity as the letter names it: care by relation only, the rest by what it is. */
function activityWords(proposal: Pick<ActivityProposalRow, "kind" | "relation">): string {
  if (proposal.kind === "caregiving") return `de zorg voor ${proposal.relation ? RELATION_WORDS[proposal.relation] : "iemand"}`;
  if (proposal.kind === "course") return "de cursus die u voorstelde";
  if (proposal.kind === "volunteerWork") return "het vrijwilligerswerk dat u voorstelde";
  return "de activiteit die u voorstelde";
}

/** What the decision on a proposal says: its title, first sentence, the facts and the reasons, in plain Dutch (B1). */
export function proposalDecisionText(
  proposal: Pick<ActivityProposalRow, "kind" | "relation" | "description" | "place" | "hours_per_week" | "since" | "created_at">,
  outcome: ActivityProposalDecisionInput["outcome"],
  acceptedHours: number | null,
  reasons: string,
  today: string,
) {
  const what = activityWords(proposal);
  const proposed = hoursText(proposal.hours_per_week);
  const when = proposal.since > today ? "vanaf" : "sinds";
  const facts =
    `Op ${formatDutchDate(proposal.created_at.slice(0, 10))} stelde u voor: ${proposal.description} ` +
    `Waar: ${proposal.place}. Ongeveer ${proposed} uur per week, ${when} ${formatDutchDate(proposal.since)}.`;
  if (outcome === "declined")
    return {
      title: "uw voorstel telt niet als tegenprestatie",
      summary: `Wij hebben besloten dat ${what} niet telt als uw tegenprestatie.`,
      facts,
      reasons: `Onze reden: ${reasons} U mag altijd iets anders voorstellen. U kunt er ook over praten met uw consulent.`,
    };
  const accepted = hoursText(acceptedHours ?? proposal.hours_per_week);
  const fewer = acceptedHours !== null && acceptedHours < proposal.hours_per_week;
  return {
    title: "uw voorstel telt als tegenprestatie",
    summary: `Wij hebben besloten dat ${what} telt als uw tegenprestatie, voor ${accepted} uur per week.`,
    facts,
    reasons:
      `Onze reden: ${reasons}` +
      (fewer ? ` Wij tellen ${accepted} uur per week, en niet de ${proposed} uur die u voorstelde.` : "") +
      " Wij vragen u af en toe of u het nog doet. Stopt u ermee, laat het dan aan uw consulent weten.",
  };
}

/**
 * The consultant accepts a proposal (perhaps for fewer hours) or declines it, always with reasons: a decision with its
 * letter, open to objection. Accepted, it becomes the client's contribution — caregiving beyond customary care for
 * caring, a formalised contribution for the rest — whose hours must fit capacity. The letter is rendered first; the
 * checks run again under the client's lock, so of two parallel decisions one wins and the other is refused.
 */
export async function decideProposal(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: ActivityProposalDecisionInput,
): Promise<void> {
  const { proposal, client } = await requireVisibleProposal(db, ctx, id);
  const today = ctx.clock.today();
  const accepted = input.outcome === "accepted";
  const acceptedHours = accepted ? (input.hoursPerWeek ?? proposal.hours_per_week) : null;
  assertProposalPending(proposal);
  if (acceptedHours !== null) assertMayAccept(proposal, acceptedHours, await acceptFactsOf(db, client, today));
  const ordinance = await ordinanceOn(db, today);
  const text = proposalDecisionText(proposal, input.outcome, acceptedHours, input.reasons, today);
  const type = accepted ? "activityProposalAccepted" : "activityProposalDeclined";
  const takesEffectOn = accepted && proposal.since > today ? proposal.since : today;
  const prepared = await prepareDecisionLetter(ctx, {
    client,
    type,
    template: "decision",
    data: {
      title: text.title,
      givenName: client.given_name,
      familyName: client.family_name,
      summary: text.summary,
      facts: text.facts,
      reasons: text.reasons,
      legalBasis: legalBasis(ordinance.version),
      takesEffectOn: formatDutchDate(takesEffectOn),
      decidedBy: ctx.actor.displayName,
    },
  });
  // Held back from the client for a few minutes: the decision can be undone until its letter is printed.
  const letter = { ...prepared, letter: holdForUndo(ctx, prepared.letter) };
  const now = nowIso(ctx.clock);
  await inTransaction(db, async (trx) => {
    // The client row guards capacity; under it, the proposal's state and the hours are read again.
    await lockClient(trx, client.id);
    const current = await requireVisibleProposal(trx, ctx, id);
    assertProposalPending(current.proposal);
    if (acceptedHours !== null) assertMayAccept(current.proposal, acceptedHours, await acceptFactsOf(trx, client, today));
    const decision = await recordDecision(trx, ctx, {
      clientId: client.id,
      type,
      subject: { type: "activityProposal", id },
      summary: text.summary,
      legalBasis: legalBasis(ordinance.version),
      ordinanceVersion: ordinance.version,
      facts: text.facts,
      reasons: text.reasons,
      letter,
      takesEffectOn,
    });
    const made = acceptedHours === null ? {} : await makeContribution(trx, ctx, proposal, acceptedHours, input.reasons, letter.letter.id);
    const stored = await decidePendingProposal(trx, id, {
      status: input.outcome,
      accepted_hours_per_week: acceptedHours,
      decision_reasons: input.reasons,
      decided_by: ctx.actor.id,
      decided_on: today,
      decision_id: decision.id,
      contribution_id: made.contributionId ?? null,
      caregiving_id: made.caregivingId ?? null,
      updated_at: now,
    });
    if (!stored) throw conflict("activityProposalDecided", "This proposal was decided meanwhile.");
    await recordAudit(trx, ctx, {
      action: "activityProposal.decide",
      category: "write",
      clientId: client.id,
      subjectType: "activityProposal",
      subjectId: id,
      details: { outcome: input.outcome, ...(acceptedHours === null ? {} : { hoursPerWeek: acceptedHours }) },
    });
  });
}

/**
 * What an accepted proposal becomes: caring is caregiving beyond customary care, judged so by the decider for the
 * reasons given, exactly as caregiving recorded by a consultant; the rest a formalised contribution whose letter is
 * the decision's. Either way its hours count towards capacity from now on.
 */
async function makeContribution(
  trx: Kysely<Database>,
  ctx: RequestContext,
  proposal: ActivityProposalRow,
  hours: number,
  reasons: string,
  letterId: string,
): Promise<{ contributionId?: string; caregivingId?: string }> {
  const kind = contributionKindOf(proposal.kind);
  const createdAt = nowIso(ctx.clock);
  if (kind === "caregiving") {
    const care: CaregivingTable = {
      id: randomUUID(),
      client_id: proposal.client_id,
      relation: proposal.relation ?? "otherFamily",
      description: proposal.description,
      hours_per_week: hours,
      since: proposal.since,
      beyond_customary_care: 1,
      judgement_reason: reasons,
      judged_by: ctx.actor.id,
      status: "active",
      ended_on: null,
      created_at: createdAt,
    };
    await insertCaregiving(trx, care);
    return { caregivingId: care.id };
  }
  const contribution: ContributionsTable = {
    id: randomUUID(),
    client_id: proposal.client_id,
    kind,
    organisation_id: null,
    organisation_name: proposal.place,
    description: proposal.description,
    hours_per_week: hours,
    since: proposal.since,
    status: "active",
    ended_on: null,
    letter_id: letterId,
    created_by: ctx.actor.id,
    created_at: createdAt,
  };
  await insertContribution(trx, contribution);
  return { contributionId: contribution.id };
}

import { randomUUID } from "node:crypto";
import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { CaregivingRow, CaregivingTable, Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, notFound } from "@server/http/errors.js";
import { formatDutchDate } from "@server/letters/pdf.js";
import type { CaregivingInput, CareRelation } from "@shared/schemas/caregiving.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { requireVisibleClient } from "../clients/clients.repo.js";
import { decisionsAbout } from "../decisions/decisions.repo.js";
import { prepareDecisionLetter, recordDecision } from "../decisions/decisions.service.js";
import { holdForUndo } from "../letters/letters.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { displayNamesOf } from "../users/users.repo.js";
import { endActiveCaregiving, findCaregiving, insertCaregiving, listClientCaregiving } from "./caregiving.repo.js";
import { assertCareActive, assertCareStarted, assertEndsAfterStart } from "./caregiving.rules.js";

/** Caregiving with the names the presenter shows beside it, and the decision its judgement was (customary care). */
export interface CaregivingView {
  row: CaregivingRow;
  names: Map<string, string>;
  decisionId: string | null;
}

async function viewsOf(db: Kysely<Database>, rows: CaregivingRow[]): Promise<CaregivingView[]> {
  const names = await displayNamesOf(
    db,
    rows.map((r) => r.judged_by),
  );
  const decisions = await decisionsAbout(
    db,
    "caregiving",
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ row, names, decisionId: decisions.get(row.id)?.at(-1)?.id ?? null }));
}

/** The person cared for, as the letter names them: by relation only. */
export const RELATION_WORDS: Record<CareRelation, string> = {
  child: "uw kind",
  partner: "uw partner",
  parent: "uw ouder",
  parentInLaw: "uw schoonouder",
  sibling: "uw broer of zus",
  grandparent: "uw opa of oma",
  otherFamily: "een familielid",
  friendOrNeighbour: "een vriend of buur",
};

const customaryCareLegalBasis = (ordinanceVersion: number) =>
  `Artikel 9, eerste lid, onderdeel c, Participatiewet en de verordening van de gemeente over de tegenprestatie (versie ${ordinanceVersion})`;

/** What the customary-care decision says: its first sentence, the facts and the reasons, in plain Dutch. */
export function customaryCareText(
  care: Pick<CaregivingTable, "relation" | "hours_per_week" | "since" | "description" | "judgement_reason">,
) {
  const whom = RELATION_WORDS[care.relation];
  const hours = String(care.hours_per_week).replace(".", ",");
  return {
    title: `de zorg voor ${whom} telt niet als tegenprestatie`,
    summary: `Wij hebben besloten dat de zorg voor ${whom} gebruikelijke zorg is. Daarom telt deze zorg niet als uw tegenprestatie.`,
    facts:
      `U heeft ons verteld dat u zorgt voor ${whom}. U doet dat sinds ${formatDutchDate(care.since)}, ongeveer ${hours} uur per week.` +
      (care.description ? ` Wat u doet: ${care.description}` : ""),
    reasons:
      "Gebruikelijke zorg is de zorg die mensen in een gezin of huishouden normaal voor elkaar doen. " +
      "Zorg die veel verder gaat dan dat, heet mantelzorg. Alleen mantelzorg kan tellen als uw tegenprestatie. " +
      `Wij vinden dat uw zorg niet verder gaat dan gebruikelijke zorg. Onze reden: ${care.judgement_reason} ` +
      "Daarom telt deze zorg niet als uw tegenprestatie, en tellen de uren niet mee bij de uren die u kunt doen.",
  };
}

/**
 * Records caregiving with the consultant's judgement of whether it goes beyond customary care. Beyond it, the
 * care is the client's contribution and its hours fill capacity, so later plan steps and placements must fit
 * beside it. Care is a fact, not a request: it is recorded even when it leaves no room for anything else.
 * Judged customary care, it does not count: that judgement is a decision (besluit) with a letter the client can
 * object to, stored with the care in one transaction.
 */
export async function recordCaregiving(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
  input: CaregivingInput,
): Promise<string> {
  const client = await requireVisibleClient(db, ctx.actor, clientId);
  const today = ctx.clock.today();
  assertCareStarted(input.since, today);
  const row: CaregivingTable = {
    id: randomUUID(),
    client_id: clientId,
    relation: input.relation,
    description: input.description ?? null,
    hours_per_week: input.hoursPerWeek,
    since: input.since,
    beyond_customary_care: input.beyondCustomaryCare ? 1 : 0,
    judgement_reason: input.judgementReason,
    judged_by: ctx.actor.id,
    status: "active",
    ended_on: null,
    created_at: nowIso(ctx.clock),
  };
  const ordinance = input.beyondCustomaryCare ? null : await ordinanceOn(db, today);
  const text = customaryCareText(row);
  const prepared = ordinance
    ? await prepareDecisionLetter(ctx, {
        client,
        type: "customaryCare",
        template: "decision",
        data: {
          title: text.title,
          givenName: client.given_name,
          familyName: client.family_name,
          summary: text.summary,
          facts: text.facts,
          reasons: text.reasons,
          legalBasis: customaryCareLegalBasis(ordinance.version),
          takesEffectOn: formatDutchDate(today),
          decidedBy: ctx.actor.displayName,
        },
      })
    : null;
  // Held back from the client for a few minutes: the judgement can be undone until its letter is printed.
  const letter = prepared ? { ...prepared, letter: holdForUndo(ctx, prepared.letter) } : null;
  await inTransaction(db, async (trx) => {
    await insertCaregiving(trx, row);
    if (ordinance && letter)
      await recordDecision(trx, ctx, {
        clientId,
        type: "customaryCare",
        subject: { type: "caregiving", id: row.id },
        summary: text.summary,
        legalBasis: customaryCareLegalBasis(ordinance.version),
        ordinanceVersion: ordinance.version,
        facts: text.facts,
        reasons: text.reasons,
        letter,
        takesEffectOn: today,
      });
    await recordAudit(trx, ctx, {
      action: "caregiving.create",
      category: "write",
      clientId,
      subjectType: "caregiving",
      subjectId: row.id,
      details: { beyondCustomaryCare: input.beyondCustomaryCare },
    });
  });
  return row.id;
}

/** Caregiving of a client the actor may see, or 404. */
export async function requireVisibleCaregiving(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<CaregivingRow> {
  const row = await findCaregiving(db, id);
  if (!row) throw notFound("caregiving");
  await requireVisibleClient(db, ctx.actor, row.client_id);
  return row;
}

/** One record of caregiving in scope, ready to present. */
export async function readCaregiving(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<CaregivingView> {
  const [view] = await viewsOf(db, [await requireVisibleCaregiving(db, ctx, id)]);
  if (!view) throw notFound("caregiving");
  return view;
}

/** Care ends (the person moved to a care home, recovered, died); accountability for it stops. */
export async function endCaregiving(db: Kysely<Database>, ctx: RequestContext, id: string, endedOn: string): Promise<void> {
  const row = await requireVisibleCaregiving(db, ctx, id);
  assertCareActive(row);
  assertEndsAfterStart(row, endedOn);
  await inTransaction(db, async (trx) => {
    if (!(await endActiveCaregiving(trx, id, endedOn))) throw conflict("caregivingState", "This caregiving ended meanwhile.");
    await recordAudit(trx, ctx, {
      action: "caregiving.end",
      category: "write",
      clientId: row.client_id,
      subjectType: "caregiving",
      subjectId: id,
    });
  });
}

/** A client's caregiving, newest first (family circumstances: a sensitive read, audited). */
export async function listCaregiving(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<CaregivingView[]> {
  await requireVisibleClient(db, ctx.actor, clientId);
  const rows = await listClientCaregiving(db, clientId);
  await recordAudit(db, ctx, {
    action: "caregiving.list",
    category: "read:sensitive",
    clientId,
    subjectType: "client",
    subjectId: clientId,
    details: { count: rows.length },
  });
  return viewsOf(db, rows);
}

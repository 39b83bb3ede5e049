import type { RequestContext } from "@server/auth/actor.js";
import { nowIso } from "@server/clock.js";
import type { Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, notFound } from "@server/http/errors.js";
import { formatDutchDate } from "@server/letters/pdf.js";
import type { AccountChannel, EndReason, PlacementAttributionInput } from "@shared/schemas/placements.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { systemFindClient } from "../clients/clients.repo.js";
import { type PreparedDecisionLetter, prepareDecisionLetter, recordDecision } from "../decisions/decisions.service.js";
import { holdForUndo } from "../letters/letters.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import type { PlacementWithNames } from "./placements.repo.js";
import { recordAttribution } from "./placements.repo.js";
import { assertAttributionUndetermined, assertHeardNotInFuture, assertPlacementStatusAllows } from "./placements.rules.js";
import { lockParties, requireVisiblePlacement } from "./placements.service.js";
import { placementAgreementLegalBasis } from "./placements.signatures.js";

/** The end reasons in the client's words, for the letter. */
const END_REASON_WORDS: Record<EndReason, string> = {
  completed: "het vrijwilligerswerk was klaar zoals afgesproken",
  movedToPaidWork: "u vond betaald werk",
  clientStopped: "u bent gestopt",
  organisationStopped: "de organisatie is gestopt",
  poorFit: "het werk paste niet goed bij u",
  health: "uw gezondheid",
  caregiving: "de zorg voor iemand anders",
  moved: "u bent verhuisd",
  roleRejected: "het werk verdrong betaald werk",
  other: "een andere reden",
};

const CHANNEL_WORDS: Record<AccountChannel, string> = {
  inPerson: "in een gesprek",
  phone: "aan de telefoon",
  writing: "in een brief of e-mail",
  portal: "online, in Naar Vermogen",
};

type Ended = Pick<PlacementWithNames, "organisation_name" | "role_title" | "ended_on" | "end_reason" | "end_note">;

/** What the attribution decision says, in plain Dutch (B1): the letter's first sentence and the facts it rests on. */
export function attributionDecisionText(placement: Ended, input: PlacementAttributionInput & { heardOn: string }) {
  const endedOn = formatDutchDate(placement.ended_on ?? input.heardOn);
  const endReason = placement.end_reason ? END_REASON_WORDS[placement.end_reason] : END_REASON_WORDS.other;
  const hostAccount = placement.end_note ?? "De organisatie schreef er verder niets bij.";
  const heard = `${formatDutchDate(input.heardOn)}, ${CHANNEL_WORDS[input.channel]}`;
  return {
    summary: `Wij hebben besloten dat het aan uzelf ligt dat uw vrijwilligerswerk bij ${placement.organisation_name} is gestopt.`,
    endedOn,
    endReason,
    hostAccount,
    heard,
    facts:
      `Plaatsing bij ${placement.organisation_name} (${placement.role_title}), gestopt op ${endedOn}. ` +
      `Reden bij het stoppen: ${endReason}. Wat de organisatie zei: ${hostAccount} ` +
      `Wat de deelnemer zei (${heard}): ${input.clientAccount}`,
  };
}

/**
 * The consultant, having heard the client, determines to whom an ended placement's ending is attributable: only
 * an ended placement (409 placementState) whose attribution is still undetermined (409 attributionDetermined), heard
 * on a day not in the future (400 heardOn). Attributed to the client it is a decision (`placementAttribution`) with
 * its letter, which states what the organisation said, what the client said and the reasons, and ends with how to
 * object; a sanction can rest on such an ending only through its own procedure, never automatically.
 *
 * Any other attribution (organisation, health, caregiving, nobody) needs no letter: it burdens the client with
 * nothing and no sanction can rest on it, so it is no decision against which the client would need to object; the
 * determination and the client's side are kept with the placement and in the audit trail.
 */
export async function attributePlacement(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: PlacementAttributionInput,
): Promise<void> {
  const today = ctx.clock.today();
  const heardOn = input.heardOn ?? today;
  assertHeardNotInFuture(heardOn, today);
  const placement = await requireVisiblePlacement(db, ctx, id);
  assertPlacementStatusAllows(placement, "attribute");
  assertAttributionUndetermined(placement);

  const toClient = input.attributableTo === "client";
  const text = attributionDecisionText(placement, { ...input, heardOn });
  let letter: PreparedDecisionLetter | null = null;
  let ordinanceVersion: number | null = null;
  if (toClient) {
    const client = await systemFindClient(db, placement.client_id);
    if (!client) throw notFound("client");
    ordinanceVersion = (await ordinanceOn(db, placement.ended_on ?? today)).version;
    letter = await prepareDecisionLetter(ctx, {
      client,
      type: "placementAttribution",
      template: "placement-attribution",
      data: {
        givenName: client.given_name,
        familyName: client.family_name,
        summary: text.summary,
        organisationName: placement.organisation_name,
        roleTitle: placement.role_title,
        endedOn: text.endedOn,
        endReason: text.endReason,
        hostAccount: text.hostAccount,
        heard: text.heard,
        clientAccount: input.clientAccount,
        reasons: input.reasons,
        legalBasis: placementAgreementLegalBasis(ordinanceVersion),
        takesEffectOn: formatDutchDate(today),
        decidedBy: ctx.actor.displayName,
      },
    });
    // Held back for a while: the attribution can be undone while its letter is inside (undoAttribution).
    letter = { ...letter, letter: holdForUndo(ctx, letter.letter) };
  }

  await inTransaction(db, async (trx) => {
    // Check again under the locks: a parallel determination may have been made since the letter was rendered.
    await lockParties(trx, id);
    const fresh = await requireVisiblePlacement(trx, ctx, id);
    assertPlacementStatusAllows(fresh, "attribute");
    assertAttributionUndetermined(fresh);
    const decision = letter
      ? await recordDecision(trx, ctx, {
          clientId: placement.client_id,
          type: "placementAttribution",
          subject: { type: "placement", id },
          summary: text.summary,
          legalBasis: placementAgreementLegalBasis(ordinanceVersion ?? 0),
          ordinanceVersion,
          facts: text.facts,
          reasons: input.reasons,
          letter,
          takesEffectOn: today,
        })
      : null;
    const stored = await recordAttribution(trx, id, {
      attributable_to: input.attributableTo,
      attribution_reasons: input.reasons,
      attribution_client_account: input.clientAccount,
      attribution_heard_on: heardOn,
      attribution_channel: input.channel,
      attribution_determined_by: ctx.actor.id,
      attribution_determined_on: today,
      attribution_decision_id: decision?.id ?? null,
      updated_at: nowIso(ctx.clock),
    });
    if (!stored) throw conflict("attributionDetermined", "To whom this ending is attributable was determined meanwhile.");
    await recordAudit(trx, ctx, {
      action: "placement.attribute",
      category: "write",
      clientId: placement.client_id,
      subjectType: "placement",
      subjectId: id,
      details: { attributableTo: input.attributableTo, channel: input.channel, ...(decision ? { decisionId: decision.id } : {}) },
    });
  });
}

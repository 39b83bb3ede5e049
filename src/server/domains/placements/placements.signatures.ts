import type { RequestContext } from "@server/auth/actor.js";
import type { ClientRow, Database, PlacementAgreementsTable } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import { conflict, notFound } from "@server/http/errors.js";
import { formatDutchDate } from "@server/letters/pdf.js";
import { AGREEMENT_PARTIES, type AgreementParty } from "@shared/schemas/placements.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { systemFindClient } from "../clients/clients.repo.js";
import { type PreparedDecisionLetter, prepareDecisionLetter, recordDecision } from "../decisions/decisions.service.js";
import { holdForUndo } from "../letters/letters.service.js";
import { ordinanceOn } from "../ordinance/ordinance.repo.js";
import { displayNamesOf } from "../users/users.repo.js";
import { agreementLetterData } from "./placements.letters.js";
import { currentAgreement, recordAgreementSignature } from "./placements.repo.js";
import { assertMaySignFor, assertNotSigned, assertPlacementStatusAllows, assertSignedNotInFuture } from "./placements.rules.js";
import { lockParties, requireVisiblePlacement } from "./placements.service.js";

type Signatures = Pick<PlacementAgreementsTable, `${AgreementParty}_signed_on`>;

const sameSignatures = (a: Signatures, b: Signatures) => AGREEMENT_PARTIES.every((p) => a[`${p}_signed_on`] === b[`${p}_signed_on`]);

/** The placement agreement decision in one plain sentence, the letter's first. */
export const placementAgreementSummary = (organisationName: string, agreement: PlacementAgreementsTable) =>
  `Wij hebben besloten dat u vrijwilligerswerk doet bij ${organisationName}: ${agreement.hours_per_week} uur per week, ` +
  `van ${formatDutchDate(agreement.start_date)} tot ${formatDutchDate(agreement.end_date)}.`;

export const placementAgreementLegalBasis = (ordinanceVersion: number) =>
  `Artikel 9, eerste lid, onderdeel c, Participatiewet en de verordening tegenprestatie (versie ${ordinanceVersion})`;

/** What the placement agreement decision rests on: the placement and the agreement version's terms. */
export const placementAgreementFacts = (
  placement: { organisation_name: string; role_title: string },
  agreement: Pick<PlacementAgreementsTable, "version" | "hours_per_week" | "start_date" | "end_date" | "tasks">,
) =>
  `Plaatsing bij ${placement.organisation_name} (${placement.role_title}), overeenkomst versie ${agreement.version}: ` +
  `${agreement.hours_per_week} uur per week van ${agreement.start_date} tot ${agreement.end_date}. Taken: ${agreement.tasks}`;

export const PLACEMENT_AGREEMENT_REASONS =
  "De gemeente tekent de plaatsingsovereenkomst en legt daarmee de tegenprestatie bij deze organisatie op.";

/**
 * One party signs the current agreement version: the host's member for the host, a consultant or team lead for the
 * municipality, the client in the portal or staff recording the client's signature on paper (403 notSigningParty);
 * each party once (409 alreadySigned), on a day not in the future. The municipality's signature is a decision
 * (besluit): the tegenprestatie at this host on these terms, with a letter that lists the signatures actually given
 * and ends with the legal remedy notice; letter, decision and signature are stored in one transaction.
 */
export async function signAgreementAs(
  db: Kysely<Database>,
  ctx: RequestContext,
  id: string,
  input: { party: AgreementParty; signedOn?: string | undefined },
): Promise<void> {
  const today = ctx.clock.today();
  const signedOn = input.signedOn ?? today;
  assertSignedNotInFuture(signedOn, today);
  const placement = await requireVisiblePlacement(db, ctx, id);
  assertMaySignFor(ctx.actor, input.party, placement);
  assertPlacementStatusAllows(placement, "sign");
  const agreement = await currentAgreement(db, id);
  if (!agreement) throw notFound("agreement");
  assertNotSigned(agreement, input.party);

  const deciding = input.party === "municipality";
  // The placement takes effect on its start, or today when it started already.
  const takesEffectOn = [agreement.start_date, today].sort()[1] ?? today;
  const signed = { ...agreement, [`${input.party}_signed_on`]: signedOn };
  const ordinanceVersion = deciding ? (await ordinanceOn(db, today)).version : null;
  let letter: PreparedDecisionLetter | null = null;
  let client: ClientRow | undefined;
  if (deciding) {
    client = await systemFindClient(db, placement.client_id);
    if (!client) throw notFound("client");
    const consultantName = (await displayNamesOf(db, [client.consultant_id])).get(client.consultant_id ?? "");
    letter = await prepareDecisionLetter(ctx, {
      client,
      type: "placementAgreement",
      template: "placement-agreement",
      kind: "placementAgreement",
      data: {
        ...agreementLetterData(client, placement, signed, consultantName),
        decision: {
          summary: placementAgreementSummary(placement.organisation_name, agreement),
          legalBasis: placementAgreementLegalBasis(ordinanceVersion ?? 0),
          takesEffectOn: formatDutchDate(takesEffectOn),
        },
      },
    });
    // Held back for a while: the signature can be undone while its letter is inside (undoMunicipalitySignature).
    letter = { ...letter, letter: holdForUndo(ctx, letter.letter) };
  }

  await inTransaction(db, async (trx) => {
    await lockParties(trx, id);
    // Check again under the locks: the letter lists the signatures read above, so they must still be all there is.
    assertPlacementStatusAllows(await requireVisiblePlacement(trx, ctx, id), "sign");
    const fresh = await currentAgreement(trx, id);
    if (!fresh || fresh.id !== agreement.id) throw conflict("placementState", "A new agreement version was made meanwhile.");
    assertNotSigned(fresh, input.party);
    if (letter && !sameSignatures(fresh, agreement)) throw conflict("placementState", "Another party signed meanwhile; try again.");
    const decision =
      letter && client
        ? await recordDecision(trx, ctx, {
            clientId: placement.client_id,
            type: "placementAgreement",
            subject: { type: "placementAgreement", id: agreement.id },
            summary: placementAgreementSummary(placement.organisation_name, agreement),
            legalBasis: placementAgreementLegalBasis(ordinanceVersion ?? 0),
            ordinanceVersion,
            facts: placementAgreementFacts(placement, agreement),
            reasons: PLACEMENT_AGREEMENT_REASONS,
            letter,
            preparedBy: placement.proposed_by,
            takesEffectOn,
          })
        : null;
    const stored = await recordAgreementSignature(trx, agreement.id, input.party, {
      signedOn,
      signedBy: ctx.actor.id,
      decisionId: decision?.id ?? null,
    });
    if (!stored) throw conflict("alreadySigned", `The ${input.party} signed meanwhile.`);
    await recordAudit(trx, ctx, {
      action: "placement.sign",
      category: "write",
      clientId: placement.client_id,
      subjectType: "placement",
      subjectId: id,
      details: { party: input.party, version: agreement.version, ...(decision ? { decisionId: decision.id } : {}) },
    });
  });
}

import type { RequestContext } from "@server/auth/actor.js";
import type { Database } from "@server/db/schema.js";
import { notFound } from "@server/http/errors.js";
import { renderLetterPdf } from "@server/letters/pdf.js";
import { renderTemplate } from "@server/letters/templates.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { letterReference } from "../letters/letters.service.js";
import { displayNamesOf } from "../users/users.repo.js";
import { hostAgreementData } from "./placements.letters.js";
import { currentAgreement, organisationAddressOf } from "./placements.repo.js";
import { assertMayActForOrganisation } from "./placements.rules.js";
import { requireVisiblePlacement } from "./placements.service.js";

/**
 * The current agreement as a PDF for the host to read before it signs in the portal: the terms, the insurance, the
 * signatures given so far, addressed to the organisation and naming the client by first name only. Made when asked,
 * from the stored agreement; the client's own copy is the stored letter.
 */
export async function hostAgreementPdf(db: Kysely<Database>, ctx: RequestContext, id: string): Promise<{ pdf: Buffer; version: number }> {
  const placement = await requireVisiblePlacement(db, ctx, id);
  assertMayActForOrganisation(ctx.actor, placement.organisation_id);
  const agreement = await currentAgreement(db, id);
  if (!agreement) throw notFound("agreement");
  const address = await organisationAddressOf(db, placement.organisation_id);
  const consultantName = (await displayNamesOf(db, [placement.proposed_by])).get(placement.proposed_by ?? "");
  const { subject, blocks } = renderTemplate("placement-agreement-host", hostAgreementData(placement, agreement, consultantName));
  const pdf = await renderLetterPdf({
    reference: letterReference(agreement.id, ctx.clock.today()),
    letterDate: ctx.clock.today(),
    recipient: [placement.organisation_name, `Huisnummer ${address?.house_number ?? ""}`.trim(), address?.postcode ?? ""],
    subject,
    blocks,
    registered: false,
  });
  await recordAudit(db, ctx, {
    action: "placement.agreementDocument",
    category: "read:profile",
    clientId: placement.client_id,
    subjectType: "placement",
    subjectId: id,
    details: { version: agreement.version },
  });
  return { pdf, version: agreement.version };
}

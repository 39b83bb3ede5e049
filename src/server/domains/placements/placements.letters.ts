import type { ClientRow, PlacementAgreementsTable } from "@server/db/schema.js";
import municipality from "@server/letters/municipality.json" with { type: "json" };
import { formatDutchDate } from "@server/letters/pdf.js";
import { AGREEMENT_PARTIES, type AgreementParty } from "@shared/schemas/placements.js";
import type { PlacementWithNames } from "./placements.repo.js";

type Signatures = Pick<PlacementAgreementsTable, `${AgreementParty}_signed_on`>;

/** Who signed, in the letter's words: the client is addressed as "u". */
function signerWords(party: AgreementParty, organisationName: string): string {
  if (party === "client") return "U";
  return party === "host" ? organisationName : "De gemeente";
}

/**
 * The signatures a letter lists: only those actually given, each with its day. A party that has not signed is
 * never named as having signed.
 */
export function givenSignatures(agreement: Signatures, organisationName: string) {
  return AGREEMENT_PARTIES.flatMap((party) => {
    const signedOn = agreement[`${party}_signed_on`];
    return signedOn ? [{ party, who: signerWords(party, organisationName), signedOn: formatDutchDate(signedOn) }] : [];
  });
}

/** The terms of an agreement as the letter shows them. */
export function agreementLetterData(
  client: ClientRow,
  placement: Pick<PlacementWithNames, "organisation_name">,
  agreement: PlacementAgreementsTable,
  consultantName: string | undefined,
) {
  return {
    givenName: client.given_name,
    familyName: client.family_name,
    organisationName: placement.organisation_name,
    version: agreement.version,
    tasks: agreement.tasks,
    startDate: formatDutchDate(agreement.start_date),
    endDate: formatDutchDate(agreement.end_date),
    hoursPerWeek: agreement.hours_per_week,
    contactPerson: agreement.contact_person,
    guidanceArrangement: agreement.guidance_arrangement,
    phone: municipality.phone,
    consultantName: consultantName ?? "uw consulent",
    signatures: givenSignatures(agreement, placement.organisation_name),
    volunteerInsurance: municipality.volunteerInsurance,
  };
}

/** What the letter to a client whose placement ended because its role replaced paid work says. */
export function displacementLetterData(
  client: ClientRow,
  placement: { status: string; role_title: string; organisation_name: string },
  endedOn: string,
  consultantName: string | undefined,
) {
  return {
    givenName: client.given_name,
    familyName: client.family_name,
    organisationName: placement.organisation_name,
    roleTitle: placement.role_title,
    started: placement.status === "active",
    endedOn: formatDutchDate(endedOn),
    phone: municipality.phone,
    consultantName: consultantName ?? "uw consulent",
  };
}

/**
 * The host's copy of the agreement: the same terms, with only the client's first name (a host knows no more of the
 * client), the insurance and what the host does about expenses and the check-in after four weeks.
 */
export function hostAgreementData(
  placement: Pick<PlacementWithNames, "organisation_name" | "client_given_name" | "role_title">,
  agreement: PlacementAgreementsTable,
  consultantName: string | undefined,
) {
  return {
    givenName: placement.client_given_name,
    organisationName: placement.organisation_name,
    roleTitle: placement.role_title,
    version: agreement.version,
    tasks: agreement.tasks,
    startDate: formatDutchDate(agreement.start_date),
    endDate: formatDutchDate(agreement.end_date),
    hoursPerWeek: agreement.hours_per_week,
    contactPerson: agreement.contact_person,
    guidanceArrangement: agreement.guidance_arrangement,
    phone: municipality.phone,
    consultantName: consultantName ?? "de consulent",
    signatures: givenSignatures(agreement, placement.organisation_name).map((s) =>
      s.party === "client" ? { ...s, who: placement.client_given_name } : s,
    ),
    volunteerInsurance: municipality.volunteerInsurance,
  };
}

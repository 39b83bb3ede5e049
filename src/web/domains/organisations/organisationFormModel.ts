import type { OrganisationCreateInput } from "@shared/schemas/organisations.js";
import { toNumber, toOptionalText } from "@web/components/formValues.js";

/** One contact person as typed. */
export interface ContactValues {
  name: string;
  email: string;
  phone: string;
}

/** The organisation form as typed: text for every box. */
export interface OrganisationValues {
  name: string;
  kvkNumber: string;
  postcode: string;
  houseNumber: string;
  sector: string;
  guidanceHoursPerWeek: string;
  trainingOffered: string;
  acceptsLimitedDutch: boolean;
  contacts: ContactValues[];
}

export const emptyContact = (): ContactValues => ({ name: "", email: "", phone: "" });

/** An empty form with room for one contact person. */
export function emptyOrganisationValues(): OrganisationValues {
  return {
    name: "",
    kvkNumber: "",
    postcode: "",
    houseNumber: "",
    sector: "",
    guidanceHoursPerWeek: "",
    trainingOffered: "",
    acceptsLimitedDutch: false,
    contacts: [emptyContact()],
  };
}

const CONTACT_FIELDS = ["name", "email", "phone"] as const;

/** Form controls the server's field errors can point at; each contact row has its own three. */
export function organisationFields(contactCount: number): string[] {
  const contacts = Array.from({ length: contactCount }, (_, index) => CONTACT_FIELDS.map((field) => `contacts.${index}.${field}`)).flat();
  return [
    "name",
    "kvkNumber",
    "postcode",
    "houseNumber",
    "sector",
    "guidanceHoursPerWeek",
    "trainingOffered",
    "acceptsLimitedDutch",
    "contacts",
    ...contacts,
  ];
}

const isBlank = (contact: ContactValues) => CONTACT_FIELDS.every((field) => contact[field].trim() === "");

/**
 * The body for `POST /organisations`. Contact rows left wholly empty are dropped; the others keep their place
 * in the list, so a server error on `contacts.1.email` still points at the second row on screen.
 */
export function toOrganisationInput(values: OrganisationValues): OrganisationCreateInput {
  const lastFilled = values.contacts.findLastIndex((contact) => !isBlank(contact));
  return {
    name: values.name,
    kvkNumber: values.kvkNumber.replace(/\s/g, ""),
    postcode: values.postcode,
    houseNumber: toNumber(values.houseNumber),
    // Sent as chosen: an unchosen sector is named by the server rather than silently becoming "other".
    sector: values.sector,
    guidanceHoursPerWeek: toNumber(values.guidanceHoursPerWeek),
    trainingOffered: toOptionalText(values.trainingOffered),
    acceptsLimitedDutch: values.acceptsLimitedDutch,
    contacts: values.contacts.slice(0, lastFilled + 1).map((contact) => ({
      name: contact.name,
      email: toOptionalText(contact.email),
      phone: toOptionalText(contact.phone),
    })),
  } as unknown as OrganisationCreateInput;
}

import type { ClientCreateInput, ClientOutput, ClientUpdateInput } from "@shared/schemas/clients.js";
import { toNumber } from "@web/components/formValues.js";
import { languageCodesOf } from "./languages.js";

/** Every field of the client form, in the order the form shows them. */
export const CLIENT_FIELDS = [
  "bsn",
  "givenName",
  "familyName",
  "birthDate",
  "postcode",
  "houseNumber",
  "houseNumberAddition",
  "benefitStartDate",
  "capacityHoursPerWeek",
  "phone",
  "email",
  "languages",
  "householdSituation",
  "educationLevel",
] as const satisfies readonly (keyof ClientCreateInput)[];

export type ClientField = (typeof CLIENT_FIELDS)[number];

/** What the form holds: the text of each control. */
export type ClientFormValues = Record<ClientField, string>;

/** A blank form for a new client. */
export function emptyClientValues(): ClientFormValues {
  const values = Object.fromEntries(CLIENT_FIELDS.map((field) => [field, ""])) as ClientFormValues;
  return { ...values, householdSituation: "single", educationLevel: "unknown" };
}

/** The form filled with a stored client. */
export function clientValues(client: ClientOutput): ClientFormValues {
  return {
    bsn: client.bsn,
    givenName: client.givenName,
    familyName: client.familyName,
    birthDate: client.birthDate,
    postcode: client.postcode,
    houseNumber: String(client.houseNumber),
    houseNumberAddition: client.houseNumberAddition ?? "",
    benefitStartDate: client.benefitStartDate,
    capacityHoursPerWeek: client.capacityHoursPerWeek === null ? "" : String(client.capacityHoursPerWeek),
    phone: client.phone ?? "",
    email: client.email ?? "",
    languages: client.languages.join(", "),
    householdSituation: client.householdSituation,
    educationLevel: client.educationLevel,
  };
}

const NULLABLE: readonly ClientField[] = ["houseNumberAddition", "capacityHoursPerWeek", "phone", "email"];

function toValue(field: ClientField, text: string): unknown {
  const trimmed = text.trim();
  if (field === "languages") return languageCodesOf(trimmed);
  if (trimmed === "") return NULLABLE.includes(field) || field === "houseNumber" ? null : "";
  if (field === "houseNumber" || field === "capacityHoursPerWeek") return toNumber(trimmed);
  return trimmed;
}

/** The body of `POST /clients`; empty optional fields are left out. */
export function toCreateInput(values: ClientFormValues): ClientCreateInput {
  const entries = CLIENT_FIELDS.map((field) => [field, toValue(field, values[field])] as const).filter(
    ([field, value]) => !(value === null && !NULLABLE.includes(field)) && value !== "",
  );
  return Object.fromEntries(entries) as unknown as ClientCreateInput;
}

/** The body of `PATCH /clients/{id}`: only the fields the user changed. */
export function toUpdateInput(values: ClientFormValues, initial: ClientFormValues): ClientUpdateInput {
  const changed = CLIENT_FIELDS.filter((field) => values[field].trim() !== initial[field].trim());
  return Object.fromEntries(changed.map((field) => [field, toValue(field, values[field])])) as ClientUpdateInput;
}

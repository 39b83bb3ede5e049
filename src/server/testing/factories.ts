import type { ClientCreateInput } from "@shared/schemas/clients.js";
import { completeBsn } from "@shared/validation/bsn.js";

let counter = 0;

/** A valid BSN outside the demo population's range (prefix 98), unique within the test run. */
export function uniqueBsn(): string {
  for (;;) {
    counter++;
    const bsn = completeBsn(
      `98${String(counter + process.pid * 1000)
        .slice(-6)
        .padStart(6, "0")}`,
    );
    if (bsn) return bsn;
  }
}

/** A valid client registration body; override any field. Defaults to an address in Charlois. */
export function buildClient(overrides: Partial<ClientCreateInput> = {}): ClientCreateInput {
  return {
    bsn: uniqueBsn(),
    givenName: "Testa",
    familyName: "Voorbeeld",
    birthDate: "1978-04-12",
    postcode: "3084 AB",
    houseNumber: 12,
    benefitStartDate: "2015-03-01",
    householdSituation: "single",
    educationLevel: "vocational",
    languages: ["nl"],
    ...overrides,
  };
}

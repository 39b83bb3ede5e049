import { type AbilityCheck, evaluateAbilities } from "@server/auth/abilities.js";
import type { Actor } from "@server/auth/actor.js";
import type { ExemptionRow } from "@server/db/schema.js";
import { conflict, forbidden, type InvalidParam } from "@server/http/errors.js";
import { addMonths } from "@shared/dates.js";
import type { ExemptionAbilities, ExemptionInput } from "@shared/schemas/exemptions.js";
import type { Ordinance } from "@shared/schemas/ordinance.js";
import { isExemptionInForce } from "../vocabulary.js";
import { exemptionPolicy } from "./exemptions.policy.js";

/** Every code by which a rule of this file refuses; the table test lists a case for each. */
export const EXEMPTION_REFUSALS = ["alreadyRequested", "exemptionState", "sameDecider"] as const;
export type ExemptionRefusal = (typeof EXEMPTION_REFUSALS)[number];

const refuse = (code: Exclude<ExemptionRefusal, "sameDecider">, detail: string, invalidParams?: InvalidParam[]) =>
  conflict(code, detail, invalidParams);

type Terms = Pick<ExemptionInput, "scope" | "startDate" | "endDate" | "reviewDate">;
type State = Pick<ExemptionRow, "status">;

/** Whether an exemption binds on a date: the vocabulary's "exemption in force". */
export function isInForce(row: Pick<ExemptionRow, "status" | "start_date" | "end_date">, date: string): boolean {
  return isExemptionInForce(row, date);
}

/**
 * Whether a full exemption bound the client on a date, also when it has been ended since: conduct on that
 * date cannot be sanctioned.
 */
export function isFullExemptionOn(
  row: Pick<ExemptionRow, "scope" | "status" | "start_date" | "end_date" | "ended_on">,
  date: string,
): boolean {
  return (
    row.scope === "full" &&
    (row.status === "active" || row.status === "ended") &&
    row.start_date <= date &&
    (row.end_date === null || row.end_date >= date) &&
    (row.ended_on === null || row.ended_on >= date)
  );
}

/** A full exemption that runs longer than the ordinance's threshold needs a team lead's co-signature. */
export function needsCoSign(terms: Terms, ordinance: Pick<Ordinance, "exemptionCoSignMonths">): boolean {
  const until = terms.endDate ?? terms.reviewDate;
  return terms.scope === "full" && typeof until === "string" && until > addMonths(terms.startDate, ordinance.exemptionCoSignMonths);
}

/** One open request per kind of exemption: a second would only be decided twice. */
export function assertNoOpenRequest(openRequestsOfType: number): void {
  if (openRequestsOfType > 0) throw refuse("alreadyRequested", "There is already an open request for this kind of exemption.");
}

/** Only a request is decided (granted or refused). */
export function assertIsRequest(exemption: State): void {
  if (exemption.status !== "requested") throw refuse("exemptionState", `A ${exemption.status} exemption is not a request to decide.`);
}

/** Only an exemption waiting for its second signature is co-signed. */
export function assertAwaitingCoSign(exemption: State): void {
  if (exemption.status !== "awaitingCoSign") throw refuse("exemptionState", "This exemption does not wait for a co-signature.");
}

/** Second signature: the one who decided the exemption cannot co-sign it. */
export function assertSecondSigner(exemption: Pick<ExemptionRow, "decided_by">, actor: Pick<Actor, "id">): void {
  if (exemption.decided_by === actor.id) throw forbidden("sameDecider", "A second person co-signs: the one who decided cannot.");
}

/** Only an exemption that binds or waits to bind can be ended early. */
export function assertMayEnd(exemption: State): void {
  if (exemption.status !== "active" && exemption.status !== "awaitingCoSign")
    throw refuse("exemptionState", `A ${exemption.status} exemption cannot be ended.`);
}

/** An exemption ends on or after the day it started. */
export function assertEndsAfterStart(exemption: Pick<ExemptionRow, "start_date">, endedOn: string): void {
  if (endedOn < exemption.start_date)
    throw refuse("exemptionState", "An exemption cannot end before it starts.", [
      { name: "endedOn", code: "beforeStart", reason: "Before the start date" },
    ]);
}

/** Evidence belongs to an exemption that is asked for, decided or ended; a refused request takes none. */
export function assertTakesEvidence(exemption: State): void {
  if (exemption.status === "refused") throw refuse("exemptionState", "A refused request takes no evidence.");
}

/** What the caller may do with an exemption, by the same rules its routes enforce. */
export function exemptionAbilities(actor: Actor, exemption: ExemptionRow): ExemptionAbilities {
  const checks: Record<keyof ExemptionAbilities, AbilityCheck> = {
    decide: { policy: exemptionPolicy.decide, assert: () => assertIsRequest(exemption) },
    coSign: {
      policy: exemptionPolicy.coSign,
      assert: () => {
        assertAwaitingCoSign(exemption);
        assertSecondSigner(exemption, actor);
      },
    },
    end: { policy: exemptionPolicy.decide, assert: () => assertMayEnd(exemption) },
    addEvidence: { policy: exemptionPolicy.upload, assert: () => assertTakesEvidence(exemption) },
  };
  return evaluateAbilities(actor, checks);
}

/** What the caller may do with a client's exemptions as a whole: record one decided, or ask for one. */
export function exemptionListAbilities(actor: Actor): { record: boolean; request: boolean } {
  return { record: exemptionPolicy.create.allows(actor), request: exemptionPolicy.request.allows(actor) };
}

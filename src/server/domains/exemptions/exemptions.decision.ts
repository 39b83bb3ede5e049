import type { RequestContext } from "@server/auth/actor.js";
import type { ClientRow, Database, ExemptionRow } from "@server/db/schema.js";
import { formatDutchDate } from "@server/letters/pdf.js";
import { addDays } from "@shared/dates.js";
import type { DecisionType } from "@shared/schemas/decisions.js";
import { type ExemptionObligation, type ExemptionType, SINGLE_PARENT_GROUND, type UNMET_CONDITIONS } from "@shared/schemas/exemptions.js";
import type { Kysely } from "kysely";
import { type PreparedDecisionLetter, prepareDecisionLetter, recordDecision } from "../decisions/decisions.service.js";
import { holdForUndo } from "../letters/letters.service.js";
import { obligationsOf } from "./exemptions.rules.js";

/** The exemption decisions: granted (a recorded exemption or a request), refused, ended early, not extended. */
export type ExemptionDecisionType = Extract<
  DecisionType,
  "exemptionGranted" | "exemptionRefused" | "exemptionEnded" | "exemptionNotExtended"
>;

const SINGLE_PARENT = SINGLE_PARENT_GROUND;

const OBLIGATION_WORDS: Record<ExemptionObligation, string> = {
  tegenprestatie: "de tegenprestatie (onbetaald werk voor de samenleving, artikel 9, eerste lid, onderdeel c, Participatiewet)",
  workObligations:
    "de plicht om werk te zoeken en werk aan te nemen (de arbeidsverplichtingen, artikel 9, eerste lid, onderdelen a en b, Participatiewet)",
};

const GROUND_WORDS: Record<ExemptionType, string> = {
  medical: "uw gezondheid",
  caregiving: "de zorg die u geeft aan iemand anders",
  singleParentYoungChildren: "u bent alleenstaande ouder en zorgt helemaal alleen voor een kind onder de vijf jaar",
  crisis: "een moeilijke situatie in uw leven",
  education: "uw opleiding",
  otherUrgentReasons: "andere dringende redenen",
};

/** The obligations it covers in one phrase: "de tegenprestatie (…)" or "… en …". */
export function obligationPhrase(row: Pick<ExemptionRow, "covers_tegenprestatie" | "covers_work_obligations">): string {
  return obligationsOf(row)
    .map((o) => OBLIGATION_WORDS[o])
    .join(" en ");
}

/** The article an exemption rests on: art. 9a for a single parent, art. 9 lid 2 and the ordinance for the others. */
export function exemptionLegalBasis(row: Pick<ExemptionRow, "type" | "ordinance_version">): string {
  if (row.type === SINGLE_PARENT) return "Artikel 9a Participatiewet";
  return `Artikel 9, tweede lid, Participatiewet (dringende redenen) en de verordening van de gemeente (versie ${row.ordinance_version})`;
}

/** The last day an exemption runs when nothing changes: its end date, or else its review date. */
export const lastDayOf = (row: Pick<ExemptionRow, "end_date" | "review_date">) => row.end_date ?? row.review_date;

function termsSentence(row: Pick<ExemptionRow, "scope" | "max_hours_per_week" | "start_date" | "end_date" | "review_date">): string {
  const scope =
    row.scope === "full"
      ? "De vrijstelling is volledig: u hoeft deze verplichting niet na te komen."
      : `De vrijstelling is gedeeltelijk: u doet hoogstens ${row.max_hours_per_week ?? 0} uur per week.`;
  const until = row.end_date
    ? ` Zij geldt van ${formatDutchDate(row.start_date)} tot en met ${formatDutchDate(row.end_date)}.`
    : ` Zij geldt vanaf ${formatDutchDate(row.start_date)}. Op ${formatDutchDate(row.review_date ?? row.start_date)} kijken wij opnieuw of u de vrijstelling nog nodig heeft.`;
  return `${scope}${until}`;
}

/** What one exemption decision says; the letter's first sentence is its summary. */
export interface ExemptionDecisionDetails {
  type: ExemptionDecisionType;
  /** Why: the consultant's reasons (the exemption's reason and decision note, the refusal or ending reason). */
  reasons: string;
  takesEffectOn: string;
  /** Not extended: whether the client asked for the extension. */
  askedByClient?: boolean;
}

/** The decision's title, first sentence and facts, in plain Dutch (B1). */
export function exemptionDecisionText(row: ExemptionRow, details: ExemptionDecisionDetails) {
  const what = obligationPhrase(row);
  const ground = `De reden is: ${GROUND_WORDS[row.type]}.`;
  const asked = row.requested_by
    ? `U vroeg ons om vrijstelling van ${what}. ${ground}`
    : `Wij hebben met u gesproken over ${what}. ${ground}`;
  switch (details.type) {
    case "exemptionGranted":
      return {
        title: "u krijgt vrijstelling",
        summary: `Wij hebben besloten dat u ${row.scope === "full" ? "" : "gedeeltelijk "}vrijstelling krijgt van ${what}.`,
        facts: `${asked} ${termsSentence(row)}`,
      };
    case "exemptionRefused":
      return {
        title: "u krijgt geen vrijstelling",
        summary: `Wij hebben besloten dat u geen vrijstelling krijgt van ${what}.`,
        facts: `${asked} U vroeg dit op ${formatDutchDate(row.created_at.slice(0, 10))}. Uw uitleg: ${row.reason}`,
      };
    case "exemptionEnded":
      return {
        title: "uw vrijstelling stopt",
        summary: `Wij hebben besloten dat uw vrijstelling van ${what} eerder stopt: ${formatDutchDate(
          addDays(details.takesEffectOn, -1),
        )} is de laatste dag.`,
        facts: `U heeft vrijstelling sinds ${formatDutchDate(row.start_date)}. ${
          row.end_date ? `Die zou lopen tot en met ${formatDutchDate(row.end_date)}.` : "Er was nog geen einddatum."
        } Vanaf ${formatDutchDate(details.takesEffectOn)} geldt ${what} weer voor u.`,
      };
    case "exemptionNotExtended": {
      const last = lastDayOf(row) ?? details.takesEffectOn;
      return {
        title: "uw vrijstelling wordt niet verlengd",
        summary: `Wij hebben besloten dat wij uw vrijstelling van ${what} niet verlengen. De vrijstelling stopt na ${formatDutchDate(last)}.`,
        facts: `${
          details.askedByClient
            ? "U vroeg ons om uw vrijstelling langer te laten duren."
            : "Wij hebben gekeken of uw vrijstelling langer moet duren."
        } U heeft vrijstelling sinds ${formatDutchDate(row.start_date)}. ${ground} Vanaf ${formatDutchDate(
          details.takesEffectOn,
        )} geldt ${what} weer voor u.`,
      };
    }
  }
}

/** An exemption decision ready to store: its letter (rendered outside the transaction) and what the record says. */
export interface PreparedExemptionDecision {
  row: ExemptionRow;
  details: ExemptionDecisionDetails;
  text: ReturnType<typeof exemptionDecisionText>;
  letter: PreparedDecisionLetter;
  preparedBy: string | null;
}

/** Renders an exemption decision's letter, outside any transaction. */
export async function prepareExemptionDecision(
  ctx: RequestContext,
  client: ClientRow,
  row: ExemptionRow,
  details: ExemptionDecisionDetails,
  preparedBy: string | null = null,
): Promise<PreparedExemptionDecision> {
  const text = exemptionDecisionText(row, details);
  const letter = await prepareDecisionLetter(ctx, {
    client,
    type: details.type,
    template: "decision",
    data: {
      title: text.title,
      givenName: client.given_name,
      familyName: client.family_name,
      summary: text.summary,
      facts: text.facts,
      reasons: details.reasons,
      legalBasis: exemptionLegalBasis(row),
      takesEffectOn: formatDutchDate(details.takesEffectOn),
      decidedBy: ctx.actor.displayName,
    },
  });
  return { row, details, text, letter, preparedBy };
}

/** The decision with its letter held back from the client for a few minutes: until it leaves, the action can be undone. */
export function heldForUndo(ctx: RequestContext, prepared: PreparedExemptionDecision): PreparedExemptionDecision {
  return { ...prepared, letter: { ...prepared.letter, letter: holdForUndo(ctx, prepared.letter.letter) } };
}

/** Stores the prepared decision with its letter in the caller's transaction. */
export function recordExemptionDecision(trx: Kysely<Database>, ctx: RequestContext, prepared: PreparedExemptionDecision) {
  const { row, details, text, letter } = prepared;
  return recordDecision(trx, ctx, {
    clientId: row.client_id,
    type: details.type,
    subject: { type: "exemption", id: row.id },
    summary: text.summary,
    legalBasis: exemptionLegalBasis(row),
    ordinanceVersion: row.type === SINGLE_PARENT ? null : row.ordinance_version,
    facts: text.facts,
    reasons: details.reasons,
    letter,
    preparedBy: prepared.preparedBy,
    takesEffectOn: details.takesEffectOn,
  });
}

/**
 * The reasons of a granted exemption: a single parent's right (art. 9a), or the urgent reasons weighed; with the
 * exemption's reason and the decision's note when there is one.
 */
export function grantedReasons(row: Pick<ExemptionRow, "type" | "reason" | "decision_note">): string {
  const why =
    row.type === SINGLE_PARENT
      ? "U heeft recht op deze vrijstelling: u bent alleenstaande ouder en zorgt helemaal alleen voor een kind onder de vijf jaar. " +
        "De vrijstelling stopt vanzelf als uw kind vijf jaar wordt."
      : "Wij vinden dat er dringende redenen zijn om u nu vrijstelling te geven.";
  return [why, row.reason, row.decision_note].filter(Boolean).join(" ");
}

const UNMET_WORDS: Record<(typeof UNMET_CONDITIONS)[number], string> = {
  notSingleParent: "U bent geen alleenstaande ouder.",
  noFullCare: "U zorgt niet helemaal alleen voor uw kind.",
  childNotUnderFive: "Uw kind is niet jonger dan vijf jaar.",
};

/** The reasons of a refusal: for a single parent (art. 9a) first the condition that is not met, then the note. */
export function refusedReasons(row: Pick<ExemptionRow, "unmet_condition">, note: string): string {
  const condition = row.unmet_condition ? UNMET_WORDS[row.unmet_condition as keyof typeof UNMET_WORDS] : undefined;
  return condition ? `U heeft alleen recht op deze vrijstelling als u aan alle voorwaarden voldoet. ${condition} ${note}` : note;
}

/** The day after the last day an exemption runs: when a not-extended exemption's obligations apply again. */
export const dayAfter = (date: string) => addDays(date, 1);

import type { Attribution, AttributionState, PlacementAttributionInput, PlacementOutput } from "@shared/schemas/placements.js";
import { toOptionalText } from "@web/components/formValues.js";
import type { PlacementEndInput } from "./api.js";

// Unchosen or mistyped values go to the server as they are: its field errors are what the user reads.

/** The ending as the host (or consultant) types it: why, what happened, and optionally their own view. */
export interface EndValues {
  reason: string;
  note: string;
  /** Only the view of whoever ends it: the consultant decides after hearing the client. */
  attributableTo: string;
}

export const END_FIELDS = ["reason", "note", "attributableTo"] as const;

export function emptyEndValues(): EndValues {
  return { reason: "", note: "", attributableTo: "" };
}

/** The body of `POST /placements/{id}/end`: an empty account or view is left out. */
export function toEndInput(values: EndValues): PlacementEndInput {
  return {
    reason: values.reason || undefined,
    note: toOptionalText(values.note) ?? undefined,
    attributableTo: values.attributableTo || undefined,
  } as unknown as PlacementEndInput;
}

/** The consultant's determination as typed: the client's side first, then to whom the ending is attributable and why. */
export interface AttributionValues {
  clientAccount: string;
  channel: string;
  heardOn: string;
  attributableTo: string;
  reasons: string;
}

export const ATTRIBUTION_FIELDS = ["clientAccount", "channel", "heardOn", "attributableTo", "reasons"] as const;

/** A blank determination, with the client heard today in a conversation. */
export function emptyAttributionValues(today: string): AttributionValues {
  return { clientAccount: "", channel: "inPerson", heardOn: today, attributableTo: "", reasons: "" };
}

/**
 * The attribution form's start: blank, or, when the client gave their side in the portal, their own words as the
 * client's account, given through the portal on the day they wrote it (the consultant adds what the client said further).
 */
export function attributionValuesFor(today: string, clientSide: PlacementOutput["clientSide"]): AttributionValues {
  const blank = emptyAttributionValues(today);
  if (!clientSide) return blank;
  return { ...blank, clientAccount: clientSide.account, channel: "portal", heardOn: clientSide.givenOn };
}

/** The body of `POST /placements/{id}/attribution`; an empty date means today, which the server fills in. */
export function toAttributionInput(values: AttributionValues): PlacementAttributionInput {
  return {
    attributableTo: values.attributableTo,
    reasons: values.reasons,
    clientAccount: values.clientAccount,
    heardOn: values.heardOn || undefined,
    channel: values.channel,
  } as unknown as PlacementAttributionInput;
}

/** Attributed to the client, the ending is a decision with a letter the client can object to. */
export function isDecisionOnClient(attributableTo: string): boolean {
  return attributableTo === ("client" satisfies Attribution);
}

/** True while an ended placement waits for the consultant to hear the client and determine attribution. */
export function isAttributionPending(placement: { attributableTo: AttributionState | null }): boolean {
  return placement.attributableTo === "undetermined";
}

import { describe, expect, it } from "vitest";
import en from "./en.json";
import nl from "./nl.json";

/** Every text under a key, as its dotted key and its value. */
function textsUnder(value: unknown, prefix: string): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => textsUnder(child, `${prefix}.${key}`));
}

describe("who refused, in so many words", () => {
  // A refusal by the organisation, the consultant or the team lead must never read as if the client refused.
  it("names the organisation when it declined a referral", () => {
    expect(nl.placementStatus.declined).toMatch(/door de organisatie/);
    expect(en.placementStatus.declined).toMatch(/by the organisation/);
  });

  it("names the staff when a plan's proposal was not followed", () => {
    expect(nl.proposals.status.rejected).toMatch(/door consulent of teamleider/);
    expect(en.proposals.status.rejected).toMatch(/by consultant or team lead/);
  });

  it("names the consultant when a client's own proposal was declined", () => {
    expect(nl.activityProposals.status.declined).toMatch(/door de consulent/);
    expect(en.activityProposals.status.declined).toMatch(/by the consultant/);
  });

  it("says the organisation stopped a placement when it did", () => {
    expect(nl.endReason.organisationStopped).toMatch(/^De organisatie stopte/);
    expect(en.endReason.organisationStopped).toMatch(/^The organisation stopped/);
  });
});

describe("matching reasons", () => {
  // The consultant and the team lead read them: they speak about the client, not to the client.
  it("speak about the client, not to them", () => {
    for (const [key, text] of textsUnder(nl.matchReasons, "matchReasons")) expect(text, key).not.toMatch(/\b(u|uw)\b/i);
    for (const [key, text] of textsUnder(en.matchReasons, "matchReasons")) expect(text, key).not.toMatch(/\b(you|your)\b/i);
    expect(nl.matchReasons.skill).toContain("de cliënt");
    expect(en.matchReasons.wish).toContain("the client");
  });
});

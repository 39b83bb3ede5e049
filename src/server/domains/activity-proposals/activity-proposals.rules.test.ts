import type { Actor } from "@server/auth/actor.js";
import type { ActivityProposalRow } from "@server/db/schema.js";
import { type RefusalCase, refusalCodesIn, refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import { proposalDecisionText } from "./activity-proposals.decision.js";
import {
  ACTIVITY_PROPOSAL_REFUSALS,
  type AcceptFacts,
  acceptRefusalOf,
  activityProposalAbilities,
  activityProposalListAbilities,
  assertDecisionUndoable,
  assertMayAccept,
  assertProposalPending,
  assertWithinProposedHours,
  contributionKindOf,
  hoursAvailable,
} from "./activity-proposals.rules.js";

const proposal = (overrides: Partial<ActivityProposalRow> = {}): ActivityProposalRow => ({
  id: "p1",
  client_id: "c1",
  kind: "course",
  relation: null,
  description: "Een cursus Nederlands.",
  place: "Buurthuis De Boog",
  hours_per_week: 6,
  since: "2026-03-01",
  contact: null,
  status: "pending",
  proposed_by: "u2",
  proposed_by_client: 1,
  accepted_hours_per_week: null,
  decision_reasons: null,
  decided_by: null,
  decided_on: null,
  decision_id: null,
  contribution_id: null,
  caregiving_id: null,
  created_at: "2026-03-02T09:00:00+01:00",
  updated_at: "2026-03-02T09:00:00+01:00",
  ...overrides,
});
const facts = (capacity: number | null, committedHours: number): AcceptFacts => ({
  capacity: { hoursPerWeek: capacity, exemption: null },
  committedHours,
});
const actor = (role: Actor["role"]): Actor => ({
  id: "u1",
  email: "u1@example.test",
  displayName: "u1",
  role,
  districts: [],
  organisationId: null,
  clientId: null,
  scopeDate: "2026-03-10",
});

const cases: RefusalCase[] = [
  {
    rule: "a proposal is decided once",
    code: "activityProposalDecided",
    refused: () => assertProposalPending(proposal({ status: "declined" })),
    allowed: () => assertProposalPending(proposal()),
  },
  {
    rule: "no more hours count than the client proposed",
    code: "hoursPerWeek:aboveProposed",
    refused: () => assertWithinProposedHours(proposal(), 6.5),
    allowed: () => assertWithinProposedHours(proposal(), 6),
  },
  {
    rule: "only a decision that was made is undone",
    code: "activityProposalNotDecided",
    refused: () => assertDecisionUndoable(proposal(), { activityMovedOn: false }),
    allowed: () => assertDecisionUndoable(proposal({ status: "declined", decision_id: "d1" }), { activityMovedOn: false }),
  },
  {
    rule: "a decision is not undone once what accepting made has ended or was asked about",
    code: "activityMovedOn",
    refused: () => assertDecisionUndoable(proposal({ status: "accepted", decision_id: "d1" }), { activityMovedOn: true }),
    allowed: () => assertDecisionUndoable(proposal({ status: "accepted", decision_id: "d1" }), { activityMovedOn: false }),
  },
];

describe("the activity proposal rules", () => {
  it.each(cases)("$rule: refuses with $code, and passes otherwise", ({ code, refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });

  it("has a case for every code the rules can give", () => {
    expect(new Set(cases.map((c) => c.code))).toEqual(new Set(ACTIVITY_PROPOSAL_REFUSALS));
    expect(refusalCodesIn(new URL("./activity-proposals.rules.ts", import.meta.url))).toEqual([...ACTIVITY_PROPOSAL_REFUSALS].sort());
  });

  it("accepts only within capacity, counting what is asked already: capacity first", () => {
    // 10 hours of capacity, 4 asked already: 6 fit, 6.5 do not.
    expect(refusalOf(() => assertMayAccept(proposal({ hours_per_week: 6 }), 6, facts(10, 4)))).toBeNull();
    expect(refusalOf(() => assertMayAccept(proposal({ hours_per_week: 8 }), 8, facts(10, 4)))).toBe("capacityExceeded");
    // The consultant may accept fewer hours than proposed, so that they fit.
    expect(refusalOf(() => assertMayAccept(proposal({ hours_per_week: 8 }), 6, facts(10, 4)))).toBeNull();
    expect(refusalOf(() => assertMayAccept(proposal(), 1, facts(null, 0)))).toBe("capacityNotAssessed");
    // A decided proposal is refused before capacity is looked at.
    expect(refusalOf(() => assertMayAccept(proposal({ status: "accepted" }), 1, facts(0, 0)))).toBe("activityProposalDecided");
    expect(refusalOf(() => assertMayAccept(proposal(), 7, facts(40, 0)))).toBe("hoursPerWeek:aboveProposed");
  });

  it("gives the hours still free, never below zero, and none before capacity is assessed", () => {
    expect(hoursAvailable(facts(10, 4))).toBe(6);
    expect(hoursAvailable(facts(10, 12.5))).toBe(0);
    expect(hoursAvailable(facts(8, 2.35))).toBe(5.65);
    expect(hoursAvailable(facts(null, 0))).toBeNull();
  });

  it("makes caring caregiving, volunteer work existing volunteer work, and the rest a contribution of its own kind", () => {
    expect(contributionKindOf("caregiving")).toBe("caregiving");
    expect(contributionKindOf("volunteerWork")).toBe("existingVolunteerWork");
    expect(contributionKindOf("course")).toBe("course");
    expect(contributionKindOf("ownInitiative")).toBe("ownInitiative");
  });

  it("lets caseworkers decide a pending proposal, and says when its hours do not fit as proposed", () => {
    const tooMany = proposal({ hours_per_week: 8 });
    expect(activityProposalAbilities(actor("consultant"), tooMany, facts(10, 4))).toEqual({
      decide: true,
      acceptAsProposed: false,
      addEvidence: true,
    });
    expect(acceptRefusalOf(actor("consultant"), tooMany, facts(10, 4))).toBe("capacityExceeded");
    expect(acceptRefusalOf(actor("teamLead"), proposal(), facts(null, 0))).toBe("capacityNotAssessed");
    expect(acceptRefusalOf(actor("consultant"), proposal(), facts(10, 4))).toBeNull();
    expect(activityProposalAbilities(actor("consultant"), proposal(), facts(10, 4)).acceptAsProposed).toBe(true);
  });

  it("lets the client add evidence while it waits, but never decide; nobody acts on a decided proposal", () => {
    expect(activityProposalAbilities(actor("client"), proposal(), facts(10, 0))).toEqual({
      decide: false,
      acceptAsProposed: false,
      addEvidence: true,
    });
    expect(acceptRefusalOf(actor("client"), proposal({ hours_per_week: 20 }), facts(10, 0))).toBeNull();
    expect(activityProposalAbilities(actor("teamLead"), proposal({ status: "accepted" }), facts(10, 0))).toEqual({
      decide: false,
      acceptAsProposed: false,
      addEvidence: false,
    });
    expect(activityProposalListAbilities(actor("client"))).toEqual({ propose: true });
    expect(activityProposalListAbilities(actor("admin"))).toEqual({ propose: false });
  });
});

describe("the decision's text", () => {
  const today = "2026-03-10";
  it("names care by relation only, and says when fewer hours count than proposed", () => {
    const text = proposalDecisionText(
      proposal({ kind: "caregiving", relation: "parent", hours_per_week: 12.5 }),
      "accepted",
      8,
      "Uw zorg gaat verder dan gebruikelijke zorg.",
      today,
    );
    expect(text.summary).toBe("Wij hebben besloten dat de zorg voor uw ouder telt als uw tegenprestatie, voor 8 uur per week.");
    expect(text.reasons).toContain("Wij tellen 8 uur per week, en niet de 12,5 uur die u voorstelde.");
    expect(text.facts).toContain("Ongeveer 12,5 uur per week, sinds 1 maart 2026.");
  });

  it("says 'from' for an activity still to start, and declines with the reasons and a way on", () => {
    const text = proposalDecisionText(proposal({ since: "2026-04-01" }), "declined", null, "Deze cursus duurt te kort.", today);
    expect(text.summary).toBe("Wij hebben besloten dat de cursus die u voorstelde niet telt als uw tegenprestatie.");
    expect(text.facts).toContain("vanaf 1 april 2026");
    expect(text.reasons).toMatch(/^Onze reden: Deze cursus duurt te kort\. U mag altijd iets anders voorstellen\./);
  });
});

import type { Actor } from "@server/auth/actor.js";
import type { ExemptionRow, SanctionRow } from "@server/db/schema.js";
import { type RefusalCase, refusalOf } from "@server/testing/refusals.js";
import type { Ordinance } from "@shared/schemas/ordinance.js";
import type { SanctionProposalInput } from "@shared/schemas/sanctions.js";
import { describe, expect, it } from "vitest";
import { assertBuddyNoGround } from "../buddies/buddies.rules.js";
import { NOTHING_DECIDED_YET } from "./sanctions.repo.js";
import {
  assertAppointmentMissed,
  assertContributionAsked,
  assertCulpable,
  assertDecided,
  assertDropoutAttributable,
  assertEndingAttributedToClient,
  assertFactsRecent,
  assertHeardInPast,
  assertHeardOrTermPassed,
  assertLetterDelivered,
  assertLetterOfClient,
  assertMayHear,
  assertMayInvite,
  assertMayPropose,
  assertMayReconsider,
  assertMissedAfterInvitation,
  assertNoExemptionInForce,
  assertNoExemptionPending,
  assertNoSideDoor,
  assertNoUrgentReasons,
  assertObligationNamed,
  assertOneSanctionPerFact,
  assertPlacementConcerned,
  assertProposalComplete,
  assertSanctionStepUndoable,
  assertSecondDecisionMaker,
  assertStillProposed,
  decidedTerms,
  latestLetterStep,
  levelFor,
  type ProposalFacts,
  SANCTION_REFUSALS,
  type SanctionFacts,
  sanctionAbilities,
} from "./sanctions.rules.js";

const today = "2026-03-10";
const ordinance = {
  version: 3,
  sanctionGroundLevels: { missedAppointments: 1, insufficientEffort: 1, refusedContribution: 2, stoppedPlacementWithoutReason: 2 },
  sanctionLevels: [
    { level: 1, percentage: 5, months: 1 },
    { level: 2, percentage: 10, months: 1 },
    { level: 3, percentage: 20, months: 2 },
  ],
} satisfies Pick<Ordinance, "version" | "sanctionGroundLevels" | "sanctionLevels">;
const level = levelFor("refusedContribution", 2, "full", ordinance);

const actor = (role: Actor["role"], id: string): Actor => ({
  id,
  email: `${id}@example.test`,
  displayName: id,
  role,
  districts: ["Charlois"],
  organisationId: null,
  clientId: null,
  scopeDate: "2026-03-10",
});
const consultant = actor("consultant", "consultant-1");
const lead = actor("teamLead", "lead-1");

const sanction = (overrides: Partial<SanctionRow> = {}): SanctionRow => ({
  id: "s1",
  client_id: "c1",
  ground: "missedAppointments",
  facts_date: "2026-03-01",
  facts: "f",
  appointment_id: null,
  placement_id: null,
  letter_id: null,
  culpability: "full",
  circumstances: "c",
  children_interests: null,
  urgent_reasons: 0,
  urgent_reasons_note: null,
  recurrence: 1,
  proposed_by: consultant.id,
  proposed_at: "2026-03-02T10:00:00Z",
  status: "proposed",
  ...NOTHING_DECIDED_YET,
  plan_id: null,
  plan_step_id: null,
  not_done: null,
  ...overrides,
});
const heard = { hearing_record: "De cliënt vergat het.", hearing_held_on: "2026-03-05" };
const invited = { hearing_letter_id: "l1", hearing_respond_by: "2026-03-09" };
const imposed = sanction({
  ...heard,
  status: "decided",
  outcome: "imposed",
  level: 1,
  percentage: 5,
  months: 1,
  decided_by: lead.id,
  decision_letter_id: "l2",
  reconsider_by: "2026-06-10",
});
const decided = sanction({ ...imposed, decision_id: "d1" });
const ended = sanction({
  ...decided,
  reconsidered_on: today,
  reconsideration_outcome: "ended",
  reconsideration_decision_id: "d2",
  ended_on: today,
});
const fullExemption = (overrides: Partial<ExemptionRow> = {}) => ({
  scope: "full" as const,
  status: "active" as const,
  start_date: "2026-02-01",
  end_date: null,
  ended_on: null,
  covers_tegenprestatie: 1,
  ...overrides,
});
const proposal = (overrides: Partial<SanctionProposalInput> = {}): SanctionProposalInput => ({
  ground: "missedAppointments",
  factsDate: "2026-03-01",
  facts: "f",
  appointmentId: "a1",
  culpability: "full",
  circumstances: "c",
  urgentReasons: false,
  ...overrides,
});

const earlier = (overrides: Partial<SanctionRow> = {}) => ({
  ground: "missedAppointments",
  appointment_id: null,
  placement_id: null,
  letter_id: null,
  plan_id: null,
  plan_step_id: null,
  ...overrides,
});

const cases: RefusalCase[] = [
  {
    rule: "no sanction without culpability",
    code: "notCulpable",
    refused: () => assertCulpable("none"),
    allowed: () => assertCulpable("reduced"),
  },
  {
    rule: "a full exemption on the date of the conduct or today",
    code: "activeExemption",
    refused: () => assertNoExemptionInForce([fullExemption({ status: "ended", ended_on: "2026-03-05" })], ["2026-03-01", today]),
    allowed: () =>
      assertNoExemptionInForce(
        [fullExemption({ scope: "partial" }), fullExemption({ start_date: "2026-03-11" }), fullExemption({ covers_tegenprestatie: 0 })],
        ["2026-03-01", today],
      ),
  },
  {
    rule: "an undecided request for an exemption",
    code: "exemptionPending",
    refused: () => assertNoExemptionPending([fullExemption(), fullExemption({ status: "requested" })]),
    allowed: () => assertNoExemptionPending([fullExemption(), fullExemption({ status: "refused" })]),
  },
  {
    rule: "a dropout attributable to the organisation, health or caregiving",
    code: "dropoutNotAttributable",
    refused: () => assertDropoutAttributable({ status: "ended", attributable_to: "caregiving" }),
    allowed: () => assertDropoutAttributable({ status: "ended", attributable_to: "client" }),
  },
  {
    rule: "an ending whose attribution the consultant has not determined yet",
    code: "attributionPending",
    refused: () => assertEndingAttributedToClient({ attributable_to: "undetermined" }),
    allowed: () => assertEndingAttributedToClient({ attributable_to: "client" }),
  },
  {
    rule: "a missed appointment without an invitation letter that stated the duty to attend",
    code: "letterRequired",
    refused: () => assertMissedAfterInvitation({ status: "missed", kind: "followUp", invitation_letter_id: null }, 0),
    allowed: () => assertMissedAfterInvitation({ status: "missed", kind: "followUp", invitation_letter_id: "l1" }, 0),
  },
  {
    rule: "the first missed intake",
    code: "secondInvitationFirst",
    refused: () => assertMissedAfterInvitation({ status: "missed", kind: "intake", invitation_letter_id: "l1" }, 0),
    allowed: () => assertMissedAfterInvitation({ status: "missed", kind: "intake", invitation_letter_id: "l2" }, 1),
  },
  {
    rule: "insufficient effort without the plan step or placement and what was not done",
    code: "noObligation",
    refused: () => assertObligationNamed({ planStepId: "ps1", notDone: " " }, { plan_confirmed_on: "2026-01-05" }),
    allowed: () => assertObligationNamed({ planStepId: "ps1", notDone: "Twee weken niet gekomen." }, { plan_confirmed_on: "2026-01-05" }),
  },
  {
    rule: "a buddy (peer support) step: having, ending or not meeting a buddy is never a ground",
    code: "buddyPairingNoGround",
    refused: () => assertBuddyNoGround({ planStep: { type: "peerSupport" } }),
    allowed: () => assertBuddyNoGround({ planStep: { type: "training" } }),
  },
  {
    rule: "the plan step is one of the client's plans",
    code: "planStepId:unknownPlanStep",
    refused: () => assertObligationNamed({ planStepId: "ps1", notDone: "n" }, undefined),
    allowed: () => assertObligationNamed({ placementId: "p1", notDone: "n" }, undefined),
  },
  {
    rule: "the plan is the client's",
    code: "planId:unknownPlan",
    refused: () => assertContributionAsked({ planId: "plan1" }, undefined),
    allowed: () => assertContributionAsked({ planId: "plan1" }, { confirmed_on: "2026-01-05" }),
  },
  {
    rule: "a second sanction on the same fact",
    code: "duplicateFact",
    refused: () => assertOneSanctionPerFact(proposal(), [earlier({ appointment_id: "a1", revoked: 1 } as never)]),
    allowed: () => assertOneSanctionPerFact(proposal(), [earlier({ appointment_id: "a0" })]),
  },
  {
    rule: "facts older than the ordinance allows",
    code: "factsTooOld",
    refused: () => assertFactsRecent("2025-12-09", today, 90),
    allowed: () => assertFactsRecent("2025-12-10", today, 90),
  },
  {
    rule: "imposing while urgent reasons stand",
    code: "urgentReasons",
    refused: () => assertNoUrgentReasons({ urgent_reasons: 1 }, { outcome: "imposedLower" }),
    allowed: () =>
      assertNoUrgentReasons({ urgent_reasons: 1 }, { outcome: "imposed", urgentReasonsLapsed: { reasons: "Schuld geregeld." } }),
  },
  {
    rule: "a letter the client may not have had",
    code: "letterNotDelivered",
    refused: () => assertLetterDelivered(["delivered", "returned"]),
    allowed: () => assertLetterDelivered(["delivered"]),
  },
  {
    rule: "the conduct took place",
    code: "factsDate:dateInFuture",
    refused: () => assertProposalComplete(proposal({ factsDate: "2026-03-11" }), today),
    allowed: () => assertProposalComplete(proposal(), today),
  },
  {
    rule: "a stopped placement is linked",
    code: "placementId:required",
    refused: () => assertProposalComplete(proposal({ ground: "stoppedPlacementWithoutReason" }), today),
    allowed: () => assertProposalComplete(proposal({ ground: "stoppedPlacementWithoutReason", placementId: "p1" }), today),
  },
  {
    rule: "a missed appointment is linked",
    code: "appointmentId:required",
    refused: () => assertProposalComplete(proposal({ appointmentId: null }), today),
    allowed: () => assertProposalComplete(proposal({ ground: "insufficientEffort", appointmentId: null }), today),
  },
  {
    rule: "the placement is the client's",
    code: "placementId:unknownPlacement",
    refused: () => assertDropoutAttributable(undefined),
    allowed: () => assertDropoutAttributable({ status: "ended", attributable_to: "client" }),
  },
  {
    rule: "the placement has ended",
    code: "placementNotEnded",
    refused: () => assertDropoutAttributable({ status: "active", attributable_to: null }),
    allowed: () => assertDropoutAttributable({ status: "ended", attributable_to: "client" }),
  },
  {
    rule: "the appointment is the client's",
    code: "appointmentId:unknownAppointment",
    refused: () => assertAppointmentMissed(undefined),
    allowed: () => assertAppointmentMissed({ status: "missed" }),
  },
  {
    rule: "the appointment was missed",
    code: "appointmentNotMissed",
    refused: () => assertAppointmentMissed({ status: "attended" }),
    allowed: () => assertAppointmentMissed({ status: "missed" }),
  },
  {
    rule: "the letter is one to the client",
    code: "letterId:unknownLetter",
    refused: () => assertLetterOfClient(undefined),
    allowed: () => assertLetterOfClient({ delivery_status: "delivered" }),
  },
  {
    rule: "due process steps come before the decision",
    code: "sanctionDecided",
    refused: () => assertStillProposed(imposed),
    allowed: () => assertStillProposed(sanction()),
  },
  {
    rule: "the client is heard once",
    code: "alreadyHeard",
    refused: () => assertMayHear(sanction(heard)),
    allowed: () => assertMayHear(sanction()),
  },
  {
    rule: "a new invitation only when the last one did not reach the client",
    code: "hearingAlreadyInvited",
    refused: () => assertMayInvite(sanction(invited), "sent"),
    allowed: () => assertMayInvite(sanction(invited), "returned"),
  },
  {
    rule: "a hearing is recorded after it took place",
    code: "heldOn:dateInFuture",
    refused: () => assertHeardInPast("2026-03-11", today),
    allowed: () => assertHeardInPast(today, today),
  },
  {
    rule: "a second person decides",
    code: "sameDecisionMaker",
    refused: () => assertSecondDecisionMaker(sanction({ proposed_by: lead.id }), lead),
    allowed: () => assertSecondDecisionMaker(sanction(), lead),
  },
  {
    rule: "heard, or a delivered invitation's term passed",
    code: "hearingRequired",
    refused: () => assertHeardOrTermPassed(sanction({ ...invited, hearing_respond_by: today }), "delivered", today),
    allowed: () => assertHeardOrTermPassed(sanction(invited), "delivered", today),
  },
  {
    rule: "a lower sanction says how much lower",
    code: "percentage:required",
    refused: () => decidedTerms({ outcome: "imposedLower", reasons: "r" }, level),
    allowed: () => decidedTerms({ outcome: "imposedLower", reasons: "r", months: 1 }, level),
  },
  {
    rule: "a lower sanction is not higher",
    code: "percentage:notLower",
    refused: () => decidedTerms({ outcome: "imposedLower", reasons: "r", percentage: 30 }, level),
    allowed: () => decidedTerms({ outcome: "imposedLower", reasons: "r", percentage: 15 }, level),
  },
  {
    rule: "a lower sanction is not longer",
    code: "months:notLower",
    refused: () => decidedTerms({ outcome: "imposedLower", reasons: "r", percentage: 10, months: 3 }, level),
    allowed: () => decidedTerms({ outcome: "imposedLower", reasons: "r", percentage: 10, months: 2 }, level),
  },
  {
    rule: "a decision letter follows a decision",
    code: "sanctionNotDecided",
    refused: () => assertDecided(sanction()),
    allowed: () => assertDecided(imposed),
  },
  {
    rule: "only an imposed sanction still in place is reconsidered",
    code: "nothingToReconsider",
    refused: () => assertMayReconsider({ ...imposed, revoked: 1 }),
    allowed: () => assertMayReconsider(imposed),
  },
  {
    rule: "a sanction is reconsidered once",
    code: "alreadyReconsidered",
    refused: () => assertMayReconsider({ ...imposed, reconsidered_on: today }),
    allowed: () => assertMayReconsider(imposed),
  },
  {
    rule: "a correction names the latest version of the hearing record",
    code: "hearingChanged",
    refused: () => assertMayHear(sanction(heard), 1, 2),
    allowed: () => assertMayHear(sanction(heard), 2, 2),
  },
  {
    rule: "only the latest step that sent a letter is undone",
    code: "nothingToUndo",
    refused: () => assertSanctionStepUndoable(decided, "reconsideration", false),
    allowed: () => assertSanctionStepUndoable(decided, "decision", false),
  },
  {
    rule: "a decision that was objected to is not undone",
    code: "objectionExists",
    refused: () => assertSanctionStepUndoable(ended, "reconsideration", true),
    allowed: () => assertSanctionStepUndoable(ended, "reconsideration", false),
  },
];

describe("the sanction rules", () => {
  it.each(cases)("$rule: refuses with $code, and passes otherwise", ({ code, refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });

  it("has a case for every code the rules can give", () => {
    expect(new Set(cases.map((c) => c.code))).toEqual(new Set(SANCTION_REFUSALS));
  });

  it("starts at the ground's level, rises per recurrence, drops one for reduced culpability, and stays on the scale", () => {
    expect(levelFor("missedAppointments", 1, "full", ordinance)).toEqual({ level: 1, percentage: 5, months: 1, ordinanceVersion: 3 });
    expect(levelFor("refusedContribution", 1, "full", ordinance).level).toBe(2);
    expect(levelFor("refusedContribution", 2, "full", ordinance).level).toBe(3);
    expect(levelFor("refusedContribution", 1, "reduced", ordinance).level).toBe(1);
    expect(levelFor("missedAppointments", 1, "reduced", ordinance).level).toBe(1);
    expect(levelFor("refusedContribution", 9, "full", ordinance)).toMatchObject({ level: 3, percentage: 20, months: 2 });
  });

  it("imposes the level, a truly lower one, or nothing", () => {
    expect(decidedTerms({ outcome: "imposed", reasons: "r" }, level)).toEqual({ level: 3, percentage: 20, months: 2 });
    expect(decidedTerms({ outcome: "refrained", reasons: "r" }, level)).toEqual({ level: null, percentage: null, months: null });
    expect(decidedTerms({ outcome: "imposedLower", reasons: "r", months: 1 }, level)).toEqual({ level: 3, percentage: 20, months: 1 });
    expect(refusalOf(() => decidedTerms({ outcome: "imposedLower", reasons: "r", percentage: 20, months: 2 }, level))).toBe(
      "percentage:notLower",
    );
  });
});

describe("the evidence a proposal rests on", () => {
  const facts = (overrides: Partial<ProposalFacts> = {}): ProposalFacts => ({
    today,
    maxFactsAgeDays: 90,
    exemptions: [],
    appointment: { status: "missed", kind: "intake", invitation_letter_id: "l2" },
    earlierMissedIntakes: 1,
    latestEnding: null,
    earlier: [],
    reliedOnDeliveries: ["delivered"],
    ...overrides,
  });
  const effort = proposal({ ground: "insufficientEffort", appointmentId: null, planStepId: "ps1", notDone: "Niet gekomen." });
  const confirmedStep = { planStep: { plan_confirmed_on: "2026-01-05" }, appointment: undefined };

  it("passes a second missed intake after a delivered invitation", () => {
    expect(refusalOf(() => assertMayPropose(proposal(), facts()))).toBeNull();
    expect(refusalOf(() => assertMayPropose(proposal(), facts({ earlierMissedIntakes: 0 })))).toBe("secondInvitationFirst");
  });

  it("needs the ending attributed to the client for a stopped placement: pending or another party refuses", () => {
    const stopped = proposal({ ground: "stoppedPlacementWithoutReason", appointmentId: null, placementId: "p1" });
    const ended = (attributable_to: string | null) => facts({ placement: { status: "ended", attributable_to, ended_on: "2026-03-01" } });
    expect(refusalOf(() => assertMayPropose(stopped, ended("client")))).toBeNull();
    expect(refusalOf(() => assertMayPropose(stopped, ended("undetermined")))).toBe("attributionPending");
    expect(refusalOf(() => assertMayPropose(stopped, ended(null)))).toBe("attributionPending");
    expect(refusalOf(() => assertMayPropose(stopped, ended("none")))).toBe("dropoutNotAttributable");
    expect(refusalOf(() => assertMayPropose(stopped, ended("organisation")))).toBe("dropoutNotAttributable");
  });

  it("refuses a refused contribution that names neither a letter nor a confirmed plan", () => {
    const contribution = proposal({ ground: "refusedContribution", appointmentId: null });
    expect(refusalOf(() => assertMayPropose(contribution, facts({ appointment: undefined })))).toBe("letterRequired");
    expect(refusalOf(() => assertContributionAsked({ planId: "plan1" }, { confirmed_on: null }))).toBe("letterRequired");
    expect(
      refusalOf(() =>
        assertMayPropose({ ...contribution, planId: "plan1" }, facts({ appointment: undefined, plan: { confirmed_on: "2026-01-05" } })),
      ),
    ).toBeNull();
  });

  it("refuses insufficient effort that names no obligation, or a step of a plan not confirmed, or a placement not started", () => {
    expect(refusalOf(() => assertMayPropose(effort, facts(confirmedStep)))).toBeNull();
    expect(refusalOf(() => assertMayPropose({ ...effort, planStepId: null }, facts(confirmedStep)))).toBe("noObligation");
    expect(refusalOf(() => assertMayPropose({ ...effort, notDone: null }, facts(confirmedStep)))).toBe("noObligation");
    expect(refusalOf(() => assertObligationNamed({ planStepId: "ps1", notDone: "n" }, { plan_confirmed_on: null }))).toBe("noObligation");
    expect(refusalOf(() => assertPlacementConcerned({ status: "accepted", attributable_to: null }))).toBe("noObligation");
    expect(refusalOf(() => assertPlacementConcerned({ status: "active", attributable_to: null }))).toBeNull();
    expect(refusalOf(() => assertPlacementConcerned({ status: "ended", attributable_to: "organisation" }))).toBe("dropoutNotAttributable");
  });

  it("never rests a proposal on a buddy: a buddy step of a confirmed plan is refused on every ground that can name it", () => {
    const buddyStep = { planStep: { plan_confirmed_on: "2026-01-05", type: "peerSupport" }, appointment: undefined };
    expect(refusalOf(() => assertMayPropose(effort, facts(buddyStep)))).toBe("buddyPairingNoGround");
    const contribution = proposal({ ground: "refusedContribution", appointmentId: null, planId: "plan1", planStepId: "ps1" });
    expect(refusalOf(() => assertMayPropose(contribution, facts({ ...buddyStep, plan: { confirmed_on: "2026-01-05" } })))).toBe(
      "buddyPairingNoGround",
    );
    // Even with the consultant's finding of full culpability, the buddy rule comes first.
    expect(refusalOf(() => assertMayPropose({ ...effort, culpability: "full" }, facts(buddyStep)))).toBe("buddyPairingNoGround");
    expect(refusalOf(() => assertMayPropose(effort, facts(confirmedStep)))).toBeNull();
  });

  it("never rests a proposal on a buddy agreement: a proposal relying on the letter of one is refused, like a buddy step", () => {
    const relying = proposal({ ground: "refusedContribution", appointmentId: null, letterId: "l1", planStepId: null });
    const agreementLetter = { letter: { delivery_status: "delivered", decision_type: "buddyAgreement" }, appointment: undefined };
    expect(refusalOf(() => assertMayPropose(relying, facts(agreementLetter)))).toBe("buddyPairingNoGround");
    const otherLetter = { letter: { delivery_status: "delivered", decision_type: null }, appointment: undefined };
    expect(refusalOf(() => assertMayPropose(relying, facts(otherLetter)))).toBeNull();
  });

  it("has no side door: another ground about the facts of an ending not attributed to the client is refused", () => {
    const ending = (attributable_to: string, ended_on = "2026-02-20") => ({ attributable_to, ended_on });
    // Within three months of today, the facts within the three months before the ending or after it.
    expect(refusalOf(() => assertNoSideDoor(effort, ending("organisation"), today))).toBe("dropoutNotAttributable");
    expect(refusalOf(() => assertNoSideDoor(effort, ending("undetermined"), today))).toBe("attributionPending");
    expect(refusalOf(() => assertNoSideDoor({ ...effort, ground: "refusedContribution" }, ending("health"), today))).toBe(
      "dropoutNotAttributable",
    );
    expect(refusalOf(() => assertNoSideDoor(effort, ending("client"), today))).toBeNull();
    // An ending longer than three months ago, facts well before the ending, or a missed appointment of its own.
    expect(refusalOf(() => assertNoSideDoor(effort, ending("organisation", "2025-12-09"), today))).toBeNull();
    expect(refusalOf(() => assertNoSideDoor({ ...effort, factsDate: "2025-11-19" }, ending("organisation"), today))).toBeNull();
    expect(refusalOf(() => assertNoSideDoor(proposal(), ending("organisation"), today))).toBeNull();
    expect(refusalOf(() => assertMayPropose(effort, facts({ ...confirmedStep, latestEnding: ending("organisation") })))).toBe(
      "dropoutNotAttributable",
    );
  });

  it("counts a fact once: the same appointment, placement or plan step on any ground; a letter or plan only for a refused contribution", () => {
    expect(refusalOf(() => assertOneSanctionPerFact(effort, [earlier({ ground: "insufficientEffort", plan_step_id: "ps1" })]))).toBe(
      "duplicateFact",
    );
    const contribution = proposal({ ground: "refusedContribution", appointmentId: null, letterId: "l9" });
    expect(refusalOf(() => assertOneSanctionPerFact(contribution, [earlier({ ground: "refusedContribution", letter_id: "l9" })]))).toBe(
      "duplicateFact",
    );
    expect(
      refusalOf(() => assertOneSanctionPerFact(contribution, [earlier({ ground: "insufficientEffort", letter_id: "l9" })])),
    ).toBeNull();
    expect(refusalOf(() => assertMayPropose(proposal(), facts({ earlier: [earlier({ appointment_id: "a1" })] })))).toBe("duplicateFact");
  });

  it("refuses facts older than the ordinance's maximum age", () => {
    expect(refusalOf(() => assertMayPropose(proposal({ factsDate: "2025-12-01" }), facts()))).toBe("factsTooOld");
    expect(refusalOf(() => assertMayPropose(proposal({ factsDate: "2025-12-01" }), facts({ maxFactsAgeDays: 120 })))).toBeNull();
  });

  it("always allows refraining, and imposing without urgent reasons", () => {
    expect(refusalOf(() => assertNoUrgentReasons({ urgent_reasons: 1 }, { outcome: "refrained" }))).toBeNull();
    expect(refusalOf(() => assertNoUrgentReasons({ urgent_reasons: 0 }, { outcome: "imposed" }))).toBeNull();
    expect(
      refusalOf(() => assertNoUrgentReasons({ urgent_reasons: 1 }, { outcome: "imposed", urgentReasonsLapsed: { reasons: " " } })),
    ).toBe("urgentReasons");
  });
});

describe("undoing a step that sent a letter", () => {
  it("takes back the latest: the reconsideration that ended it, else the decision, else the invitation", () => {
    expect(latestLetterStep(sanction())).toBeNull();
    expect(latestLetterStep(sanction(invited))).toBe("hearingInvitation");
    expect(latestLetterStep(decided)).toBe("decision");
    expect(latestLetterStep({ ...decided, decision_letter_id: null })).toBeNull();
    expect(latestLetterStep(ended)).toBe("reconsideration");
  });

  it("undoes an invitation until the client has been heard, never after the decision", () => {
    expect(refusalOf(() => assertSanctionStepUndoable(sanction(invited), "hearingInvitation", false))).toBeNull();
    expect(refusalOf(() => assertSanctionStepUndoable(sanction({ ...invited, ...heard }), "hearingInvitation", false))).toBe(
      "alreadyHeard",
    );
    expect(refusalOf(() => assertSanctionStepUndoable(sanction(), "hearingInvitation", false))).toBe("nothingToUndo");
    expect(refusalOf(() => assertSanctionStepUndoable({ ...decided, ...invited }, "hearingInvitation", false))).toBe("sanctionDecided");
  });

  it("undoes a decision until it was reconsidered or objected to", () => {
    expect(refusalOf(() => assertSanctionStepUndoable(decided, "decision", false))).toBeNull();
    expect(refusalOf(() => assertSanctionStepUndoable(decided, "decision", true))).toBe("objectionExists");
    expect(refusalOf(() => assertSanctionStepUndoable({ ...decided, revoked: 1 }, "decision", false))).toBe("objectionExists");
    expect(refusalOf(() => assertSanctionStepUndoable(ended, "decision", false))).toBe("alreadyReconsidered");
    expect(refusalOf(() => assertSanctionStepUndoable({ ...decided, reconsidered_on: today }, "decision", false))).toBe(
      "alreadyReconsidered",
    );
    expect(refusalOf(() => assertSanctionStepUndoable(sanction(heard), "decision", false))).toBe("sanctionNotDecided");
  });
});

describe("the abilities on a sanction", () => {
  const inside = { printedAt: null, openedAt: null, deliveryRecordedAt: null, noticeTaken: false, withdrawnAt: null };
  const facts = (
    row: SanctionRow,
    more: { invitationDelivery?: string | null; hearingVersions?: number; undo?: SanctionFacts["undo"] } = {},
  ): SanctionFacts => ({
    sanction: row,
    invitationDelivery: more.invitationDelivery ?? null,
    hearingVersions: more.hearingVersions ?? (row.hearing_record ? 1 : 0),
    undo: more.undo ?? null,
    today,
  });

  it("lets the author or a team lead undo the latest letter step while its letter is inside", () => {
    const mine = { letter: { ...inside, createdBy: consultant.id }, objected: false };
    expect(sanctionAbilities(consultant, facts(sanction(invited), { undo: mine })).undo).toBe(true);
    expect(sanctionAbilities(lead, facts(sanction(invited), { undo: mine })).undo).toBe(true);
    expect(sanctionAbilities({ ...consultant, id: "consultant-2" }, facts(sanction(invited), { undo: mine })).undo).toBe(false);
    const printed = { ...mine, letter: { ...mine.letter, printedAt: "2026-03-10T10:00:00Z" } };
    expect(sanctionAbilities(consultant, facts(sanction(invited), { undo: printed })).undo).toBe(false);
    expect(sanctionAbilities(consultant, facts(sanction({ ...invited, ...heard }), { undo: mine })).undo).toBe(false);
    const client = { ...actor("client", "client-user"), clientId: "c1" };
    expect(sanctionAbilities(client, facts(sanction(invited), { undo: mine })).undo).toBe(false);
    expect(sanctionAbilities(lead, facts(ended, { undo: { ...mine, objected: true } })).undo).toBe(false);
  });

  it("lets the consultant invite and hear a fresh proposal, never decide it", () => {
    expect(sanctionAbilities(consultant, facts(sanction()))).toEqual({
      invite: true,
      hear: true,
      correctHearing: false,
      decide: false,
      impose: false,
      reconsider: false,
      undo: false,
    });
  });

  it("lets the consultant correct a recorded hearing while the sanction is proposed", () => {
    expect(sanctionAbilities(consultant, facts(sanction(heard)))).toMatchObject({ hear: false, correctHearing: true });
    expect(sanctionAbilities(consultant, facts(imposed)).correctHearing).toBe(false);
  });

  it("lets another team lead decide only once the client was heard or a delivered invitation's term passed", () => {
    expect(sanctionAbilities(lead, facts(sanction())).decide).toBe(false);
    expect(sanctionAbilities(lead, facts(sanction(heard))).decide).toBe(true);
    expect(sanctionAbilities(lead, facts(sanction(invited), { invitationDelivery: "delivered" })).decide).toBe(true);
    expect(sanctionAbilities(lead, facts(sanction(invited), { invitationDelivery: "sent" })).decide).toBe(false);
    expect(sanctionAbilities(lead, facts(sanction({ ...heard, proposed_by: lead.id }))).decide).toBe(false);
  });

  it("lets the team lead decide but not impose while urgent reasons are recorded", () => {
    expect(sanctionAbilities(lead, facts(sanction({ ...heard, urgent_reasons: 1 })))).toMatchObject({ decide: true, impose: false });
    expect(sanctionAbilities(lead, facts(sanction(heard)))).toMatchObject({ decide: true, impose: true });
    expect(sanctionAbilities(lead, facts(sanction()))).toMatchObject({ decide: false, impose: false });
  });

  it("after the decision: reconsider for the team lead, nothing for the client (objections go against the decision)", () => {
    const client = { ...actor("client", "client-user"), clientId: "c1" };
    expect(sanctionAbilities(client, facts(imposed))).toMatchObject({ hear: false, reconsider: false });
    expect(sanctionAbilities(lead, facts(imposed)).reconsider).toBe(true);
  });
});

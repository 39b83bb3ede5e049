import type { Actor } from "@server/auth/actor.js";
import type { ExemptionRow } from "@server/db/schema.js";
import { type RefusalCase, refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import type { LetterDispatchFacts } from "../letters/letters.rules.js";
import {
  assertAdviceGiven,
  assertAwaitingCoSign,
  assertChildUnderFive,
  assertEndsAfterStart,
  assertEndsByFifthBirthday,
  assertExemptionUndoable,
  assertIsRequest,
  assertMayEnd,
  assertMayRefuseExtension,
  assertMedicalAdvice,
  assertNoOpenRequest,
  assertNotRefusedAtDiscretion,
  assertRecordingUndoable,
  assertSecondSigner,
  assertTakesEvidence,
  assertTakesMedicalAdvice,
  EXEMPTION_REFUSALS,
  exemptionAbilities,
  isFullExemptionOn,
  isInForce,
  lastDayUnderFive,
  needsCoSign,
  obligationsOf,
} from "./exemptions.rules.js";
import { type ExemptionUndoState, recordedUndoStateColumn, undoStateColumn, undoStateOf } from "./exemptions.undo-state.js";

const actor = (role: Actor["role"], id = "lead-2"): Actor => ({
  id,
  email: `${id}@example.test`,
  displayName: id,
  role,
  districts: ["Charlois"],
  organisationId: null,
  clientId: null,
  scopeDate: "2026-03-10",
});

const exemption = (overrides: Partial<ExemptionRow> = {}): ExemptionRow => ({
  id: "e1",
  client_id: "c1",
  type: "medical",
  scope: "full",
  max_hours_per_week: null,
  start_date: "2026-01-01",
  end_date: "2026-06-30",
  review_date: null,
  reason: "r",
  status: "active",
  requested_by: null,
  decided_by: "consultant-1",
  decided_at: "2026-01-01T10:00:00Z",
  decision_note: null,
  co_signed_by: null,
  co_signed_at: null,
  ended_on: null,
  end_reason: null,
  ordinance_version: 1,
  created_at: "2026-01-01T10:00:00Z",
  updated_at: "2026-01-01T10:00:00Z",
  covers_tegenprestatie: 1,
  covers_work_obligations: 0,
  child_birth_date: null,
  unmet_condition: null,
  undo_state: null,
  ...overrides,
});

const refusal = (unmetCondition: "noFullCare" | null) => ({ outcome: "refused" as const, note: "n", unmetCondition });

/** An exemption granted on request by consultant-1, with the letter that announced it. */
const granted = (overrides: Partial<ExemptionRow> = {}): ExemptionRow => {
  const request = exemption({ status: "requested", requested_by: "client-1", decided_by: null, decided_at: null });
  return exemption({ requested_by: "client-1", ...undoStateColumn(request, "decide", "letter-1", "active"), ...overrides });
};
const undoOf = (row: Pick<ExemptionRow, "undo_state">): ExemptionUndoState | null => undoStateOf(row);
/** An exemption consultant-1 recorded, granted at once with its letter: undoing that removes it. */
const recorded = (overrides: Partial<ExemptionRow> = {}): ExemptionRow =>
  exemption({ ...recordedUndoStateColumn("letter-1", "active"), ...overrides });
const recording: ExemptionUndoState = { action: "record", letterId: "letter-1", statusAfter: "active", before: null };

const cases: RefusalCase[] = [
  {
    rule: "one open request per type",
    code: "alreadyRequested",
    refused: () => assertNoOpenRequest(1),
    allowed: () => assertNoOpenRequest(0),
  },
  {
    rule: "only a request is decided",
    code: "exemptionState",
    refused: () => assertIsRequest(exemption({ status: "active" })),
    allowed: () => assertIsRequest(exemption({ status: "requested" })),
  },
  {
    rule: "only an exemption awaiting it is co-signed",
    code: "exemptionState",
    refused: () => assertAwaitingCoSign(exemption({ status: "active" })),
    allowed: () => assertAwaitingCoSign(exemption({ status: "awaitingCoSign" })),
  },
  {
    rule: "the one who decided does not co-sign",
    code: "sameDecider",
    refused: () => assertSecondSigner(exemption(), actor("teamLead", "consultant-1")),
    allowed: () => assertSecondSigner(exemption(), actor("teamLead", "lead-2")),
  },
  {
    rule: "only a binding or waiting exemption ends",
    code: "exemptionState",
    refused: () => assertMayEnd(exemption({ status: "refused" })),
    allowed: () => assertMayEnd(exemption({ status: "awaitingCoSign" })),
  },
  {
    rule: "an exemption does not end before it starts",
    code: "exemptionState",
    refused: () => assertEndsAfterStart(exemption(), "2025-12-31"),
    allowed: () => assertEndsAfterStart(exemption(), "2026-01-01"),
  },
  {
    rule: "a refused request takes no evidence",
    code: "exemptionState",
    refused: () => assertTakesEvidence(exemption({ status: "refused" })),
    allowed: () => assertTakesEvidence(exemption({ status: "requested" })),
  },
  {
    rule: "art. 9a: the child is under five on the start date",
    code: "childNotUnderFive",
    refused: () => assertChildUnderFive("2021-03-01", "2026-03-01"),
    allowed: () => assertChildUnderFive("2021-03-02", "2026-03-01"),
  },
  {
    rule: "art. 9a: the exemption ends by the day before the fifth birthday",
    code: "childNotUnderFive",
    refused: () => assertEndsByFifthBirthday("2024-05-10", "2029-05-10"),
    allowed: () => assertEndsByFifthBirthday("2024-05-10", "2029-05-09"),
  },
  {
    rule: "art. 9a: a single parent's request is refused only for an unmet condition",
    code: "exemptionIsARight",
    refused: () => assertNotRefusedAtDiscretion(exemption({ type: "singleParentYoungChildren" }), refusal(null)),
    allowed: () => assertNotRefusedAtDiscretion(exemption({ type: "singleParentYoungChildren" }), refusal("noFullCare")),
  },
  {
    rule: "a medical request is decided on medical advice",
    code: "medicalAdviceRequired",
    refused: () => assertMedicalAdvice(exemption({ type: "medical" }), 0),
    allowed: () => assertMedicalAdvice(exemption({ type: "medical" }), 1),
  },
  {
    rule: "medical advice belongs to a medical exemption",
    code: "exemptionState",
    refused: () => assertTakesMedicalAdvice(exemption({ type: "caregiving", status: "requested" })),
    allowed: () => assertTakesMedicalAdvice(exemption({ type: "medical", status: "requested" })),
  },
  {
    rule: "medical advice is not added to a refused request",
    code: "exemptionState",
    refused: () => assertTakesMedicalAdvice(exemption({ type: "medical", status: "refused" })),
    allowed: () => assertTakesMedicalAdvice(exemption({ type: "medical", status: "active" })),
  },
  {
    rule: "medical advice is recorded once given",
    code: "advisedOn:dateInFuture",
    refused: () => assertAdviceGiven("2026-03-11", "2026-03-10"),
    allowed: () => assertAdviceGiven("2026-03-10", "2026-03-10"),
  },
  {
    rule: "only a binding exemption is not extended",
    code: "exemptionState",
    refused: () => assertMayRefuseExtension(exemption({ status: "awaitingCoSign" }), "2026-03-01", false),
    allowed: () => assertMayRefuseExtension(exemption(), "2026-03-01", false),
  },
  {
    rule: "an exemption whose last day has passed is not extended or refused",
    code: "exemptionState",
    refused: () => assertMayRefuseExtension(exemption({ end_date: null, review_date: "2026-02-28" }), "2026-03-01", false),
    allowed: () => assertMayRefuseExtension(exemption({ end_date: null, review_date: "2026-03-01" }), "2026-03-01", false),
  },
  {
    rule: "only an exemption's last action that sent a letter is undone",
    code: "exemptionState",
    refused: () => assertExemptionUndoable(exemption(), undoOf(exemption())),
    allowed: () => assertExemptionUndoable(granted(), undoOf(granted())),
  },
  {
    rule: "an action is not undone once the exemption moved on from it",
    code: "exemptionChanged",
    refused: () => assertExemptionUndoable(granted({ status: "ended" }), undoOf(granted())),
    allowed: () => assertExemptionUndoable(granted(), undoOf(granted())),
  },
  {
    rule: "a recording is not undone once evidence or medical advice hangs on the exemption",
    code: "exemptionHasRecords",
    refused: () => assertRecordingUndoable(recording, { evidence: 1, medicalAdvice: 0 }),
    allowed: () => assertRecordingUndoable(recording, { evidence: 0, medicalAdvice: 0 }),
  },
  {
    rule: "an extension is refused once",
    code: "exemptionState",
    refused: () => assertMayRefuseExtension(exemption(), "2026-03-01", true),
    allowed: () => assertMayRefuseExtension(exemption(), "2026-03-01", false),
  },
];

describe("the exemption rules", () => {
  it.each(cases)("$rule: refuses with $code, and passes otherwise", ({ code, refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });

  it("has a case for every code the rules can give", () => {
    expect(new Set(cases.map((c) => c.code))).toEqual(new Set(EXEMPTION_REFUSALS));
  });

  it("asks a second signature for a full exemption longer than the ordinance's months, not for a partial one", () => {
    const ordinance = { exemptionCoSignMonths: 12 };
    expect(needsCoSign({ scope: "full", startDate: "2026-01-01", endDate: "2027-01-01" }, ordinance)).toBe(false);
    expect(needsCoSign({ scope: "full", startDate: "2026-01-01", endDate: "2027-01-02" }, ordinance)).toBe(true);
    expect(needsCoSign({ scope: "full", startDate: "2026-01-01", reviewDate: "2027-06-01" }, ordinance)).toBe(true);
    expect(needsCoSign({ scope: "partial", startDate: "2026-01-01", endDate: "2028-01-01" }, ordinance)).toBe(false);
    // A single parent's exemption from the work obligations alone is a right: no second signature.
    const long = { scope: "full" as const, startDate: "2026-01-01", endDate: "2029-01-01" };
    expect(needsCoSign({ ...long, obligations: ["workObligations"] }, ordinance)).toBe(false);
    expect(needsCoSign({ ...long, obligations: ["workObligations", "tegenprestatie"] }, ordinance)).toBe(true);
  });

  it("ends a single parent's exemption the day before the child's fifth birthday, also across leap days", () => {
    expect(lastDayUnderFive("2024-05-10")).toBe("2029-05-09");
    expect(lastDayUnderFive("2024-03-01")).toBe("2029-02-28");
    expect(lastDayUnderFive("2024-02-29")).toBe("2029-02-27");
  });

  it("names the obligations an exemption covers; one from the work obligations alone does not bind the tegenprestatie", () => {
    expect(obligationsOf(exemption())).toEqual(["tegenprestatie"]);
    expect(obligationsOf(exemption({ covers_tegenprestatie: 0, covers_work_obligations: 1 }))).toEqual(["workObligations"]);
    expect(obligationsOf(exemption({ covers_work_obligations: 1 }))).toEqual(["tegenprestatie", "workObligations"]);
    expect(isFullExemptionOn(exemption({ covers_tegenprestatie: 0, covers_work_obligations: 1 }), "2026-03-15")).toBe(false);
  });

  it("lets a consultant decide a medical request only once medical advice is recorded", () => {
    const medical = exemption({ type: "medical", status: "requested" });
    expect(exemptionAbilities(actor("consultant"), medical, 0)).toMatchObject({ decide: false, addMedicalAdvice: true });
    expect(exemptionAbilities(actor("consultant"), medical, 1).decide).toBe(true);
    expect(exemptionAbilities(actor("client"), medical, 1)).toMatchObject({ decide: false, addMedicalAdvice: false });
  });

  it("is in force while active and within its dates; it bound the client on a past date even when ended since", () => {
    expect(isInForce(exemption(), "2026-03-01")).toBe(true);
    expect(isInForce(exemption(), "2026-07-01")).toBe(false);
    expect(isInForce(exemption({ status: "awaitingCoSign" }), "2026-03-01")).toBe(false);
    const ended = exemption({ status: "ended", ended_on: "2026-03-31" });
    expect(isFullExemptionOn(ended, "2026-03-15")).toBe(true);
    expect(isFullExemptionOn(ended, "2026-04-01")).toBe(false);
    expect(isFullExemptionOn(exemption({ scope: "partial" }), "2026-03-15")).toBe(false);
  });

  it("gives abilities by role and state: a team lead co-signs what another decided, a client only adds evidence", () => {
    const waiting = exemption({ status: "awaitingCoSign" });
    expect(exemptionAbilities(actor("teamLead"), waiting)).toEqual({
      decide: false,
      coSign: true,
      end: true,
      addEvidence: true,
      addMedicalAdvice: true,
      refuseExtension: false,
      undo: false,
    });
    expect(exemptionAbilities(actor("teamLead", "consultant-1"), waiting).coSign).toBe(false);
    expect(exemptionAbilities(actor("consultant"), waiting).coSign).toBe(false);
    expect(exemptionAbilities(actor("client"), exemption({ status: "requested" }))).toEqual({
      decide: false,
      coSign: false,
      end: false,
      addEvidence: true,
      addMedicalAdvice: false,
      refuseExtension: false,
      undo: false,
    });
    expect(exemptionAbilities(actor("consultant"), exemption({ status: "refused" }))).toEqual({
      decide: false,
      coSign: false,
      end: false,
      addEvidence: false,
      addMedicalAdvice: false,
      refuseExtension: false,
      undo: false,
    });
  });

  it("puts back exactly the columns the action changed, and the undo state before it", () => {
    const request = exemption({ status: "requested", scope: "partial", start_date: "2025-12-20", decided_by: null, decided_at: null });
    const undo = undoOf({ ...request, ...undoStateColumn(request, "decide", "letter-1", "active") });
    expect(undo).toMatchObject({ action: "decide", letterId: "letter-1", statusAfter: "active" });
    expect(undo?.before).toMatchObject({
      status: "requested",
      scope: "partial",
      start_date: "2025-12-20",
      decided_by: null,
      undo_state: null,
    });
    const notExtended = { ...granted(), ...undoStateColumn(granted(), "refuseExtension", "letter-2", "active") };
    expect(undoOf(undoOf(notExtended)?.before ?? { undo_state: null })?.letterId).toBe("letter-1");
  });

  it("lets the author or a team lead undo while the letter is inside, by the letters' rules", () => {
    const inside: LetterDispatchFacts & { createdBy: string } = {
      printedAt: null,
      openedAt: null,
      deliveryRecordedAt: null,
      noticeTaken: false,
      withdrawnAt: null,
      createdBy: "consultant-1",
    };
    const facts = (letter: typeof inside | null) => ({
      today: "2026-03-10",
      decisions: [],
      undo: { undo: undoOf(granted()), evidence: 0, letter },
    });
    const undo = (who: Actor, letter: typeof inside | null) => exemptionAbilities(who, granted(), 0, facts(letter)).undo;
    expect(undo(actor("consultant", "consultant-1"), inside)).toBe(true);
    expect(undo(actor("teamLead"), inside)).toBe(true);
    expect(undo(actor("consultant", "consultant-2"), inside)).toBe(false);
    expect(undo(actor("client", "client-1"), inside)).toBe(false);
    expect(undo(actor("consultant", "consultant-1"), { ...inside, printedAt: "2026-03-10T10:00:00Z" })).toBe(false);
    expect(undo(actor("consultant", "consultant-1"), { ...inside, withdrawnAt: "2026-03-10T10:00:00Z" })).toBe(false);
    expect(undo(actor("consultant", "consultant-1"), null)).toBe(false);
    expect(exemptionAbilities(actor("teamLead"), granted({ status: "ended" }), 0, facts(inside)).undo).toBe(false);
  });

  it("lets the recorder or a team lead undo a recording while its letter is inside and nothing hangs on the exemption", () => {
    const inside: LetterDispatchFacts & { createdBy: string } = {
      printedAt: null,
      openedAt: null,
      deliveryRecordedAt: null,
      noticeTaken: false,
      withdrawnAt: null,
      createdBy: "consultant-1",
    };
    const undo = (who: Actor, evidence: number, advice: number) =>
      exemptionAbilities(who, recorded(), advice, {
        today: "2026-03-10",
        decisions: [],
        undo: { undo: undoOf(recorded()), evidence, letter: inside },
      }).undo;
    expect(undoOf(recorded())).toEqual(recording);
    expect(undo(actor("consultant", "consultant-1"), 0, 0)).toBe(true);
    expect(undo(actor("teamLead"), 0, 0)).toBe(true);
    expect(undo(actor("consultant", "consultant-2"), 0, 0)).toBe(false);
    expect(undo(actor("consultant", "consultant-1"), 1, 0)).toBe(false);
    expect(undo(actor("consultant", "consultant-1"), 0, 1)).toBe(false);
    // A later step keeps what hangs on the exemption: its undo is not held back by evidence.
    expect(refusalOf(() => assertRecordingUndoable(undoOf(granted()) as ExemptionUndoState, { evidence: 2, medicalAdvice: 1 }))).toBeNull();
  });

  it("lets a consultant refuse to extend a binding exemption once, until its last day", () => {
    const facts = (today: string, decisions: { type: "exemptionNotExtended" | "exemptionGranted" }[] = []) => ({ today, decisions });
    expect(exemptionAbilities(actor("consultant"), exemption(), 0, facts("2026-06-30")).refuseExtension).toBe(true);
    expect(exemptionAbilities(actor("consultant"), exemption(), 0, facts("2026-07-01")).refuseExtension).toBe(false);
    expect(
      exemptionAbilities(actor("consultant"), exemption(), 0, facts("2026-03-01", [{ type: "exemptionGranted" }])).refuseExtension,
    ).toBe(true);
    expect(
      exemptionAbilities(actor("consultant"), exemption(), 0, facts("2026-03-01", [{ type: "exemptionNotExtended" }])).refuseExtension,
    ).toBe(false);
    expect(exemptionAbilities(actor("client"), exemption(), 0, facts("2026-03-01")).refuseExtension).toBe(false);
  });
});

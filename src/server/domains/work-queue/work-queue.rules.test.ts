import { refusalOf } from "@server/testing/refusals.js";
import { WORK_QUEUE_REASONS, WORK_QUEUE_SEVERITIES, type WorkQueueSeverity } from "@shared/schemas/work-queue.js";
import { describe, expect, it } from "vitest";
import {
  ageOf,
  assertMayBeSetAside,
  assertSnoozeDate,
  compareQueueItems,
  compareReasons,
  isSetAside,
  MAX_SNOOZE_DAYS,
  type RankedItem,
  SEVERITY_OF_REASON,
  severityOf,
} from "./work-queue.rules.js";

const TODAY = "2026-12-03";

const item = (severity: WorkQueueSeverity, since: string, familyName = "Jansen"): RankedItem => ({
  urgency: WORK_QUEUE_SEVERITIES.indexOf(severity),
  severity,
  reasons: [{ since }],
  familyName,
  givenName: "An",
});

describe("severityOf", () => {
  it("ranks deadlines, then wellbeing, an ending to be heard, an exemption request, a proposal, then letters and missed intakes", () => {
    const order = [
      "hearingResponseDue",
      "helpRequested",
      "attributionPending",
      "exemptionRequested",
      "activityProposed",
      "letterReturned",
      "planStepEnding",
    ] as const;
    const ranks = order.map((code) => severityOf(code).rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBe(order.length);
  });

  it("puts the objection decision, the hearing term and the reconsideration under deadline", () => {
    for (const code of ["objectionDecisionDue", "hearingResponseDue", "reconsiderationDue"] as const)
      expect(severityOf(code)).toEqual({ severity: "deadline", rank: 0 });
  });

  it("puts a low WHO-5 entered by the consultant with the client's own alarms, above every letter", () => {
    expect(severityOf("lowWellbeing").severity).toBe("wellbeing");
    expect(severityOf("lowWellbeing").rank).toBeLessThan(severityOf("letterReturned").rank);
    expect(severityOf("intakeMissed").severity).toBe("lettersAndAppointments");
  });

  it("gives every reason a severity", () => {
    for (const code of WORK_QUEUE_REASONS) expect(WORK_QUEUE_SEVERITIES).toContain(SEVERITY_OF_REASON[code]);
  });
});

describe("compareReasons", () => {
  it("orders a client's reasons by severity, then by the list of reasons", () => {
    const reasons = [{ code: "planStepEnding" as const }, { code: "lowWellbeing" as const }, { code: "helpRequested" as const }];
    expect(reasons.sort(compareReasons).map((r) => r.code)).toEqual(["helpRequested", "lowWellbeing", "planStepEnding"]);
  });
});

describe("compareQueueItems", () => {
  it("puts a more severe item first, however old the other", () => {
    const sorted = [item("lettersAndAppointments", "2025-12-03"), item("wellbeing", TODAY)].sort(compareQueueItems);
    expect(sorted.map((i) => i.severity)).toEqual(["wellbeing", "lettersAndAppointments"]);
  });

  it("within a severity, puts the newest signal first", () => {
    const sorted = [item("lettersAndAppointments", "2025-12-03", "A"), item("lettersAndAppointments", TODAY, "B")].sort(compareQueueItems);
    expect(sorted.map((i) => i.familyName)).toEqual(["B", "A"]);
  });

  it("within the deadlines, puts the one falling due first", () => {
    const sorted = [item("deadline", "2026-12-10", "Later"), item("deadline", "2026-12-04", "Sooner")].sort(compareQueueItems);
    expect(sorted.map((i) => i.familyName)).toEqual(["Sooner", "Later"]);
  });

  it("breaks a tie by name", () => {
    const sorted = [item("proposal", TODAY, "Visser"), item("proposal", TODAY, "Bakker")].sort(compareQueueItems);
    expect(sorted.map((i) => i.familyName)).toEqual(["Bakker", "Visser"]);
  });
});

describe("ageOf", () => {
  it("counts the days since a signal, and negative days to a deadline still to come", () => {
    expect(ageOf("2025-12-03", TODAY)).toBe(365);
    expect(ageOf(TODAY, TODAY)).toBe(0);
    expect(ageOf("2026-12-10", TODAY)).toBe(-7);
  });
});

describe("isSetAside", () => {
  const signal = { since: "2026-11-20" };
  it("keeps a reason marked done off the queue for the same signal only", () => {
    const done = { disposition: "done" as const, signalSince: "2026-11-20", snoozedUntil: null };
    expect(isSetAside(signal, done, TODAY)).toBe(true);
    expect(isSetAside({ since: "2026-12-01" }, done, TODAY)).toBe(false);
    expect(isSetAside(signal, undefined, TODAY)).toBe(false);
  });

  it("keeps a snoozed reason off the queue until its date, and brings it back on that day", () => {
    const snoozed = { disposition: "snoozed" as const, signalSince: "2026-11-20", snoozedUntil: "2026-12-10" };
    expect(isSetAside(signal, snoozed, "2026-12-09")).toBe(true);
    expect(isSetAside(signal, snoozed, "2026-12-10")).toBe(false);
    expect(isSetAside({ since: "2026-12-05" }, snoozed, "2026-12-06")).toBe(false);
  });
});

describe("assertSnoozeDate", () => {
  it("refuses today or a day before it", () => {
    expect(refusalOf(() => assertSnoozeDate(TODAY, TODAY))).toBe("snoozedUntil:notInFuture");
    expect(refusalOf(() => assertSnoozeDate("2026-12-01", TODAY))).toBe("snoozedUntil:notInFuture");
  });

  it("refuses more than half a year ahead, and allows up to it", () => {
    expect(refusalOf(() => assertSnoozeDate("2027-12-03", TODAY))).toBe("snoozedUntil:tooLong");
    expect(MAX_SNOOZE_DAYS).toBe(183);
    expect(refusalOf(() => assertSnoozeDate("2027-06-04", TODAY))).toBeNull();
    expect(refusalOf(() => assertSnoozeDate("2026-12-04", TODAY))).toBeNull();
  });
});

describe("assertMayBeSetAside", () => {
  const snoozed = { disposition: "snoozed" as const, signalSince: "2026-11-20", snoozedUntil: "2026-12-10" };
  it("refuses a reason that is not on the queue today", () => {
    expect(refusalOf(() => assertMayBeSetAside(undefined, undefined, TODAY))).toBe("notOnWorkQueue");
  });

  it("refuses a reason someone already set aside for the same signal", () => {
    expect(refusalOf(() => assertMayBeSetAside({ since: "2026-11-20" }, snoozed, TODAY))).toBe("workQueueItemHandled");
  });

  it("allows a reason on the queue, a new signal, and one whose snooze has ended", () => {
    expect(refusalOf(() => assertMayBeSetAside({ since: "2026-11-20" }, undefined, TODAY))).toBeNull();
    expect(refusalOf(() => assertMayBeSetAside({ since: "2026-12-01" }, snoozed, TODAY))).toBeNull();
    expect(refusalOf(() => assertMayBeSetAside({ since: "2026-11-20" }, snoozed, "2026-12-10"))).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import {
  type EvidenceFacts,
  EXPENSE_RETENTION_YEARS,
  evidenceExpired,
  firstKeptExpenseYear,
  RESEARCH_EXPORT_MONTHS,
  retentionCutoff,
  retentionCutoffInstant,
} from "./retention.rules.js";

const closed: EvidenceFacts = { closedOn: "2025-03-10", lastObjectionTermEndsOn: null, lastObjectionDecidedOn: null, objectionOpen: false };

describe("retention rules", () => {
  it("keeps a record dated exactly the period ago and lets the day before go", () => {
    expect(retentionCutoff("2026-12-02", 24)).toBe("2024-12-02");
    expect(retentionCutoff("2026-03-31", 1)).toBe("2026-02-28");
  });

  it("starts the cutoff of a timestamp at midnight in Amsterdam", () => {
    expect(retentionCutoffInstant("2026-12-02", 60)).toBe("2021-12-01T23:00:00.000Z");
    expect(retentionCutoffInstant("2026-07-02", 12)).toBe("2025-07-01T22:00:00.000Z");
  });

  it("keeps evidence of an open subject, or of one with an undecided objection, however old", () => {
    expect(evidenceExpired({ ...closed, closedOn: null }, "2030-01-01", 12)).toBe(false);
    expect(evidenceExpired({ ...closed, objectionOpen: true }, "2030-01-01", 12)).toBe(false);
  });

  it("counts the period from the latest of closing, objection term and decision on objection", () => {
    // Closed 2025-03-10: kept through 2026-03-10, gone the day after.
    expect(evidenceExpired(closed, "2026-03-10", 12)).toBe(false);
    expect(evidenceExpired(closed, "2026-03-11", 12)).toBe(true);
    const objected = { ...closed, lastObjectionTermEndsOn: "2025-04-21", lastObjectionDecidedOn: "2025-06-30" };
    expect(evidenceExpired(objected, "2026-03-11", 12)).toBe(false);
    expect(evidenceExpired(objected, "2026-06-30", 12)).toBe(false);
    expect(evidenceExpired(objected, "2026-07-01", 12)).toBe(true);
    expect(evidenceExpired({ ...closed, lastObjectionTermEndsOn: "2025-04-21" }, "2026-04-22", 12)).toBe(true);
    expect(evidenceExpired({ ...closed, lastObjectionTermEndsOn: "2025-04-21" }, "2026-04-21", 12)).toBe(false);
  });

  it("keeps a research export three months after it finished", () => {
    expect(RESEARCH_EXPORT_MONTHS).toBe(3);
    // Finished on 1 September (Amsterdam): still there on 1 December, gone on 2 December.
    expect("2032-09-01T21:30:00.000Z" < retentionCutoffInstant("2032-12-01", RESEARCH_EXPORT_MONTHS)).toBe(false);
    expect("2032-09-01T21:30:00.000Z" < retentionCutoffInstant("2032-12-02", RESEARCH_EXPORT_MONTHS)).toBe(true);
  });
});

describe("expense allowances", () => {
  it("are kept for the year they cover and the seven after", () => {
    expect(EXPENSE_RETENTION_YEARS).toBe(7);
    expect(firstKeptExpenseYear("2034-01-01")).toBe(2027);
    expect(firstKeptExpenseYear("2033-12-31")).toBe(2026);
  });
});

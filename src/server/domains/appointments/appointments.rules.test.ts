import { refusalCodesIn, refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import {
  assertAppointmentNotStarted,
  assertAppointmentPlanned,
  assertMayRequestReschedule,
  assertNoOpenRescheduleRequest,
} from "./appointments.rules.js";

const now = new Date("2026-12-03T10:00:00+01:00");
const planned = { status: "planned", starts_at: "2026-12-08T09:00:00+01:00" };

describe("reschedule request refusals", () => {
  const table: Record<string, { refused: () => void; allowed: () => void }> = {
    appointmentNotPlanned: {
      refused: () => assertAppointmentPlanned({ status: "cancelled" }),
      allowed: () => assertAppointmentPlanned({ status: "planned" }),
    },
    appointmentStarted: {
      refused: () => assertAppointmentNotStarted({ starts_at: "2026-12-03T10:00:00+01:00" }, now),
      allowed: () => assertAppointmentNotStarted({ starts_at: "2026-12-03T10:01:00+01:00" }, now),
    },
    rescheduleRequested: {
      refused: () => assertNoOpenRescheduleRequest(true),
      allowed: () => assertNoOpenRescheduleRequest(false),
    },
  };

  it("has a case for every refusal the rules file can give", () => {
    expect(Object.keys(table).sort()).toEqual(refusalCodesIn(new URL("./appointments.rules.ts", import.meta.url)));
  });

  it.each(Object.entries(table))("refuses with %s and lets the neighbouring case pass", (code, { refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });

  it("checks the appointment's status first, then its time, then an earlier request", () => {
    const past = { status: "attended", starts_at: "2026-12-01T09:00:00+01:00" };
    expect(refusalOf(() => assertMayRequestReschedule({ appointment: past, hasOpenRequest: true }, now))).toBe("appointmentNotPlanned");
    const started = { ...planned, starts_at: "2026-12-01T09:00:00+01:00" };
    expect(refusalOf(() => assertMayRequestReschedule({ appointment: started, hasOpenRequest: true }, now))).toBe("appointmentStarted");
    expect(refusalOf(() => assertMayRequestReschedule({ appointment: planned, hasOpenRequest: true }, now))).toBe("rescheduleRequested");
    expect(refusalOf(() => assertMayRequestReschedule({ appointment: planned, hasOpenRequest: false }, now))).toBeNull();
  });
});

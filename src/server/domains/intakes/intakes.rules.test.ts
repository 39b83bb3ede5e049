import { describe, expect, it } from "vitest";
import { appointmentClosedByIntake, type IntakeAppointmentFacts } from "./intakes.rules.js";

const now = new Date("2026-12-03T15:00:00+01:00");
const at = (id: string, startsAt: string, overrides: Partial<IntakeAppointmentFacts> = {}): IntakeAppointmentFacts => ({
  id,
  kind: "intake",
  status: "planned",
  starts_at: startsAt,
  ...overrides,
});

describe("appointmentClosedByIntake", () => {
  it("closes the appointment the consultant named, once it has started", () => {
    const appointments = [at("a", "2026-12-01T10:00:00+01:00"), at("b", "2026-12-03T10:00:00+01:00")];
    expect(appointmentClosedByIntake(appointments, { heldOn: "2026-12-03", appointmentId: "a" }, now)).toBe("a");
  });

  it("without a named one, closes the planned intake held that day in Amsterdam, the earliest first", () => {
    const appointments = [
      at("yesterday", "2026-12-02T10:00:00+01:00"),
      at("late", "2026-12-03T14:00:00+01:00"),
      // 23:30 UTC on the 2nd is half past midnight on the 3rd in Amsterdam.
      at("early", "2026-12-02T23:30:00Z"),
    ];
    expect(appointmentClosedByIntake(appointments, { heldOn: "2026-12-03", appointmentId: null }, now)).toBe("early");
  });

  it("leaves a recorded appointment, a follow-up, one not yet started and one on another day alone", () => {
    const appointments = [
      at("missed", "2026-12-03T09:00:00+01:00", { status: "missed" }),
      at("followUp", "2026-12-03T10:00:00+01:00", { kind: "followUp" }),
      at("tonight", "2026-12-03T19:00:00+01:00"),
      at("lastWeek", "2026-11-26T10:00:00+01:00"),
    ];
    expect(appointmentClosedByIntake(appointments, { heldOn: "2026-12-03", appointmentId: null }, now)).toBeNull();
    expect(appointmentClosedByIntake(appointments, { heldOn: "2026-12-03", appointmentId: "missed" }, now)).toBeNull();
    expect(appointmentClosedByIntake(appointments, { heldOn: "2026-12-03", appointmentId: "tonight" }, now)).toBeNull();
  });
});

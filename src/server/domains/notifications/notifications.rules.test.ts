import { refusalCodesIn, refusalOf } from "@server/testing/refusals.js";
import { describe, expect, it } from "vitest";
import {
  afterFailedAttempt,
  assertChannelReachable,
  assertMayRetry,
  isAppointmentReminderDue,
  MAX_ATTEMPTS,
  maskRecipient,
  RETRY_CAP_MINUTES,
  recipientOf,
  retryDelayMinutes,
} from "./notifications.rules.js";

const contact = (over: Partial<Parameters<typeof recipientOf>[0]> = {}) => ({
  phone: "0612345678",
  email: "fatima@example.nl",
  notification_channel: "email" as const,
  ...over,
});

describe("notification refusals", () => {
  const table: Record<string, { refused: () => void; allowed: () => void }> = {
    notificationNotFailed: {
      refused: () => assertMayRetry({ status: "pending" }),
      allowed: () => assertMayRetry({ status: "failed" }),
    },
    "notificationChannel:emailMissing": {
      refused: () => assertChannelReachable(contact({ email: null })),
      allowed: () => assertChannelReachable(contact({ email: null, notification_channel: "none" })),
    },
    "notificationChannel:mobileMissing": {
      refused: () => assertChannelReachable(contact({ notification_channel: "sms", phone: "0101234567" })),
      allowed: () => assertChannelReachable(contact({ notification_channel: "sms", phone: "0612345678" })),
    },
  };

  it("has a case for every refusal code in notifications.rules.ts", () => {
    expect(Object.keys(table).sort()).toEqual(refusalCodesIn(new URL("./notifications.rules.ts", import.meta.url)));
  });

  it.each(Object.entries(table))("refuses with %s and lets the neighbouring case pass", (code, { refused, allowed }) => {
    expect(refusalOf(refused)).toBe(code);
    expect(refusalOf(allowed)).toBeNull();
  });
});

describe("backoff", () => {
  it("doubles the wait after each failed attempt, from one minute up to the cap", () => {
    const waits = Array.from({ length: MAX_ATTEMPTS }, (_, i) => retryDelayMinutes(i + 1));
    expect(waits.slice(0, 4)).toEqual([1, 2, 4, 8]);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBe(Math.min(2 * (waits[i - 1] ?? 0), RETRY_CAP_MINUTES));
    expect(Math.max(...waits)).toBe(RETRY_CAP_MINUTES);
    expect(retryDelayMinutes(40)).toBe(RETRY_CAP_MINUTES);
  });

  it("waits the backoff after a failed attempt, and gives up after the last one", () => {
    const now = new Date("2026-12-03T10:00:00.000Z");
    expect(afterFailedAttempt(1, now)).toEqual({ status: "pending", nextAttemptAt: "2026-12-03T10:01:00.000Z" });
    expect(afterFailedAttempt(3, now)).toEqual({ status: "pending", nextAttemptAt: "2026-12-03T10:04:00.000Z" });
    expect(afterFailedAttempt(MAX_ATTEMPTS - 1, now).status).toBe("pending");
    expect(afterFailedAttempt(MAX_ATTEMPTS, now)).toEqual({ status: "failed", nextAttemptAt: null });
  });
});

describe("appointment reminders", () => {
  const today = "2026-12-03";
  it("reminds of a planned appointment two days ahead, or one day ahead when a run was missed", () => {
    expect(isAppointmentReminderDue({ status: "planned", date: "2026-12-05" }, today)).toBe(true);
    expect(isAppointmentReminderDue({ status: "planned", date: "2026-12-04" }, today)).toBe(true);
  });

  it("does not remind of an appointment today, in the past, further ahead, or no longer planned", () => {
    expect(isAppointmentReminderDue({ status: "planned", date: today }, today)).toBe(false);
    expect(isAppointmentReminderDue({ status: "planned", date: "2026-12-01" }, today)).toBe(false);
    expect(isAppointmentReminderDue({ status: "planned", date: "2026-12-06" }, today)).toBe(false);
    expect(isAppointmentReminderDue({ status: "cancelled", date: "2026-12-05" }, today)).toBe(false);
  });
});

describe("the client's channel", () => {
  it("sends on the channel the client chose, to its address", () => {
    expect(recipientOf(contact())).toEqual({ channel: "email", recipient: "fatima@example.nl" });
    expect(recipientOf(contact({ notification_channel: "sms" }))).toEqual({ channel: "sms", recipient: "0612345678" });
  });

  it("sends nothing to a client who chose no messages, or whose channel lacks its address", () => {
    expect(recipientOf(contact({ notification_channel: "none" }))).toBeNull();
    expect(recipientOf(contact({ email: null }))).toBeNull();
    expect(recipientOf(contact({ notification_channel: "sms", phone: "0101234567" }))).toBeNull();
  });

  it("hides most of an address", () => {
    expect(maskRecipient("fatima@example.nl")).toBe("f***@example.nl");
    expect(maskRecipient("0612345678")).toBe("06******78");
  });
});

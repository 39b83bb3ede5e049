import { NOTIFICATION_KINDS, PREFERRED_LANGUAGES } from "@shared/schemas/notifications.js";
import { describe, expect, it } from "vitest";
import { emailMessage, smsMessage, writtenDay } from "./notifications.messages.js";

const facts = {
  givenName: "Fatima",
  portalUrl: "https://naarvermogen.example.nl",
  appointmentDay: "dinsdag 8 december",
  appointmentTime: "10:30",
  answerBy: "vrijdag 18 december",
};

describe("messages to clients", () => {
  for (const kind of NOTIFICATION_KINDS) {
    for (const language of PREFERRED_LANGUAGES) {
      it(`greets by first name and points to the portal: ${kind}, ${language}`, () => {
        for (const message of [emailMessage(kind, language, facts), smsMessage(kind, language, facts)]) {
          expect(message.body).toContain("Fatima");
          expect(message.body).toContain(facts.portalUrl);
          expect(message.title.length).toBeGreaterThan(0);
        }
      });
    }
  }

  it("writes Dutch or English as the client chose", () => {
    expect(emailMessage("letterReady", "nl", facts).body).toContain("Er staat een nieuwe brief voor u klaar.");
    expect(emailMessage("letterReady", "en", facts).body).toContain("A new letter is waiting for you.");
    expect(emailMessage("letterReady", "en", facts).body).not.toContain("brief");
  });

  it("tells the date to answer by and the appointment's day and time", () => {
    expect(emailMessage("answerAwaited", "nl", facts).body).toContain("vóór vrijdag 18 december");
    expect(emailMessage("appointmentReminder", "nl", facts).body).toContain("op dinsdag 8 december om 10:30");
  });

  it("writes a day in the client's language, in Amsterdam", () => {
    expect(writtenDay("2026-12-08", "nl")).toBe("dinsdag 8 december");
    expect(writtenDay("2026-12-08", "en")).toBe("Tuesday 8 December");
    // 23:30 UTC on the 7th is already the 8th in Amsterdam.
    expect(writtenDay("2026-12-07T23:30:00Z", "nl")).toBe("dinsdag 8 december");
  });
});

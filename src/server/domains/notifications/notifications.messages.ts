import municipality from "@server/letters/municipality.json" with { type: "json" };
import type { NotificationKind, PreferredLanguage } from "@shared/schemas/notifications.js";

/**
 * What a message may say. Nothing personal beyond the first name: no BSN, no surname, no content of a letter, no
 * health. Only that something waits in the portal, and for an appointment or an answer its date.
 */
export interface MessageFacts {
  givenName: string;
  portalUrl: string;
  /** An appointment reminder: the day and time, already written out in the client's language. */
  appointmentDay?: string;
  appointmentTime?: string;
  /** An answer awaited: the last day to answer, written out in the client's language. */
  answerBy?: string;
}

export interface Message {
  title: string;
  body: string;
}

type Texts = Record<NotificationKind, (facts: MessageFacts) => { title: string; lines: string[] }>;

const NL: Texts = {
  letterReady: ({ portalUrl }) => ({
    title: "Er staat een nieuwe brief voor u klaar",
    lines: ["Er staat een nieuwe brief voor u klaar.", `Log in op ${portalUrl} om de brief te lezen.`],
  }),
  appointmentReminder: ({ portalUrl, appointmentDay, appointmentTime }) => ({
    title: "Denk aan uw afspraak",
    lines: [
      `U heeft een afspraak met ons op ${appointmentDay} om ${appointmentTime}.`,
      `Log in op ${portalUrl} om te zien waar de afspraak is.`,
      `Kunt u niet komen? Bel ons dan op ${municipality.phone}.`,
    ],
  }),
  answerAwaited: ({ portalUrl, answerBy }) => ({
    title: "Wij wachten op uw antwoord",
    lines: [
      "Wij hebben u iets gevraagd. Wij wachten op uw antwoord.",
      `Geef uw antwoord vóór ${answerBy}.`,
      `Log in op ${portalUrl} om te zien wat wij vragen.`,
    ],
  }),
};

const EN: Texts = {
  letterReady: ({ portalUrl }) => ({
    title: "A new letter is waiting for you",
    lines: ["A new letter is waiting for you.", `Log in at ${portalUrl} to read it.`],
  }),
  appointmentReminder: ({ portalUrl, appointmentDay, appointmentTime }) => ({
    title: "Remember your appointment",
    lines: [
      `You have an appointment with us on ${appointmentDay} at ${appointmentTime}.`,
      `Log in at ${portalUrl} to see where it is.`,
      `Can you not come? Call us on ${municipality.phone}.`,
    ],
  }),
  answerAwaited: ({ portalUrl, answerBy }) => ({
    title: "We are waiting for your answer",
    lines: [
      "We have asked you something. We are waiting for your answer.",
      `Please answer before ${answerBy}.`,
      `Log in at ${portalUrl} to see what we ask.`,
    ],
  }),
};

const GREETING = { nl: (name: string) => `Beste ${name},`, en: (name: string) => `Dear ${name},` };
const CLOSING = {
  nl: [`Met vriendelijke groet,`, municipality.name, "", "Dit bericht is automatisch verstuurd. U kunt er niet op antwoorden."],
  en: ["Kind regards,", municipality.name, "", "This message was sent automatically. You cannot reply to it."],
};

/** The e-mail: a greeting by first name, what waits, and where to log in. */
export function emailMessage(kind: NotificationKind, language: PreferredLanguage, facts: MessageFacts): Message {
  const { title, lines } = (language === "en" ? EN : NL)[kind](facts);
  return { title, body: [GREETING[language](facts.givenName), "", ...lines, "", ...CLOSING[language]].join("\n") };
}

/** The text message: the same in one short paragraph. */
export function smsMessage(kind: NotificationKind, language: PreferredLanguage, facts: MessageFacts): Message {
  const { title, lines } = (language === "en" ? EN : NL)[kind](facts);
  return { title, body: `${GREETING[language](facts.givenName)} ${lines.join(" ")} ${municipality.name}` };
}

const DATE_FORMAT = {
  nl: new Intl.DateTimeFormat("nl-NL", { weekday: "long", day: "numeric", month: "long", timeZone: "Europe/Amsterdam" }),
  en: new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "Europe/Amsterdam" }),
};
const TIME_FORMAT = new Intl.DateTimeFormat("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" });

/** `dinsdag 8 december` or `Tuesday 8 December` for an instant or a `YYYY-MM-DD` date, in Amsterdam. */
export function writtenDay(value: string, language: PreferredLanguage): string {
  const instant = value.length === 10 ? `${value}T12:00:00Z` : value;
  return DATE_FORMAT[language].format(new Date(instant));
}

/** `10:30` for an instant, in Amsterdam. */
export function writtenTime(instant: string): string {
  return TIME_FORMAT.format(new Date(instant));
}

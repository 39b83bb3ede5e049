import { z } from "zod";
import { normaliseDutchPhone } from "../validation/phone.js";
import { abilitiesOf } from "./abilities.js";
import { pageOf, pageQuery, timestamp } from "./common.js";

/** The languages a client may get their messages in. */
export const PREFERRED_LANGUAGES = ["nl", "en"] as const;
export type PreferredLanguage = (typeof PREFERRED_LANGUAGES)[number];

/** How a client wants to hear that something waits for them: e-mail, a text message, or not at all. */
export const NOTIFICATION_CHANNELS = ["email", "sms", "none"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** What a message tells: a new letter, an appointment in two days, an answer the municipality waits for. */
export const NOTIFICATION_KINDS = ["letterReady", "appointmentReminder", "answerAwaited"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Where a message is in the outbox: waiting (also between attempts), sent, or given up after its last attempt. */
export const NOTIFICATION_STATUSES = ["pending", "sent", "failed"] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** A Dutch phone number, normalised to ten digits (`0612345678`). */
export const dutchPhoneSchema = z
  .string()
  .trim()
  .refine((value) => normaliseDutchPhone(value) !== null, {
    message: "Not a Dutch phone number (10 digits, such as 06 12345678 or 010 1234567)",
    params: { code: "invalidPhone" },
  })
  .transform((value) => normaliseDutchPhone(value) ?? value);

/** An e-mail address, trimmed and in lower case. */
export const emailAddressSchema = z
  .string()
  .trim()
  .max(254)
  .refine((value) => z.email().safeParse(value).success, { message: "Not an e-mail address", params: { code: "invalidEmail" } })
  .transform((value) => value.toLowerCase());

/** Body of `PATCH /clients/{id}/contact`: any of the four; null removes a phone number or e-mail address. */
export const contactDetailsInput = z
  .object({
    phone: dutchPhoneSchema.nullable(),
    email: emailAddressSchema.nullable(),
    preferredLanguage: z.enum(PREFERRED_LANGUAGES),
    notificationChannel: z.enum(NOTIFICATION_CHANNELS),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: "Nothing to change", params: { code: "emptyUpdate" } });
export type ContactDetailsInput = z.infer<typeof contactDetailsInput>;

export const CONTACT_ACTIONS = ["edit"] as const;

/** How the municipality reaches a client, and in which language. */
export const contactDetailsOutput = z.object({
  clientId: z.uuid(),
  givenName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  preferredLanguage: z.enum(PREFERRED_LANGUAGES),
  notificationChannel: z.enum(NOTIFICATION_CHANNELS),
  abilities: abilitiesOf(CONTACT_ACTIONS),
});
export type ContactDetailsOutput = z.infer<typeof contactDetailsOutput>;

/** Query of `GET /notifications`. */
export const notificationListQuery = pageQuery.extend({
  status: z.enum(NOTIFICATION_STATUSES).optional().describe("only messages in this state"),
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const NOTIFICATION_ACTIONS = ["retry"] as const;

/** A message in the outbox as the administrator sees it: never its text or full address. */
export const notificationOutput = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  channel: z.enum(["email", "sms"]),
  recipient: z.string().describe("the address or number, partly hidden"),
  language: z.enum(PREFERRED_LANGUAGES),
  status: z.enum(NOTIFICATION_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: timestamp.nullable().describe("when a pending message is tried next"),
  lastError: z.string().nullable(),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
  failedAt: timestamp.nullable(),
  abilities: abilitiesOf(NOTIFICATION_ACTIONS),
});
export type NotificationOutput = z.infer<typeof notificationOutput>;
export const notificationPage = pageOf(notificationOutput);

import { z } from "zod";
import { abilitiesOf } from "./abilities.js";
import { calendarDate, measure, pageOf, pageQuery, timestamp } from "./common.js";

/**
 * Peer activation (maatjes, ervaringsdeskundigen): a client who volunteers as a buddy, trained and with an agreement
 * of their own, supports another client who wants a buddy. The buddy's hours are their contribution.
 */
export const BUDDY_STATUSES = ["active", "ended"] as const;
export type BuddyStatus = (typeof BUDDY_STATUSES)[number];
export const BUDDY_PAIRING_STATUSES = ["active", "ended"] as const;
export type BuddyPairingStatus = (typeof BUDDY_PAIRING_STATUSES)[number];
/** Who ended a pairing or recorded a meeting: the supported client, the buddy, or the consultant. No reason is ever asked. */
export const BUDDY_SIDES = ["client", "buddy", "consultant"] as const;
export type BuddySide = (typeof BUDDY_SIDES)[number];
/** The most people one buddy supports at the same time. */
export const MAX_PAIRINGS_PER_BUDDY = 3;

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{8,20}$/, { message: "Not a phone number" });

/** Body of `POST /clients/{id}/buddies`: the buddy agreement of a client who volunteers as a buddy. */
export const buddyAgreementInput = z
  .object({
    trainedOn: calendarDate.describe("the day the buddy finished the buddy training; not in the future"),
    since: calendarDate.describe("the day the agreement starts"),
    hoursPerWeek: measure(40)
      .refine((h) => h >= 0.5, { message: "At least half an hour" })
      .describe("the hours a week the buddy gives; they count as the buddy's contribution and towards capacity"),
    maxPairings: z.number().int().min(1).max(MAX_PAIRINGS_PER_BUDDY).describe("how many people the buddy supports at once"),
    contactPhone: phone.describe("the number the buddy agreed to be reached on by the person they support"),
    contactEmail: z.email().max(200).nullish(),
    availability: z.string().trim().max(500).nullish().describe("when the buddy is available, in the buddy's words"),
  })
  .strict()
  .refine((a) => a.since >= a.trainedOn, { message: "Start after the training", path: ["since"], params: { code: "beforeStart" } });
export type BuddyAgreementInput = z.infer<typeof buddyAgreementInput>;

/** What the consultant may do with the buddies of the district. */
export const BUDDY_LIST_ACTIONS = ["pair"] as const;

/** A buddy as staff see them. */
export const buddyOutput = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  name: z.string(),
  district: z.string(),
  trainedOn: calendarDate,
  since: calendarDate,
  hoursPerWeek: z.number(),
  maxPairings: z.number().int(),
  activePairings: z.number().int(),
  contactPhone: z.string(),
  contactEmail: z.string().nullable(),
  availability: z.string().nullable(),
  status: z.enum(BUDDY_STATUSES),
  contributionId: z.uuid(),
  decisionId: z.uuid(),
  letterId: z.uuid(),
});
export const buddyQuery = pageQuery.extend({
  district: z.string().trim().min(1).max(60).optional().describe("one of the caller's districts; all of them when left out"),
});
export const buddyList = pageOf(buddyOutput).extend({ abilities: abilitiesOf(BUDDY_LIST_ACTIONS) });

/** Body of `POST /buddy-pairings`: the consultant pairs a client who wants a buddy with a buddy. */
export const buddyPairingInput = z
  .object({
    buddyId: z.uuid(),
    clientId: z.uuid().describe("the client who wants a buddy"),
    contactPhone: phone.describe("the number the client agreed the buddy may call; the buddy sees only this and the first name"),
    contactEmail: z.email().max(200).nullish(),
  })
  .strict();
export type BuddyPairingInput = z.infer<typeof buddyPairingInput>;

/** Body of `POST /buddy-pairings/{id}/end`: nothing. Either side ends a pairing without giving a reason. */
export const buddyPairingEndInput = z.object({}).strict().describe("no reason is asked, and none is accepted");

/** Body of `POST /buddy-pairings/{id}/meetings`: a meeting of the pair. */
export const buddyMeetingInput = z
  .object({
    heldOn: calendarDate.describe("not in the future, not before the pairing"),
    hours: measure(12).refine((h) => h >= 0.25, { message: "At least a quarter of an hour" }),
  })
  .strict();
export type BuddyMeetingInput = z.infer<typeof buddyMeetingInput>;

export const BUDDY_PAIRING_ACTIONS = ["end", "recordMeeting"] as const;

/** The other person of a pairing, as far as the caller needs to know them: the first name and the agreed contact. */
export const buddyPartner = z
  .object({ firstName: z.string(), phone: z.string().nullable(), email: z.string().nullable() })
  .describe("need to know: only the first name and the contact details agreed for the pairing");

export const buddyMeetingOutput = z.object({ id: z.uuid(), heldOn: calendarDate, hours: z.number() });

/** A pairing, seen from one client's side (`side`): as the person supported or as the buddy. */
export const buddyPairingOutput = z.object({
  id: z.uuid(),
  side: z.enum(["supported", "buddy"]).describe("the client's role in this pairing"),
  status: z.enum(BUDDY_PAIRING_STATUSES),
  pairedOn: calendarDate,
  endedOn: calendarDate.nullable(),
  endedBy: z
    .enum(["me", "partner", "consultant"])
    .nullable()
    .describe("who ended the pairing, seen from this client's side (never why: no reason is asked); null while it runs"),
  partner: buddyPartner,
  meetings: z.array(buddyMeetingOutput),
  meetingHours: z.number().describe("hours of all meetings of the pair"),
  abilities: abilitiesOf(BUDDY_PAIRING_ACTIONS),
  staff: z
    .object({ buddyId: z.uuid(), clientId: z.uuid(), buddyClientId: z.uuid(), endedBySide: z.enum(BUDDY_SIDES).nullable() })
    .optional()
    .describe("for municipal staff only"),
});
export type BuddyPairingOutput = z.infer<typeof buddyPairingOutput>;
/** What the caller may do with a client's buddy matters: pair the client with a buddy, make the client a buddy. */
export const BUDDY_CLIENT_ACTIONS = ["pair", "makeBuddy"] as const;
/**
 * What the caller may do with a buddy agreement: end it (the buddy or the consultant, while it runs); undo it (staff,
 * while its letter is inside and nobody was paired with the buddy).
 */
export const BUDDY_AGREEMENT_ACTIONS = ["end", "undo"] as const;

/** The client's own buddy agreement, as the buddy and staff see it. */
export const buddyAgreementOutput = z.object({
  id: z.uuid(),
  status: z.enum(BUDDY_STATUSES),
  since: calendarDate,
  endedOn: calendarDate.nullable().describe("from this day the buddy's hours no longer count as their contribution"),
  hoursPerWeek: z.number(),
  maxPairings: z.number().int(),
  letterId: z.uuid().describe("the letter of the agreement's decision"),
  abilities: abilitiesOf(BUDDY_AGREEMENT_ACTIONS),
});
export type BuddyAgreementOutput = z.infer<typeof buddyAgreementOutput>;

export const buddyPairingList = z.object({
  items: z.array(buddyPairingOutput),
  agreement: buddyAgreementOutput.nullable().describe("the client's latest buddy agreement, when they are or were a buddy"),
  abilities: abilitiesOf(BUDDY_CLIENT_ACTIONS),
});

/** Body of `POST /buddies/{id}/end`: nothing. The buddy or the consultant ends the agreement without a reason. */
export const buddyAgreementEndInput = z.object({}).strict().describe("no reason is asked, and none is accepted");

/** Answer of `POST /buddies/{id}/end`: the agreement, its contribution and its running pairings have ended. */
export const buddyAgreementEnded = z.object({
  id: z.uuid(),
  status: z.literal("ended"),
  endedOn: calendarDate,
  pairingsEnded: z.number().int().describe("the running pairings that ended with the agreement"),
});
/** Answer of `POST /buddies/{id}/undo`: the agreement and its contribution are gone; its letter and decision are withdrawn. */
export const buddyAgreementUndone = z.object({
  id: z.uuid(),
  letterId: z.uuid().describe("kept for the record, marked withdrawn"),
  withdrawnAt: timestamp,
});
export type BuddyOutput = z.infer<typeof buddyOutput>;
export type BuddyPairingList = z.infer<typeof buddyPairingList>;
export type BuddyList = z.infer<typeof buddyList>;

/** Answer of `POST /buddy-pairings/{id}/end`: the pairing has ended; nothing else has changed. */
export const buddyPairingEnded = z.object({ id: z.uuid(), status: z.literal("ended"), endedOn: calendarDate });

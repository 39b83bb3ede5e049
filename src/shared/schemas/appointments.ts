import { z } from "zod";
import { abilitiesOf } from "./abilities.js";
import { calendarDate, timestamp } from "./common.js";

export const APPOINTMENT_KINDS = ["intake", "followUp"] as const;
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export const APPOINTMENT_STATUSES = ["planned", "attended", "missed", "cancelled"] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Use HH:MM" });

/** One weekly block in which a consultant holds appointments. */
export const availabilityBlock = z
  .object({
    weekday: z.number().int().min(1).max(7).describe("1 = Monday … 7 = Sunday"),
    startTime: time,
    endTime: time,
    slotMinutes: z.number().int().min(15).max(180).default(45),
    location: z.string().trim().min(1).max(200),
  })
  .refine((b) => b.startTime < b.endTime, { message: "End after start", path: ["endTime"], params: { code: "endBeforeStart" } });

/** Body of `PUT /me/availability`: the whole weekly pattern, replacing the old one. */
export const availabilityInput = z.object({ blocks: z.array(availabilityBlock).max(30) });
export const availabilityOutput = z.object({ blocks: z.array(availabilityBlock) });

export const appointmentOutput = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  consultantId: z.uuid(),
  kind: z.enum(APPOINTMENT_KINDS),
  startsAt: timestamp,
  endsAt: timestamp,
  location: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  rescheduleRequest: z
    .object({ requestedAt: timestamp, reason: z.string().nullable() })
    .nullable()
    .describe('the client\'s open request for another time ("ik kan niet"), if any'),
});
export type AppointmentOutput = z.infer<typeof appointmentOutput>;
export const appointmentList = z.object({ items: z.array(appointmentOutput) });

/** The longest stretch `GET /me/appointments` covers at once. */
export const MY_APPOINTMENTS_MAX_DAYS = 42;

/** Query of `GET /me/appointments`: a stretch of days in Amsterdam; by default today up to and including Sunday. */
export const myAppointmentsQuery = z
  .object({
    from: calendarDate.optional().describe("first day; default today"),
    to: calendarDate.optional().describe("last day, included; default the Sunday of the week of `from`"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "The last day comes before the first",
    path: ["to"],
    params: { code: "beforeStart" },
  });

/** An appointment in the consultant's own agenda, with the client it is with. */
export const myAppointmentOutput = appointmentOutput.extend({
  client: z.object({ id: z.uuid(), givenName: z.string(), familyName: z.string() }),
});
export type MyAppointmentOutput = z.infer<typeof myAppointmentOutput>;
export const myAppointmentList = z.object({
  from: calendarDate,
  to: calendarDate,
  today: calendarDate.describe("today in Amsterdam, so the agenda can tell today's appointments from the rest of the week"),
  items: z.array(myAppointmentOutput).describe("earliest first; cancelled appointments are left out"),
});
export type MyAppointmentList = z.infer<typeof myAppointmentList>;

/** Body of `PATCH /appointments/{id}`: what happened. */
export const appointmentUpdateInput = z.object({ status: z.enum(["attended", "missed", "cancelled"]) });

/** Body of `POST /invitations`: invite a selection in bulk, each to the next free intake slot. */
export const invitationBulkInput = z.object({
  clientIds: z.array(z.uuid()).min(1).max(500),
  earliestDate: calendarDate.optional().describe("first day to plan intakes on; default: three working days from today"),
});

export const invitationOutput = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  sequence: z.number().int().describe("1 for the first invitation, 2 after a missed intake, …"),
  appointment: appointmentOutput,
  letterId: z.uuid(),
  createdAt: timestamp,
});
export const invitationBulkOutput = z.object({
  batchId: z.uuid().describe("the batch of this request: its letters in one PDF and its registered mail list, for printing"),
  items: z.array(invitationOutput),
});

/** What an invitation can still have done to it: undone, while none of its letters has left the building. */
export const INVITATION_BATCH_ACTIONS = ["undo"] as const;

/**
 * An invitation request as it stands: its invitations, whether they were undone (`withdrawnAt`: the letters are kept,
 * withdrawn; the intakes are gone and the clients are not invited), and whether the caller can undo it now.
 */
export const invitationBatchOutput = invitationBulkOutput.extend({
  withdrawnAt: timestamp.nullable().describe("when the invitations were undone; null while they stand"),
  abilities: abilitiesOf(INVITATION_BATCH_ACTIONS),
});
export type InvitationBatchOutput = z.infer<typeof invitationBatchOutput>;

/** A reschedule request is open until the appointment is moved or its status recorded; then it is closed. */
export const RESCHEDULE_REQUEST_STATUSES = ["open", "closed"] as const;
export type RescheduleRequestStatus = (typeof RESCHEDULE_REQUEST_STATUSES)[number];

/** Body of `POST /appointments/{id}/reschedule-requests`: the client cannot come and asks for another time. */
export const rescheduleRequestInput = z.object({
  reason: z.string().trim().max(1000).optional().describe("why the client cannot come, in their own words; optional"),
});

export const rescheduleRequestOutput = z.object({
  id: z.uuid(),
  appointmentId: z.uuid(),
  clientId: z.uuid(),
  reason: z.string().nullable(),
  status: z.enum(RESCHEDULE_REQUEST_STATUSES),
  requestedAt: timestamp,
});
export type RescheduleRequestOutput = z.infer<typeof rescheduleRequestOutput>;

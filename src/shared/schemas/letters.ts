import { z } from "zod";
import { calendarDate, timestamp } from "./common.js";

/** Where a registered letter stands. Only `delivered` counts as received; the others never count as refusal. */
export const DELIVERY_STATUSES = ["sent", "delivered", "notCollected", "returned"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const letterOutput = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  kind: z.string().describe("invitation, planConfirmation, …"),
  subject: z.string(),
  letterDate: calendarDate,
  reference: z.string(),
  sha256: z.string(),
  registered: z.boolean(),
  trackingNumber: z.string().nullable(),
  deliveryStatus: z.enum(DELIVERY_STATUSES),
  deliveryUpdatedAt: timestamp.nullable(),
  deliveryDate: calendarDate.nullable().describe("the day the post delivered, returned or reported the letter uncollected"),
  createdAt: timestamp,
  printedAt: timestamp.nullable().describe("when staff first downloaded it to print: from then on the letter has left the building"),
  withdrawnAt: timestamp
    .nullable()
    .describe("when the action that made it was undone before the letter left the building; it is kept, never sent"),
});
export type LetterOutput = z.infer<typeof letterOutput>;
export const letterList = z.object({ items: z.array(letterOutput) });

/** Body of `POST /letters/{id}/deliveries`: the post's tracking number and what became of the letter. */
export const deliveryInput = z.object({
  status: z.enum(DELIVERY_STATUSES),
  trackingNumber: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{8,30}$/i, { message: "Letters and digits, 8 to 30" })
    .optional(),
  occurredOn: calendarDate
    .optional()
    .describe(
      "the day it happened at the post (delivered on, returned on); default today. Not in the future (dateInFuture) and not before the letter's date (beforeLetterDate)",
    ),
});

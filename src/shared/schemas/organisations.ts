import { z } from "zod";
import { isValidKvkNumber } from "../validation/kvk.js";
import { abilitiesOf } from "./abilities.js";
import { postcodeSchema } from "./clients.js";
import { measure, pageOf, pageQuery, timestamp } from "./common.js";

export const SECTORS = ["care", "sports", "communityCentre", "school", "nature", "religious", "culture", "foodBank", "other"] as const;
export type Sector = (typeof SECTORS)[number];

const contact = z.object({
  name: z.string().trim().min(1).max(120),
  email: z.email().nullish(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{8,20}$/, { message: "Not a phone number" })
    .nullish(),
});

/** The most characters of the training and support an organisation says it offers its volunteers. */
export const TRAINING_OFFERED_MAX_LENGTH = 1000;
// Markup (an HTML tag or comment) and control characters other than line breaks and tabs have no place in plain text.
const MARKUP = /<\s*[/!?a-z][^>]*>/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: it finds control characters, to refuse them
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** What an organisation writes about the training and support it offers volunteers: plain text, shown as written. */
export const trainingOfferedText = z
  .string()
  .trim()
  .max(TRAINING_OFFERED_MAX_LENGTH)
  .refine((text) => !MARKUP.test(text) && !CONTROL.test(text), {
    message: "Plain text only: no markup or control characters",
    params: { code: "notPlainText" },
  });

/** Body of `POST /organisations`. */
export const organisationCreateInput = z.object({
  sector: z.enum(SECTORS).default("other"),
  contacts: z.array(contact).max(10).default([]),
  trainingOffered: trainingOfferedText.nullish(),
  acceptsLimitedDutch: z.boolean().default(false),
  name: z.string().trim().min(1).max(200),
  kvkNumber: z
    .string()
    .trim()
    .refine(isValidKvkNumber, { message: "A KvK number has eight digits", params: { code: "invalidKvk" } }),
  postcode: postcodeSchema,
  houseNumber: z.number().int().min(1).max(99999),
  guidanceHoursPerWeek: measure(400),
});
export type OrganisationCreateInput = z.infer<typeof organisationCreateInput>;

/** What the caller may do with an organisation: a host edits its own partner profile (the training it offers). */
export const ORGANISATION_ACTIONS = ["editPartnerProfile"] as const;

/**
 * Body of `PATCH /organisations/{id}/partner-profile`: what the host organisation itself keeps up to date. Empty or
 * null clears the text.
 */
export const organisationPartnerProfileInput = z
  .object({
    trainingOffered: trainingOfferedText
      .nullable()
      .describe(
        `courses, training and support the organisation offers its volunteers; plain text, at most ${TRAINING_OFFERED_MAX_LENGTH} characters`,
      ),
  })
  .strict();
export type OrganisationPartnerProfileInput = z.infer<typeof organisationPartnerProfileInput>;

export const organisationOutput = z.object({
  id: z.uuid(),
  name: z.string(),
  kvkNumber: z.string(),
  postcode: z.string(),
  houseNumber: z.number().int(),
  district: z.string().nullable(),
  guidanceHoursPerWeek: z.number(),
  sector: z.enum(SECTORS),
  contacts: z.array(z.object({ name: z.string(), email: z.string().nullish(), phone: z.string().nullish() })),
  trainingOffered: z.string().nullable().describe("the training and support the organisation offers its volunteers, plain text"),
  acceptsLimitedDutch: z.boolean(),
  createdAt: timestamp,
  abilities: abilitiesOf(ORGANISATION_ACTIONS),
});
export type OrganisationOutput = z.infer<typeof organisationOutput>;

export const organisationListQuery = pageQuery.extend({ q: z.string().trim().max(100).optional() });
export const organisationPage = pageOf(organisationOutput);

import { z } from "zod";
import { isValidKvkNumber } from "../validation/kvk.js";
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

/** Body of `POST /organisations`. */
export const organisationCreateInput = z.object({
  sector: z.enum(SECTORS).default("other"),
  contacts: z.array(contact).max(10).default([]),
  trainingOffered: z.string().trim().max(1000).nullish(),
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
  trainingOffered: z.string().nullable(),
  acceptsLimitedDutch: z.boolean(),
  createdAt: timestamp,
});
export type OrganisationOutput = z.infer<typeof organisationOutput>;

export const organisationListQuery = pageQuery.extend({ q: z.string().trim().max(100).optional() });
export const organisationPage = pageOf(organisationOutput);

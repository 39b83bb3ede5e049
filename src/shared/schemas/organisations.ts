import { z } from "zod";
import { isValidKvkNumber } from "../validation/kvk.js";
import { pageOf, pageQuery, timestamp } from "./common.js";
import { postcodeSchema } from "./clients.js";

/** Body of `POST /organisations`. */
export const organisationCreateInput = z.object({
  name: z.string().trim().min(1).max(200),
  kvkNumber: z.string().trim().refine(isValidKvkNumber, { message: "A KvK number has eight digits", params: { code: "invalidKvk" } }),
  postcode: postcodeSchema,
  houseNumber: z.number().int().min(1).max(99999),
  guidanceHoursPerWeek: z.number().min(0).max(400),
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
  createdAt: timestamp,
});
export type OrganisationOutput = z.infer<typeof organisationOutput>;

export const organisationListQuery = pageQuery.extend({ q: z.string().trim().max(100).optional() });
export const organisationPage = pageOf(organisationOutput);

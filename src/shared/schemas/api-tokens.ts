import { z } from "zod";
import { timestamp } from "./common.js";

/** Body of `POST /api-tokens`: a token that acts as the given account, for another system. */
export const apiTokenCreateInput = z.object({ userId: z.uuid(), name: z.string().trim().min(1).max(120) });

export const apiTokenOutput = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  createdAt: timestamp,
  revokedAt: timestamp.nullable(),
});

/** Only the creation answer carries the secret; it is never shown again. */
export const apiTokenCreatedOutput = apiTokenOutput.extend({ token: z.string() });
export const apiTokenList = z.object({ items: z.array(apiTokenOutput) });

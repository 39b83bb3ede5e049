import { z } from "zod";
import { USER_ROLES } from "../enums.js";
import { abilitiesOf } from "./abilities.js";
import { pageOf, pageQuery, timestamp } from "./common.js";
import { LOGIN_METHODS } from "./login-methods.js";

/** A new password: long rather than complicated. */
export const newPassword = z.string().min(12, { message: "Use at least 12 characters" }).max(200);

const userFields = {
  email: z.email().transform((value) => value.toLowerCase()),
  displayName: z.string().trim().min(1).max(120),
  role: z.enum(USER_ROLES),
  districts: z.array(z.string().min(1).max(60)).max(14).default([]).describe("for consultants and team leads"),
  organisationId: z.uuid().nullish().describe("for host users"),
  clientId: z.uuid().nullish().describe("for client users"),
  agencyId: z.uuid().nullish().describe("for agency workers: the intermediary agency they work for"),
};

/** Body of `POST /users` (admin). */
export const userCreateInput = z.object({ ...userFields, password: newPassword });
export type UserCreateInput = z.infer<typeof userCreateInput>;

/** Body of `PATCH /users/{id}` (admin). */
export const userUpdateInput = z
  .object({
    displayName: userFields.displayName,
    role: userFields.role,
    districts: z.array(z.string().min(1).max(60)).max(14),
    organisationId: userFields.organisationId,
    clientId: userFields.clientId,
    agencyId: userFields.agencyId,
    active: z.boolean(),
    password: newPassword,
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()-]{2,28}$/, { message: "Use digits, spaces and dashes" })
      .nullable()
      .describe("a consultant's direct number, shown to their clients; null to remove it (then the team's number shows)"),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: "Nothing to change", params: { code: "emptyUpdate" } });
export type UserUpdateInput = z.infer<typeof userUpdateInput>;

export const userOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(USER_ROLES),
  districts: z.array(z.string()),
  organisationId: z.uuid().nullable(),
  clientId: z.uuid().nullable(),
  agencyId: z.uuid().nullable(),
  active: z.boolean(),
  phone: z.string().nullable(),
  createdAt: timestamp,
});
export type UserOutput = z.infer<typeof userOutput>;

export const userListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional().describe("name or email"),
  role: z.enum(USER_ROLES).optional(),
});
export const userPage = pageOf(userOutput);

/** Body of `POST /sessions`. */
export const loginInput = z.object({ email: z.string().trim().min(1).max(200), password: z.string().min(1).max(200) });

/** What the caller may open: one ability per part of the application, from the policies of the routes it calls. */
export const ME_ACTIONS = [
  "viewWorkQueue",
  "viewMyDay",
  "viewTeam",
  "viewCaseload",
  "registerClients",
  "inviteClients",
  "manageAvailability",
  "recordIntakes",
  "recordCheckIns",
  "answerReferrals",
  "viewPlacements",
  "viewRoles",
  "createRoles",
  "viewOrganisations",
  "registerOrganisations",
  "viewMatchPlans",
  "runMatchPlans",
  "coSignExemptions",
  "viewProposedSanctions",
  "viewStatistics",
  "viewEffects",
  "downloadAnnualReport",
  "makeResearchExports",
  "manageUsers",
  "viewAuditLog",
  "manageOrdinance",
  "setAllowanceLimits",
  "manageRegistry",
  "viewScheduler",
  "viewNotifications",
  "viewAgencies",
  "registerAgencies",
  // The client's own pages: the plan and placement page, and their decisions.
  "viewOwnPlan",
  "viewOwnDecisions",
] as const;
export type MeAbility = (typeof ME_ACTIONS)[number];

/** `GET /me`: who is logged in. */
export const meOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(USER_ROLES),
  districts: z.array(z.string()),
  organisationId: z.uuid().optional(),
  clientId: z.uuid().optional(),
  agencyId: z.uuid().nullable().describe("an agency worker's intermediary agency; null for every other account"),
  agencyName: z.string().nullable().describe("the name of that agency"),
  csrfToken: z.string().optional().describe("send as X-CSRF-Token on writes authenticated by the session cookie"),
  loginMethod: z.enum(LOGIN_METHODS).optional().describe("how the session was opened: the password form or a provider"),
  abilities: abilitiesOf(ME_ACTIONS),
});
export type MeOutput = z.infer<typeof meOutput>;

export const sessionOutput = z.object({ token: z.string(), expiresAt: timestamp, user: meOutput });

/** Body of `PUT /me/password`. */
export const passwordChangeInput = z.object({ currentPassword: z.string().min(1).max(200), newPassword });

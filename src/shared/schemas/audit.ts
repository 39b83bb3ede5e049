import { z } from "zod";
import { AUDIT_CATEGORIES } from "../enums.js";
import { calendarDate, pageOf, pageQuery, timestamp } from "./common.js";

export const auditEventOutput = z.object({
  id: z.uuid(),
  occurredAt: timestamp,
  actorId: z.uuid().nullable(),
  actorEmail: z.string().nullable(),
  actorRole: z.string().nullable(),
  actorName: z.string().nullable().describe("the account's display name, while the account exists"),
  action: z.string().describe("e.g. client.read, client.update, user.create"),
  category: z.enum(AUDIT_CATEGORIES),
  clientId: z.uuid().nullable(),
  clientName: z.string().nullable().describe("the client's name, while the record exists"),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable().describe("changed field names, never their values"),
});
export type AuditEventOutput = z.infer<typeof auditEventOutput>;

/** The audit log's filters: who, which client, which kind or action, and the period (both days included). */
export const auditFilters = z.object({
  clientId: z.uuid().optional(),
  actorId: z.uuid().optional(),
  category: z.enum(AUDIT_CATEGORIES).optional(),
  action: z.string().max(60).optional(),
  fromDate: calendarDate.optional(),
  toDate: calendarDate.optional(),
});
export type AuditFilters = z.infer<typeof auditFilters>;
export const auditListQuery = pageQuery.extend(auditFilters.shape);
export type AuditListQuery = z.infer<typeof auditListQuery>;
export const auditPage = pageOf(auditEventOutput);

import { roles } from "@server/auth/policy.js";

/**
 * Host organisations are registered by admins and consultants; staff can look them up. A host keeps its own partner
 * profile (the training and support it offers volunteers) up to date; the municipality reads it.
 */
export const organisationPolicy = {
  list: roles("organisations.list", "admin", "consultant", "teamLead", "agencyWorker"),
  create: roles("organisations.create", "admin", "consultant"),
  read: roles("organisations.read", "admin", "consultant", "teamLead", "host", "agencyWorker"),
  editPartnerProfile: roles("organisations.editPartnerProfile", "host"),
};

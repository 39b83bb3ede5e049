import { roles } from "@server/auth/policy.js";

/**
 * Exemptions carry health and family circumstances: consultants and team leads decide and read them, a client
 * reads and requests their own. Hosts and researchers never see them.
 */
export const exemptionPolicy = {
  create: roles("exemptions.create", "consultant", "teamLead"),
  request: roles("exemptions.request", "client", "consultant", "teamLead"),
  read: roles("exemptions.read", "consultant", "teamLead", "admin", "client"),
  decide: roles("exemptions.decide", "consultant", "teamLead"),
  coSign: roles("exemptions.coSign", "teamLead"),
  /** Who made a decision, co-signature, ending or refused extension, or a team lead, undoes it while its letter is inside. */
  undo: roles("exemptions.undo", "consultant", "teamLead"),
  awaiting: roles("exemptions.awaiting", "teamLead", "admin"),
  /** Exemptions by status in the caller's scope: a consultant finds the requests of their caseload. */
  list: roles("exemptions.list", "consultant", "teamLead", "admin"),
  medicalAdvice: roles("exemptions.medicalAdvice", "consultant", "teamLead"),
  upload: roles("exemptions.upload", "consultant", "teamLead", "client"),
};

import { roles } from "@server/auth/policy.js";

/**
 * A client proposes an activity of their own (staff may file it on their behalf); consultants and team leads in
 * scope decide it. The proposals may tell of family circumstances: hosts and researchers never see them.
 */
export const activityProposalPolicy = {
  propose: roles("activityProposals.propose", "client", "consultant", "teamLead"),
  read: roles("activityProposals.read", "consultant", "teamLead", "admin", "client", "agencyWorker"),
  decide: roles("activityProposals.decide", "consultant", "teamLead"),
  upload: roles("activityProposals.upload", "client", "consultant", "teamLead"),
};

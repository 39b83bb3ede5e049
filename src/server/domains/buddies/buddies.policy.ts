import { roles } from "@server/auth/policy.js";

/**
 * Consultants and team leads make buddy agreements and pair clients in their districts; a client sees their own
 * pairings, as the person supported or as the buddy, and either side ends one; a buddy ends their own agreement. Hosts and researchers see none.
 */
export const buddyPolicy = {
  list: roles("buddies.list", "admin", "consultant", "teamLead"),
  createAgreement: roles("buddies.createAgreement", "consultant", "teamLead"),
  pair: roles("buddies.pair", "consultant", "teamLead"),
  readPairings: roles("buddies.readPairings", "admin", "consultant", "teamLead", "client"),
  /** The buddy ends their own agreement from the portal; the consultant ends it too. */
  endAgreement: roles("buddies.endAgreement", "consultant", "teamLead", "client"),
  /** Staff undo an agreement while its letter is inside (the one who made it, or a team lead: `mayUndoAsActor`). */
  undoAgreement: roles("buddies.undoAgreement", "consultant", "teamLead"),
  endPairing: roles("buddies.endPairing", "consultant", "teamLead", "client"),
  recordMeeting: roles("buddies.recordMeeting", "consultant", "teamLead", "client"),
};

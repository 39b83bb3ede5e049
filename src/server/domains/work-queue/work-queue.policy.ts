import { roles } from "@server/auth/policy.js";

/** A consultant sees their own queue; team leads see their team's and reassign clients. */
export const workQueuePolicy = {
  read: roles("workQueue.read", "consultant", "teamLead", "admin"),
  team: roles("team.read", "teamLead", "admin"),
  reassign: roles("clients.reassign", "teamLead", "admin"),
};

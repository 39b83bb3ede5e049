import { roles } from "@server/auth/policy.js";

/** A consultant sees their own queue; team leads see their team's and reassign clients. */
export const workQueuePolicy = {
  read: roles("workQueue.read", "consultant", "teamLead", "admin"),
  team: roles("team.read", "teamLead", "admin"),
  reassign: roles("clients.reassign", "teamLead", "admin"),
  /** Marking an item done or snoozing it is casework: consultants and team leads, not the administrator. */
  setAside: roles("workQueue.setAside", "consultant", "teamLead"),
};

import { roles } from "@server/auth/policy.js";

/** Consultants keep their own agenda; team leads and admins may look and act on their behalf. */
export const appointmentPolicy = {
  manageOwnAvailability: roles("availability.manage", "consultant", "teamLead"),
  /** "Mijn dag": the caller's own appointments with their clients. */
  listOwn: roles("appointments.listOwn", "consultant", "teamLead"),
  list: roles("appointments.list", "admin", "consultant", "teamLead", "client", "agencyWorker"),
  update: roles("appointments.update", "consultant", "teamLead", "agencyWorker"),
  /** "Ik kan niet": the client asks for another time for their own appointment. */
  requestReschedule: roles("appointments.requestReschedule", "client"),
};

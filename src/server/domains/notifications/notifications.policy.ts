import { roles } from "@server/auth/policy.js";

/**
 * Who may touch the outbox and a client's contact details at all. The outbox is the administrator's: it shows which
 * messages could not be delivered. Contact details are the client's own (their record only, by `visibleClients`),
 * and staff in scope may change them on the client's behalf (a client who calls).
 */
export const notificationPolicy = {
  list: roles("notifications.list", "admin"),
  retry: roles("notifications.retry", "admin"),
  readContact: roles("clients.contact.read", "admin", "consultant", "teamLead", "client", "agencyWorker"),
  changeContact: roles("clients.contact.update", "admin", "consultant", "teamLead", "client"),
};

import { roles } from "@server/auth/policy.js";

/**
 * Who may touch the registry as a whole: the state pension age table, the end of a benefit, and the import from and
 * export to the benefits administration. Which client a benefit end concerns is decided by `visibleClients`.
 */
export const registryPolicy = {
  readPensionAges: roles("registry.readPensionAges", "admin", "consultant", "teamLead"),
  updatePensionAges: roles("registry.updatePensionAges", "admin"),
  endBenefit: roles("registry.endBenefit", "admin", "consultant", "teamLead"),
  importClients: roles("registry.importClients", "admin"),
  exportClients: roles("registry.exportClients", "admin"),
};

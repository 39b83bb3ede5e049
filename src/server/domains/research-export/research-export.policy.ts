import { roles } from "@server/auth/policy.js";

/**
 * Researchers make and download the research export (DESIGN.md: "statistics and anonymised exports"); nobody else.
 * Admins see everything in the record already and have no need of a pseudonymised copy of all of it.
 */
export const researchExportPolicy = {
  export: roles("researchExport.export", "researcher"),
};

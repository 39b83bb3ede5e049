/** The roles a user account can have; see DESIGN.md for what each may see. */
export const USER_ROLES = [
  "admin",
  "consultant",
  "teamLead",
  "host",
  "client",
  "researcher",
  // medewerker bemiddelingsbureau: works the clients assigned to their agency, never sanctions
  "agencyWorker",
] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Household situations recorded for a client. */
export const HOUSEHOLD_SITUATIONS = [
  "single",
  "singleParent",
  "couple",
  "coupleWithChildren",
  "livingWithParents",
  "sharedHousing",
  "other",
] as const;
export type HouseholdSituation = (typeof HOUSEHOLD_SITUATIONS)[number];

/** Highest completed education, in Dutch levels grouped for reporting. */
export const EDUCATION_LEVELS = [
  "none",
  "primary",
  "secondaryVocational",
  "secondaryGeneral",
  "vocational",
  "higherProfessional",
  "university",
  "unknown",
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** Audit categories: what kind of access an audit event records. */
export const AUDIT_CATEGORIES = ["read:sensitive", "read:profile", "read:list", "write", "auth", "admin"] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

/** Years on benefit from which a client belongs to the long-term cohort. */
export const LONG_TERM_COHORT_YEARS = 5;

/** Why a benefit ended, as the benefits administration records it. */
export const BENEFIT_END_REASONS = ["work", "moved", "otherIncome", "deceased", "other"] as const;
export type BenefitEndReason = (typeof BENEFIT_END_REASONS)[number];

/** The age from which someone may be registered: adults only (Participatiewet art. 9 applies from 18). */
export const MINIMUM_CLIENT_AGE = 18;

/**
 * Every `code` the server puts in a problem+json answer of its own (`AppError`). The web app has a Dutch and an
 * English message for each (`problems.<code>` in src/web/i18n); a unit test holds the two lists together.
 */
export const PROBLEM_CODES = [
  // Any route
  "badRequest",
  "invalidInput",
  "unauthenticated",
  "forbidden",
  "csrfTokenInvalid",
  "notFound",
  "tooManyAttempts",
  "rateLimited",
  "internalError",
  // A unique index refused a second copy (src/server/db/errors.ts names the index's rule)
  "alreadyExists",
  // Users and clients
  "duplicateBsn",
  "duplicateEmail",
  "selfLockout",
  // Invitations and appointments
  "noAvailability",
  "noFreeSlots",
  "alreadyInvited",
  "slotTaken",
  "noConsultant",
  "appointmentInFuture",
  "appointmentNotPlanned",
  // Plans and capacity
  "capacityExceeded",
  "capacityNotAssessed",
  "planNotDraft",
  "planEmpty",
  "planSuperseded",
  "planChanged",
  "draftExists",
  "stepNotInDraft",
  "notYourQueue",
  // Roles and placements
  "otherOrganisation",
  "roleNotApproved",
  "roleFull",
  "guidanceLevelTooLow",
  "guidanceExceeded",
  "alreadyReferred",
  "placementState",
  "roleNotUnderReview",
  "complaintDecided",
  // Exemptions, caregiving, accountability and the daily job
  "sameDecider",
  "jobRunning",
  "alreadyAnswered",
  "alreadyRequested",
  "caregivingState",
  "exemptionState",
  // Sanctions, decisions and objections
  "activeExemption",
  "dropoutNotAttributable",
  "letterNotDelivered",
  "notCulpable",
  "placementNotEnded",
  "appointmentNotMissed",
  "sameDecisionMaker",
  "hearingRequired",
  "sanctionDecided",
  "hearingAlreadyInvited",
  "alreadyHeard",
  "sanctionNotDecided",
  "nothingToReconsider",
  "alreadyReconsidered",
  "objectionExists",
  "sanctionExists",
  "alreadyExtended",
  "objectionDecided",
  // Matching
  "planRunning",
  "districtOutOfScope",
  "proposalDecided",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * Every `code` the server gives one invalid field of its own (`invalidParams[].code` beside the schema's codes
 * such as `too_small`). The web app has a general Dutch and English message for each (`fieldErrors.<code>`),
 * which a field's own text (`fieldErrors.<field>.<code>`) may refine.
 */
export const FIELD_ERROR_CODES = [
  "required",
  "notAllowed",
  "dateInFuture",
  "dateInPast",
  "notInFuture",
  "beforeStart",
  "beforeBirthDate",
  "wrongPassword",
  "duplicateBsn",
  "duplicateEmail",
  "unknownAppointment",
  "unknownClient",
  "unknownDistrict",
  "unknownLetter",
  "unknownOrganisation",
  "unknownPlacement",
  "unknownRole",
  "unknownUser",
  "otherDistrict",
  "notInTeam",
  "aboveRoleHours",
  "notLower",
  "capacityExceeded",
  "activeExemption",
  "alreadyInvited",
  "empty",
  "tooLarge",
  "unsupportedType",
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

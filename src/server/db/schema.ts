import type { RoleEducationLevel } from "@shared/capacity.js";
import type { AuditCategory, BenefitEndReason, EducationLevel, HouseholdSituation, UserRole } from "@shared/enums.js";
import type { AccountabilityStatus, AccountabilitySubjectType } from "@shared/schemas/accountability.js";
import type { ActivityProposalKind, ActivityProposalStatus } from "@shared/schemas/activity-proposals.js";
import type { AssignmentEndReason } from "@shared/schemas/agencies.js";
import type { AppointmentKind, AppointmentStatus, RescheduleRequestStatus } from "@shared/schemas/appointments.js";
import type { BuddyPairingStatus, BuddySide, BuddyStatus } from "@shared/schemas/buddies.js";
import type { CaregivingStatus, CareRelation } from "@shared/schemas/caregiving.js";
import type { CheckInChannel, CheckInEnteredBy } from "@shared/schemas/check-ins.js";
import type { ContributionKind, ContributionStatus } from "@shared/schemas/contributions.js";
import type { DecisionType, HearingSkipReason, ObjectionOutcome } from "@shared/schemas/decisions.js";
import type { DocumentSubject, ExemptionScope, ExemptionStatus, ExemptionType } from "@shared/schemas/exemptions.js";
import type { ExpenseKind, IntroductionVerdict } from "@shared/schemas/host-partnership.js";
import type { LadderSource } from "@shared/schemas/intakes.js";
import type { DeliveryStatus } from "@shared/schemas/letters.js";
import type { MatchPlanStatus, ProposalRejectReason, ProposalStatus } from "@shared/schemas/matching.js";
import type { NotificationChannel, NotificationKind, NotificationStatus, PreferredLanguage } from "@shared/schemas/notifications.js";
import type { Sector } from "@shared/schemas/organisations.js";
import type {
  AccountChannel,
  Attribution,
  AttributionState,
  ClientSideReason,
  EndReason,
  PlacementStatus,
} from "@shared/schemas/placements.js";
import type { PlanStatus, PlanStepStatus, PlanStepType } from "@shared/schemas/plans.js";
import type { ResearchExportStatus } from "@shared/schemas/research-export.js";
import type {
  ComplainantKind,
  ComplaintStatus,
  DisplacementCheckKind,
  DutchLevel,
  GuidanceLevel,
  PhysicalDemand,
  RoleSector,
  RoleStatus,
} from "@shared/schemas/roles.js";
import type { SchedulerJob, SchedulerRunStatus, SchedulerTrigger } from "@shared/schemas/scheduler.js";
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

// Status, role and level columns carry the shared unions of src/shared, so rows read as the API describes them.
// Timestamps are ISO-8601 strings with offset and dates are `YYYY-MM-DD` strings on both SQLite and
// PostgreSQL, so values compare and sort the same on both. Booleans are 0/1 integers for the same reason.

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  role: UserRole;
  organisation_id: string | null;
  client_id: string | null;
  active: number;
  /** A consultant's direct number for their clients; absent, the team's number of the sender block. */
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  /** An agency worker's agency (bemiddelende instantie); null for every other role. */
  agency_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

/** An intermediary agency (bemiddelende instantie) that works a slice of the caseload under production targets. */
export interface AgenciesTable {
  id: string;
  name: string;
  kvk_number: string | null;
  /** The district it mainly works in, if any: agencies are not scoped by it. */
  district: string | null;
  created_at: string;
  updated_at: string;
}

/** One client given to an agency for a period, with the contract's targets. */
export interface AgencyAssignmentsTable {
  id: string;
  agency_id: string;
  client_id: string;
  start_date: string;
  end_date: string;
  intake_within_days: number;
  placement_within_days: number;
  placement_min_weeks: number;
  assigned_by: string;
  created_at: string;
  /** Ended early: the end the assignment was given (`end_date` is then the day before `ended_on`). */
  planned_end_date: ColumnType<string | null, string | null | undefined, string | null>;
  /** Ended early: the first day the agency no longer works with the client. */
  ended_on: ColumnType<string | null, string | null | undefined, string | null>;
  /** Ended early: why, one of `ASSIGNMENT_END_REASONS`. */
  end_reason: ColumnType<AssignmentEndReason | null, AssignmentEndReason | null | undefined, AssignmentEndReason | null>;
  end_note: ColumnType<string | null, string | null | undefined, string | null>;
  ended_by: ColumnType<string | null, string | null | undefined, string | null>;
  ended_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UserDistrictsTable {
  user_id: string;
  district: string;
}

export interface SessionsTable {
  id: string; // SHA-256 of the bearer token; the token itself is never stored
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** How the session was opened: `password`, or the OpenID Connect provider (`digid`, `staff`). */
  login_method: Generated<string>;
}

/** A login begun at an OpenID Connect provider and not yet back (see migration 0019). */
export interface OidcLoginsTable {
  id: string; // SHA-256 of the secret in the browser's cookie
  provider: string;
  state: string;
  nonce: string;
  code_verifier: string;
  return_to: string;
  created_at: string;
  expires_at: string;
}

/** A staff account's subject at an OpenID Connect provider. */
export interface UserIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: string;
}

/** One counted attempt under a throttle (`throttles.rules.ts`); rows older than the longest window are pruned. */
export interface ThrottleEventsTable {
  id: string;
  kind: string;
  key_hash: string; // SHA-256 of the account name or client address
  at: string;
}

export interface ApiTokensTable {
  id: string;
  token_hash: string;
  user_id: string;
  name: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  kvk_number: string;
  postcode: string;
  house_number: number;
  district: string | null;
  guidance_hours_per_week: number;
  sector: ColumnType<Sector, Sector | undefined, Sector>;
  contacts: Generated<string>; // JSON array of {name, email?, phone?}
  training_offered: string | null;
  accepts_limited_dutch: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ClientsTable {
  id: string;
  bsn: string;
  given_name: string;
  family_name: string;
  birth_date: string;
  postcode: string;
  house_number: number;
  house_number_addition: string | null;
  street: string | null;
  city: string | null;
  district: string | null;
  benefit_start_date: string;
  capacity_hours_per_week: number | null;
  capacity_hours_per_day: ColumnType<number | null, number | null | undefined, number | null>;
  capacity_days_per_week: ColumnType<number | null, number | null | undefined, number | null>;
  functional_limits: ColumnType<string, string | undefined, string>; // JSON array of FunctionalLimit
  phone: string | null;
  email: string | null;
  languages: string; // JSON array of ISO 639 codes
  household_situation: HouseholdSituation;
  education_level: EducationLevel;
  consultant_id: string | null;
  guidance_need: ColumnType<GuidanceLevel, GuidanceLevel | undefined, GuidanceLevel>;
  search_name: string; // lower-case "given family" for search
  preferred_language: ColumnType<PreferredLanguage, PreferredLanguage | undefined, PreferredLanguage>;
  notification_channel: ColumnType<NotificationChannel, NotificationChannel | undefined, NotificationChannel>;
  benefit_end_date: ColumnType<string | null, string | null | undefined, string | null>;
  benefit_end_reason: ColumnType<BenefitEndReason | null, BenefitEndReason | null | undefined, BenefitEndReason | null>;
  household_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}

/** The state pension age (AOW-leeftijd) of everyone born between two dates; open ends are null. */
export interface StatePensionAgesTable {
  id: string;
  born_from: string | null;
  born_until: string | null;
  years: number;
  months: number;
  updated_by: string | null;
  updated_at: string;
}

/** One import of the client registry from the benefits administration, with its counts. */
export interface ClientImportsTable {
  id: string;
  started_by: string | null;
  source: "cli" | "upload";
  encoding: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  moved: number;
  imported_at: string;
}

/** A client's move to another district, found by an import: both consultants see it on the work queue. */
export interface ClientMovesTable {
  id: string;
  client_id: string;
  import_id: string | null;
  from_district: string | null;
  to_district: string | null;
  from_consultant_id: string | null;
  moved_on: string;
  created_at: string;
}

/** A reason on the work queue marked done or snoozed, for the signal it had then (one row per client and reason). */
export interface WorkQueueDispositionsTable {
  id: string;
  client_id: string;
  reason: string; // WORK_QUEUE_REASONS
  disposition: string; // done, snoozed
  signal_since: string;
  snoozed_until: string | null;
  note: string | null;
  decided_by: string;
  decided_at: string;
}

export interface AuditEventsTable {
  id: string;
  occurred_at: string;
  actor_id: string | null;
  actor_email: string | null;
  actor_role: string | null; // a user role, or "system" / "public"
  action: string;
  category: AuditCategory;
  client_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  request_id: string | null;
  details: ColumnType<string | null, string | null, never>;
}

export interface ConsultantAvailabilityTable {
  id: string;
  consultant_id: string;
  weekday: number;
  start_time: string;
  end_time: string;
  slot_minutes: number;
  location: string;
  created_at: string;
}

export interface LettersTable {
  id: string;
  client_id: string;
  kind: string;
  template: string;
  subject: string;
  letter_date: string;
  pdf: Buffer;
  sha256: string;
  registered: number;
  tracking_number: string | null;
  delivery_status: DeliveryStatus;
  delivery_updated_at: string | null;
  /** The day the post delivered, returned or reported the letter uncollected, as recorded; null before 0039. */
  delivery_date?: string | null;
  created_by: string | null;
  created_at: string;
  /** Until when the client neither sees it in the portal nor gets its notice: time to undo (0044). */
  held_until?: string | null;
  /** When staff first downloaded the PDF or its batch's PDF, to print it (0044). */
  printed_at?: string | null;
  /** When the client first opened it in the portal (0044). */
  opened_at?: string | null;
  /** When the action that made it was undone: the letter is kept, withdrawn (0044). */
  withdrawn_at?: string | null;
  withdrawn_by?: string | null;
}

export interface LetterDeliveryEventsTable {
  id: string;
  letter_id: string;
  status: DeliveryStatus;
  tracking_number: string | null;
  recorded_by: string | null;
  recorded_at: string;
  /** The day it happened at the post, which the recording may follow by days. */
  occurred_on?: string | null;
}

export interface AppointmentsTable {
  id: string;
  client_id: string;
  consultant_id: string;
  kind: AppointmentKind;
  starts_at: string;
  ends_at: string;
  location: string;
  status: AppointmentStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A client's "ik kan niet" to a planned appointment: open on the consultant's work queue until the appointment changes. */
export interface RescheduleRequestsTable {
  id: string;
  appointment_id: string;
  client_id: string;
  reason: string | null;
  status: RescheduleRequestStatus;
  requested_by: string | null;
  requested_at: string;
  closed_at: string | null;
  closed_by: string | null;
}

export interface InvitationsTable {
  id: string;
  client_id: string;
  sequence: number;
  appointment_id: string;
  letter_id: string;
  /** The invitations made together, whose letters are printed together; null before batches existed. */
  batch_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface IntakesTable {
  id: string;
  client_id: string;
  appointment_id: string | null;
  consultant_id: string;
  held_on: string;
  income_debts: number;
  daily_activities: number;
  housing: number;
  physical_health: number;
  mental_health: number;
  addiction: number;
  social_network: number;
  language: number;
  caring_duties: string | null;
  education_history: string | null;
  work_history: string | null;
  interests: string; // JSON array
  skills: string; // JSON array
  availability: string; // JSON array of weekday parts, e.g. "mon-am"
  travel_radius_km: number;
  capacity_hours_per_week: number;
  // Left out on insert, the limits are none, the guidance need regular and the wishes none.
  capacity_hours_per_day?: number | null;
  capacity_days_per_week?: number | null;
  functional_limits?: string; // JSON array of FunctionalLimit
  guidance_need?: GuidanceLevel;
  wishes?: string; // JSON array: what the client would like to do, in their words
  ladder_rung: number;
  growth_rung: number;
  health_notes: string | null;
  notes: string | null;
  created_at: string;
}

export interface LadderAssessmentsTable {
  id: string;
  client_id: string;
  rung: number;
  growth_rung: number | null;
  assessed_on: string;
  assessor_id: string | null;
  source: LadderSource;
  created_at: string;
}

export interface PlansTable {
  id: string;
  client_id: string;
  version: number;
  status: PlanStatus;
  reporting_frequency_weeks: number;
  confirmed_on: string | null;
  confirmed_by: string | null;
  letter_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface PlanStepsTable {
  id: string;
  plan_id: string;
  client_id: string;
  position: number;
  type: PlanStepType;
  title: string;
  goal: string | null;
  hours_per_week: number;
  start_date: string;
  end_date: string | null;
  provider: string | null;
  // What the step asks beyond its hours; left out on insert, nothing.
  hours_per_day?: number | null;
  days_per_week?: number | null;
  demands?: string; // JSON array of FunctionalLimit
  status: PlanStepStatus;
  stop_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface CheckInsTable {
  id: string;
  client_id: string;
  plan_id: string | null;
  held_on: string;
  recorded_by: string | null;
  channel: CheckInChannel;
  how_it_goes: string | null;
  who5_items: string;
  who5_raw: number;
  ready_for_next_step: number;
  created_at: string;
  /** Who entered it: the client in the portal, or a consultant. */
  entered_by: Generated<CheckInEnteredBy>;
  help_requested: Generated<number>;
  help_note: string | null;
}

export interface VolunteerRolesTable {
  id: string;
  organisation_id: string;
  title: string;
  description: string;
  min_hours_per_week: number;
  hours_per_week: number;
  weekday_parts: string; // JSON
  postcode: string;
  skills: string; // JSON
  dutch_level: DutchLevel;
  physical_demands: PhysicalDemand;
  guidance_level: GuidanceLevel;
  places: number;
  start_date: string;
  end_date: string | null;
  at_night: number; // 0 or 1
  sector: RoleSector;
  // Left out on insert: days of at most 8 hours on one day a week, no demands, no education asked.
  longest_day_hours?: number;
  days_per_week?: number;
  demands?: string; // JSON array of FunctionalLimit the work asks (nightWork when at night)
  education_level?: RoleEducationLevel;
  status: RoleStatus;
  status_reason: string;
  status_reason_codes: string; // JSON: the questionnaire's findings, for translation; [] after a human decision
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DisplacementChecksTable {
  id: string;
  role_id: string;
  kind: DisplacementCheckKind;
  answers: string | null;
  outcome: RoleStatus;
  reason: string;
  decided_by: string | null;
  created_at: string;
}

export interface DisplacementComplaintsTable {
  id: string;
  role_id: string;
  filed_by: string | null;
  filer_kind: ComplainantKind;
  filer_name: string | null;
  filer_email: string | null;
  description: string;
  status: ComplaintStatus;
  decided_by: string | null;
  decision_reason: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface PlacementsTable {
  id: string;
  client_id: string;
  role_id: string;
  organisation_id: string;
  status: PlacementStatus;
  hours_per_week: number;
  guidance_level: GuidanceLevel;
  guidance_override_reason: string | null;
  proposed_by: string | null;
  decision_reason: string | null;
  decided_by: string | null;
  started_on: string | null;
  ended_on: string | null;
  end_reason: EndReason | null;
  end_note: string | null; // the account of whoever ended it: what happened
  /** As determined, or `undetermined` until the consultant has heard the client (`placementAttribution` decision). */
  attributable_to: AttributionState | null;
  ordinance_version: number | null; // the ordinance whose guidance hours the proposal was checked against
  host_view_attribution: Attribution | null; // the view of whoever ended it; never the determination
  attribution_reasons: string | null;
  attribution_client_account: string | null; // the client's side, as the consultant heard it
  attribution_heard_on: string | null;
  attribution_channel: AccountChannel | null;
  attribution_determined_by: string | null;
  attribution_determined_on: string | null;
  attribution_decision_id: string | null; // the decision, when attributed to the client
  created_at: string;
  updated_at: string;
  client_side_account: string | null; // the client's own account of the ending, given in the portal
  client_side_reason: ClientSideReason | null;
  client_side_given_on: string | null;
  /** The named contact person at the host, from the introduction on (the agreement names them again). */
  host_contact_person?: string | null;
  /** The introduction meeting before the start: the day, who attended, the client's and the host's verdict. */
  introduction_held_on?: string | null;
  introduction_attendees?: string | null;
  introduction_client_verdict?: IntroductionVerdict | null;
  introduction_host_verdict?: IntroductionVerdict | null;
  introduction_note?: string | null;
  introduction_recorded_by?: string | null;
  /** The check-in with the host four weeks after the start. */
  host_check_in_held_on?: string | null;
  host_check_in_note?: string | null;
  host_check_in_recorded_by?: string | null;
  /** Until when a referral is kept from the host, so that it can still be undone; null for one made before holds. */
  held_until?: string | null;
  /** When a member of the host organisation first opened the referral: from then on it is no longer undone. */
  host_opened_at?: string | null;
}

/** An expense allowance (onkostenvergoeding) for one month of a placement, in cents. */
export interface PlacementExpensesTable {
  id: string;
  placement_id: string;
  client_id: string;
  organisation_id: string;
  kind: ExpenseKind;
  period: string; // YYYY-MM
  amount_cents: number;
  description: string | null;
  paid_on: string | null;
  recorded_by: string | null;
  created_at: string;
  updated_at: string;
}

/** The tax-free limits of the volunteer allowance in one year, in cents, with where they come from. */
export interface VolunteerAllowanceLimitsTable {
  year: number;
  hourly_cents: number;
  monthly_cents: number;
  yearly_cents: number;
  source: string;
  updated_by: string | null;
  updated_at: string;
}

/** Guidance hours a week the municipality buys for an organisation, for a period. */
export interface OrganisationSupportTable {
  id: string;
  organisation_id: string;
  hours_per_week: number;
  starts_on: string;
  ends_on: string;
  description: string;
  recorded_by: string | null;
  created_at: string;
}

export interface PlacementAgreementsTable {
  id: string;
  placement_id: string;
  version: number;
  start_date: string;
  end_date: string;
  hours_per_week: number;
  tasks: string;
  contact_person: string;
  guidance_arrangement: string;
  letter_id: string;
  /** Who recorded the agreement, and when (not a party's signature: those are below). */
  signed_by: string | null;
  signed_at: string;
  /** Each party's signature: the day, and the account that gave it (or, for the client's on paper, recorded it). */
  client_signed_on: string | null;
  client_signed_by: string | null;
  host_signed_on: string | null;
  host_signed_by: string | null;
  municipality_signed_on: string | null;
  municipality_signed_by: string | null;
  /** The decision the municipality's signature made. */
  decision_id: string | null;
}

export interface PlacementNotesTable {
  id: string;
  placement_id: string;
  author_id: string | null;
  note: string;
  created_at: string;
}

export interface ContributionsTable {
  id: string;
  client_id: string;
  kind: ContributionKind;
  organisation_id: string | null;
  organisation_name: string;
  description: string;
  hours_per_week: number;
  since: string;
  status: ContributionStatus;
  ended_on: string | null;
  letter_id: string;
  created_by: string | null;
  created_at: string;
}

/** A client who volunteers as a buddy: trained, with an agreement whose contribution counts their hours. */
export interface BuddiesTable {
  id: string;
  client_id: string;
  contribution_id: string;
  decision_id: string;
  trained_on: string;
  since: string;
  max_pairings: number;
  /** The contact details the buddy agreed to share with the person they support; erased after the agreement ends. */
  contact_phone: string | null;
  contact_email: string | null;
  availability: string | null;
  status: BuddyStatus;
  ended_on: string | null;
  /** Who ended the agreement: the buddy or the consultant (no reason is asked); null while it runs. */
  ended_by_side: BuddySide | null;
  ended_by: string | null;
  created_by: string | null;
  created_at: string;
}

/** A buddy and the client they support; ended by either side (or the consultant) without a reason. */
export interface BuddyPairingsTable {
  id: string;
  buddy_id: string;
  client_id: string;
  buddy_client_id: string;
  /** The contact details the supported client agreed the buddy may use; erased a while after the pairing ends. */
  contact_phone: string | null;
  contact_email: string | null;
  paired_on: string;
  paired_by: string | null;
  status: BuddyPairingStatus;
  ended_on: string | null;
  ended_by_side: BuddySide | null;
  ended_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A meeting of a buddy pair: the buddy's hours. */
export interface BuddyMeetingsTable {
  id: string;
  pairing_id: string;
  held_on: string;
  hours: number;
  recorded_by: string | null;
  recorded_by_side: BuddySide;
  created_at: string;
}

export interface OrdinanceVersionsTable {
  version: number;
  effective_from: string;
  weekly_norm_hours: number;
  accountability_interval_months: number;
  accountability_reminder_days: number;
  accountability_overdue_days: number;
  exemption_cosign_months: number;
  exemption_notice_days: number;
  guidance_hours_light: number;
  guidance_hours_regular: number;
  guidance_hours_intensive: number;
  sanction_levels: string; // JSON
  sanction_ground_levels: string; // JSON: ground → starting level
  hearing_response_days: number;
  max_facts_age_days: number;
  self_declared_max_hours: number;
  max_duration_months: number;
  retention_audit_months: ColumnType<number, number | undefined, never>;
  retention_check_in_note_months: ColumnType<number, number | undefined, never>;
  retention_evidence_months: ColumnType<number, number | undefined, never>;
  retention_match_proposal_months: ColumnType<number, number | undefined, never>;
  note: string;
  created_by: string | null;
  created_at: string;
}

export interface ExemptionsTable {
  id: string;
  client_id: string;
  type: ExemptionType;
  scope: ExemptionScope;
  max_hours_per_week: number | null;
  start_date: string;
  end_date: string | null;
  review_date: string | null;
  reason: string;
  status: ExemptionStatus;
  requested_by: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  co_signed_by: string | null;
  co_signed_at: string | null;
  ended_on: string | null;
  end_reason: string | null;
  ordinance_version: number;
  created_at: string;
  updated_at: string;
  /** 1 when it covers the tegenprestatie (art. 9 lid 1 sub c). */
  covers_tegenprestatie: number;
  /** 1 when it covers the work obligations (art. 9 lid 1 sub a and b). */
  covers_work_obligations: number;
  /** A single parent's exemption (art. 9a): the youngest child's birth date. */
  child_birth_date: string | null;
  /** A refused single parent's request: the condition of art. 9a that was not met. */
  unmet_condition: string | null;
  /** The last action that sent a letter and can still be undone: its letter and the columns before it (JSON). */
  undo_state: string | null;
}

/** Medical advice on an exemption: who advised and the conclusion in functional terms, never a diagnosis. */
export interface MedicalAdviceTable {
  id: string;
  exemption_id: string;
  client_id: string;
  advisor_kind: string;
  advisor_name: string;
  advised_on: string;
  conclusion: string;
  // What the advice limits in functional terms, never why; left out on insert, nothing.
  hours_per_week?: number | null;
  hours_per_day?: number | null;
  days_per_week?: number | null;
  functional_limits?: string; // JSON array of FunctionalLimit
  recorded_by: string;
  created_at: string;
}

export interface CaregivingTable {
  id: string;
  client_id: string;
  relation: CareRelation;
  description: string | null;
  hours_per_week: number;
  since: string;
  beyond_customary_care: number;
  judgement_reason: string;
  judged_by: string | null;
  status: CaregivingStatus;
  ended_on: string | null;
  created_at: string;
}

export interface ActivityProposalsTable {
  id: string;
  client_id: string;
  kind: ActivityProposalKind;
  relation: CareRelation | null;
  description: string;
  place: string;
  hours_per_week: number;
  since: string;
  contact: string | null;
  status: ActivityProposalStatus;
  proposed_by: string;
  proposed_by_client: number;
  accepted_hours_per_week: number | null;
  decision_reasons: string | null;
  decided_by: string | null;
  decided_on: string | null;
  decision_id: string | null;
  contribution_id: string | null;
  caregiving_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface AccountabilityRequestsTable {
  id: string;
  client_id: string;
  subject_type: AccountabilitySubjectType;
  subject_id: string;
  requested_on: string;
  ordinance_version: number;
  letter_id: string;
  reminded_on: string | null;
  reminder_letter_id: string | null;
  status: AccountabilityStatus;
  responded_on: string | null;
  response: string | null;
  responded_by: string | null;
  created_at: string;
}

export interface DocumentsTable {
  id: string;
  client_id: string;
  subject_type: DocumentSubject;
  subject_id: string;
  filename: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string | null;
  uploaded_at: string;
}

export interface SchedulerRunsTable {
  id: string;
  job: SchedulerJob;
  run_date: string;
  trigger: SchedulerTrigger;
  status: SchedulerRunStatus;
  result: string | null; // JSON
  error: string | null;
  instance: string;
  started_by: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface SchedulerLeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface SanctionsTable {
  id: string;
  client_id: string;
  ground: string;
  facts_date: string;
  facts: string;
  appointment_id: string | null;
  placement_id: string | null;
  letter_id: string | null;
  culpability: string;
  circumstances: string;
  children_interests: string | null;
  urgent_reasons: number;
  urgent_reasons_note: string | null;
  recurrence: number;
  proposed_by: string;
  proposed_at: string;
  status: string; // proposed, decided
  hearing_letter_id: string | null;
  hearing_respond_by: string | null;
  hearing_held_on: string | null;
  hearing_channel: string | null;
  hearing_record: string | null;
  hearing_recorded_by: string | null;
  outcome: string | null; // imposed, imposedLower, refrained
  decision_reasons: string | null;
  level: number | null;
  percentage: number | null;
  months: number | null;
  ordinance_version: number | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_letter_id: string | null;
  reconsider_by: string | null;
  reconsidered_on: string | null;
  reconsideration_outcome: string | null;
  reconsideration_note: string | null;
  revoked: number;
  decision_id: string | null;
  reconsideration_decision_id: string | null;
  /** The day an imposed sanction stopped: ended on reconsideration, or revoked on objection (then from the start). */
  ended_on: string | null;
  /** The confirmed plan that asked the refused contribution (refusedContribution). */
  plan_id: string | null;
  /** The confirmed plan step that was not done (insufficientEffort). */
  plan_step_id: string | null;
  /** What was asked and not done (insufficientEffort). */
  not_done: string | null;
  /** The decider's reasons why the urgent reasons recorded with the proposal no longer apply. */
  urgent_reasons_lapsed_reasons: string | null;
  urgent_reasons_lapsed_by: string | null;
  urgent_reasons_lapsed_at: string | null;
}

export interface MatchPlansTable {
  id: string;
  district: string | null;
  status: MatchPlanStatus;
  progress: number;
  summary: string | null;
  error: string | null;
  requested_by: string | null;
  created_at: string;
  finished_at: string | null;
}

/** The client's rating and words on a placement and its organisation: one per placement. */
export interface PlacementFeedbackTable {
  id: string;
  placement_id: string;
  client_id: string;
  organisation_id: string;
  rating: number;
  comment: string | null;
  given_on: string;
  created_at: string;
}

/** Rows of an append-only table released for deletion by the retention run, inside its own transaction only. */
export interface RetentionReleasesTable {
  table_name: "audit_events" | "documents";
  row_id: string;
}
export interface MatchProposalsTable {
  id: string;
  plan_id: string;
  client_id: string;
  role_id: string;
  hours_per_week: number;
  cost: number;
  reasons: string;
  status: ProposalStatus;
  reject_reason: string | null;
  reject_reason_code: ProposalRejectReason | null;
  placement_id: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

/** A decision whose letter was withdrawn before it left the building: never made known, it never took effect (0044). */
export interface DecisionWithdrawalsTable {
  id: string;
  decision_id: string;
  letter_id: string;
  withdrawn_by: string;
  withdrawn_at: string;
}

export interface DecisionsTable {
  id: string;
  client_id: string;
  type: DecisionType;
  subject_type: string; // sanction, plan, placement, exemption, caregiving, objection
  subject_id: string;
  summary: string;
  legal_basis: string;
  ordinance_version: number | null;
  facts: string;
  reasons: string;
  /** Who prepared (proposed) the decision: with the decider, "involved" in it (Awb 7:5). */
  prepared_by: string | null;
  decided_by: string | null;
  decided_on: string;
  takes_effect_on: string;
  letter_id: string | null;
  /** Null for a decision on objection: its remedy is appeal. */
  objection_term_ends_on: string | null;
  replaces_decision_id: string | null;
  created_at: string;
}

export interface ObjectionsTable {
  id: string;
  decision_id: string;
  client_id: string;
  received_on: string;
  posted_on: string | null;
  grounds: string;
  representative: string | null;
  on_time: number;
  lateness_excusable: number | null;
  lateness_reasons: string | null;
  objection_term_ends_on: string;
  decide_by: string;
  advisory_committee: number;
  postponed: number;
  postponement_letter_id: string | null;
  postponement_reasons: string | null;
  consent_given_on: string | null;
  consent_note: string | null;
  hearing_invitation_letter_id: string | null;
  hearing_skip_reason: HearingSkipReason | null;
  hearing_skip_note: string | null;
  outcome: ObjectionOutcome | null;
  outcome_on: string | null;
  outcome_reasons: string | null;
  outcome_decision_id: string | null;
  /** The date to decide by before the postponement, put back when it is undone (0052). */
  decide_by_before_postponement?: string | null;
  /** JSON of a sanction's `revoked`, `percentage` and `months` before the decision on objection changed them (0052). */
  sanction_before_outcome?: string | null;
  registered_by: string | null;
  created_at: string;
}

export interface ObjectionHearingsTable {
  id: string;
  objection_id: string;
  version: number;
  held_on: string;
  record: string;
  conducted_by: string;
  correction_of: number | null;
  recorded_at: string;
}

export interface SanctionHearingsTable {
  id: string;
  sanction_id: string;
  version: number;
  held_on: string;
  channel: string;
  record: string;
  recorded_by: string | null;
  correction_of: number | null;
  recorded_at: string;
}

/** The outbox: one message to a client, written with the change that causes it and sent by the delivery step. */
export interface NotificationsTable {
  id: string;
  client_id: string;
  kind: NotificationKind;
  subject_type: "letter" | "appointment";
  subject_id: string;
  channel: Exclude<NotificationChannel, "none">;
  recipient: string;
  language: PreferredLanguage;
  facts: string; // JSON: the dates the message tells (an appointment's start, the last day to answer)
  status: NotificationStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  failed_at: string | null;
}

/** The casework change counter (`casework-changes.ts`): one row, bumped by a trigger on every casework table. */
export interface CaseworkChangesTable {
  id: number;
  /** A bigint: PostgreSQL answers it as text. */
  version: number | string;
}

/** A research export made in the background, and its file once done. */
export interface ResearchExportsTable {
  id: string;
  requested_by: string;
  period_from: string;
  period_to: string;
  status: ResearchExportStatus;
  progress: number;
  summary: string | null;
  csv_gzip: Buffer | null;
  error: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface Database {
  state_pension_ages: StatePensionAgesTable;
  client_imports: ClientImportsTable;
  client_moves: ClientMovesTable;
  work_queue_dispositions: WorkQueueDispositionsTable;
  users: UsersTable;
  user_districts: UserDistrictsTable;
  sessions: SessionsTable;
  oidc_logins: OidcLoginsTable;
  user_identities: UserIdentitiesTable;
  api_tokens: ApiTokensTable;
  throttle_events: ThrottleEventsTable;
  organisations: OrganisationsTable;
  clients: ClientsTable;
  audit_events: AuditEventsTable;
  consultant_availability: ConsultantAvailabilityTable;
  letters: LettersTable;
  letter_delivery_events: LetterDeliveryEventsTable;
  appointments: AppointmentsTable;
  reschedule_requests: RescheduleRequestsTable;
  invitations: InvitationsTable;
  intakes: IntakesTable;
  ladder_assessments: LadderAssessmentsTable;
  plans: PlansTable;
  plan_steps: PlanStepsTable;
  check_ins: CheckInsTable;
  volunteer_roles: VolunteerRolesTable;
  displacement_checks: DisplacementChecksTable;
  displacement_complaints: DisplacementComplaintsTable;
  placements: PlacementsTable;
  placement_agreements: PlacementAgreementsTable;
  placement_notes: PlacementNotesTable;
  contributions: ContributionsTable;
  ordinance_versions: OrdinanceVersionsTable;
  exemptions: ExemptionsTable;
  medical_advice: MedicalAdviceTable;
  caregiving: CaregivingTable;
  accountability_requests: AccountabilityRequestsTable;
  documents: DocumentsTable;
  scheduler_runs: SchedulerRunsTable;
  scheduler_leases: SchedulerLeasesTable;
  sanctions: SanctionsTable;
  decisions: DecisionsTable;
  decision_withdrawals: DecisionWithdrawalsTable;
  objections: ObjectionsTable;
  objection_hearings: ObjectionHearingsTable;
  sanction_hearings: SanctionHearingsTable;
  match_plans: MatchPlansTable;
  match_proposals: MatchProposalsTable;
  retention_releases: RetentionReleasesTable;
  activity_proposals: ActivityProposalsTable;
  notifications: NotificationsTable;
  placement_feedback: PlacementFeedbackTable;
  placement_expenses: PlacementExpensesTable;
  volunteer_allowance_limits: VolunteerAllowanceLimitsTable;
  organisation_support: OrganisationSupportTable;
  casework_changes: CaseworkChangesTable;
  research_exports: ResearchExportsTable;
  agencies: AgenciesTable;
  agency_assignments: AgencyAssignmentsTable;
  buddies: BuddiesTable;
  buddy_pairings: BuddyPairingsTable;
  buddy_meetings: BuddyMeetingsTable;
}

export type UserRow = Selectable<UsersTable>;
export type ClientRow = Selectable<ClientsTable>;
export type AgencyRow = Selectable<AgenciesTable>;
export type AgencyAssignmentRow = Selectable<AgencyAssignmentsTable>;
export type WorkQueueDispositionRow = Selectable<WorkQueueDispositionsTable>;
export type NewClientRow = Insertable<ClientsTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type LetterRow = Selectable<LettersTable>;
export type AppointmentRow = Selectable<AppointmentsTable>;
export type RescheduleRequestRow = Selectable<RescheduleRequestsTable>;
export type IntakeRow = Selectable<IntakesTable>;
export type PlanRow = Selectable<PlansTable>;
export type PlanStepRow = Selectable<PlanStepsTable>;
export type CheckInRow = Selectable<CheckInsTable>;
export type PlacementFeedbackRow = Selectable<PlacementFeedbackTable>;
export type RoleRow = Selectable<VolunteerRolesTable>;
export type PlacementRow = Selectable<PlacementsTable>;
export type OrdinanceVersionRow = Selectable<OrdinanceVersionsTable>;
export type ExemptionRow = Selectable<ExemptionsTable>;
export type MedicalAdviceRow = Selectable<MedicalAdviceTable>;
export type CaregivingRow = Selectable<CaregivingTable>;
export type ActivityProposalRow = Selectable<ActivityProposalsTable>;
export type AccountabilityRequestRow = Selectable<AccountabilityRequestsTable>;
export type SanctionRow = Selectable<SanctionsTable>;
export type DecisionRow = Selectable<DecisionsTable>;
export type ObjectionRow = Selectable<ObjectionsTable>;
export type ObjectionHearingRow = Selectable<ObjectionHearingsTable>;
export type SanctionHearingRow = Selectable<SanctionHearingsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type BuddyRow = Selectable<BuddiesTable>;
export type BuddyPairingRow = Selectable<BuddyPairingsTable>;
export type BuddyMeetingRow = Selectable<BuddyMeetingsTable>;

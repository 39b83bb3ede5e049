import type { Database } from "@server/db/schema.js";
import type { Purpose } from "./access-purposes.js";

type TableName = keyof Database & string;

/** Where one part of the data export comes from and how its rows belong to the client. */
export interface ExportSource {
  key: string;
  table: TableName;
  title: Purpose;
  /**
   * The client's own column (`client_id`, `id` for the client record, `buddy_client_id` for the buddy's side), or the
   * parent whose rows are the client's: by the parent's `client_id`, or by `parentColumn` for another side of it.
   */
  belongs: { column: string } | { column: string; parent: TableName; parentColumn?: string };
  /** Columns left out, each with the reason; every other column is exported, so a new column is never left out. */
  omit?: Record<string, string>;
  orderBy: string;
}

const t = (nl: string, en: string): Purpose => ({ nl, en });
const OWN = { column: "client_id" };

/**
 * Everything held on one client (AVG art. 15), table by table. A table with a `client_id` column (or another column
 * naming a client, as `buddy_client_id`) that is neither here nor in `NOT_EXPORTED_AS_ROWS` fails
 * `privacy.db.test.ts`, and so does a child table exported for one side of its parent but not for the other: a new
 * table or side cannot be left out silently.
 */
export const EXPORT_SOURCES: readonly ExportSource[] = [
  {
    key: "client",
    table: "clients",
    title: t("Uw gegevens", "Your details"),
    belongs: { column: "id" },
    omit: { search_name: "a copy of your name in small letters, to search on" },
    orderBy: "id",
  },
  {
    key: "account",
    table: "users",
    title: t("Uw account om in te loggen", "Your login account"),
    belongs: OWN,
    omit: { password_hash: "a scrambled form of your password that nobody can read back" },
    orderBy: "created_at",
  },
  {
    key: "moves",
    table: "client_moves",
    title: t("Verhuizingen naar een ander gebied", "Moves to another district"),
    belongs: OWN,
    orderBy: "created_at",
  },
  {
    key: "workQueueNotes",
    table: "work_queue_dispositions",
    title: t("Wat uw consulent afhandelde of voor later plande", "What your consultant dealt with or planned for later"),
    belongs: OWN,
    orderBy: "decided_at",
  },
  { key: "appointments", table: "appointments", title: t("Afspraken", "Appointments"), belongs: OWN, orderBy: "starts_at" },
  {
    key: "rescheduleRequests",
    table: "reschedule_requests",
    title: t("Vragen om een andere afspraak", "Requests for another appointment"),
    belongs: OWN,
    orderBy: "requested_at",
  },
  { key: "invitations", table: "invitations", title: t("Uitnodigingen", "Invitations"), belongs: OWN, orderBy: "created_at" },
  {
    key: "intakes",
    table: "intakes",
    title: t("Eerste gesprekken (met de notities van de consulent)", "First meetings (with the consultant's notes)"),
    belongs: OWN,
    orderBy: "held_on",
  },
  {
    key: "ladderAssessments",
    table: "ladder_assessments",
    title: t("Trede op de ladder", "Ladder rung"),
    belongs: OWN,
    orderBy: "assessed_on",
  },
  { key: "plans", table: "plans", title: t("Plannen", "Plans"), belongs: OWN, orderBy: "version" },
  { key: "planSteps", table: "plan_steps", title: t("Stappen in uw plan", "Steps in your plan"), belongs: OWN, orderBy: "created_at" },
  { key: "checkIns", table: "check_ins", title: t("Hoe het met u ging", "How you were doing"), belongs: OWN, orderBy: "held_on" },
  {
    key: "activityProposals",
    table: "activity_proposals",
    title: t("Wat u zelf voorstelde", "What you proposed yourself"),
    belongs: OWN,
    orderBy: "created_at",
  },
  {
    key: "placementFeedback",
    table: "placement_feedback",
    title: t("Cijfers die u gaf voor vrijwilligerswerk", "Ratings you gave for volunteer work"),
    belongs: OWN,
    orderBy: "created_at",
  },
  {
    key: "notifications",
    table: "notifications",
    title: t("Berichten aan u (e-mail en sms)", "Messages to you (e-mail and text)"),
    belongs: OWN,
    orderBy: "created_at",
  },
  { key: "placements", table: "placements", title: t("Vrijwilligerswerk", "Volunteer work"), belongs: OWN, orderBy: "created_at" },
  {
    key: "agencyAssignments",
    table: "agency_assignments",
    title: t("Toewijzingen aan een bemiddelingsbureau", "Assignments to an intermediary agency"),
    belongs: OWN,
    orderBy: "start_date",
  },
  {
    key: "placementAgreements",
    table: "placement_agreements",
    title: t("Afspraken over vrijwilligerswerk", "Agreements on volunteer work"),
    belongs: { column: "placement_id", parent: "placements" },
    orderBy: "signed_at",
  },
  {
    key: "placementExpenses",
    table: "placement_expenses",
    title: t("Onkostenvergoedingen voor vrijwilligerswerk", "Expense allowances for volunteer work"),
    belongs: OWN,
    orderBy: "created_at",
  },
  {
    key: "placementNotes",
    table: "placement_notes",
    title: t("Notities over vrijwilligerswerk", "Notes on volunteer work"),
    belongs: { column: "placement_id", parent: "placements" },
    orderBy: "created_at",
  },
  {
    key: "matchProposals",
    table: "match_proposals",
    title: t("Voorstellen voor vrijwilligerswerk", "Proposals of volunteer work"),
    belongs: OWN,
    orderBy: "id",
  },
  { key: "contributions", table: "contributions", title: t("Wat u al doet", "What you already do"), belongs: OWN, orderBy: "created_at" },
  {
    key: "buddies",
    table: "buddies",
    title: t("Uw afspraak als maatje", "Your agreement as a buddy"),
    belongs: OWN,
    orderBy: "created_at",
  },
  {
    key: "buddyPairings",
    table: "buddy_pairings",
    title: t("Uw maatje", "Your buddy"),
    belongs: OWN,
    omit: { buddy_client_id: "who your buddy is: you see their first name and phone number in the portal" },
    orderBy: "created_at",
  },
  {
    key: "buddyPairingsAsBuddy",
    table: "buddy_pairings",
    title: t("De mensen die u als maatje helpt", "The people you help as a buddy"),
    belongs: { column: "buddy_client_id" },
    omit: {
      client_id: "who you help: you see their first name in the portal",
      contact_phone: "the contact details of the person you help are theirs",
      contact_email: "the contact details of the person you help are theirs",
    },
    orderBy: "created_at",
  },
  {
    key: "buddyMeetings",
    table: "buddy_meetings",
    title: t("Afspraken met uw maatje", "Meetings with your buddy"),
    belongs: { column: "pairing_id", parent: "buddy_pairings" },
    orderBy: "held_on",
  },
  {
    key: "buddyMeetingsAsBuddy",
    table: "buddy_meetings",
    title: t("Afspraken als maatje met de mensen die u helpt", "Meetings as a buddy with the people you help"),
    belongs: { column: "pairing_id", parent: "buddy_pairings", parentColumn: "buddy_client_id" },
    orderBy: "held_on",
  },
  { key: "exemptions", table: "exemptions", title: t("Ontheffingen", "Exemptions"), belongs: OWN, orderBy: "created_at" },
  { key: "medicalAdvice", table: "medical_advice", title: t("Advies van een arts", "Medical advice"), belongs: OWN, orderBy: "advised_on" },
  { key: "caregiving", table: "caregiving", title: t("Zorg voor anderen", "Caring for others"), belongs: OWN, orderBy: "created_at" },
  {
    key: "accountability",
    table: "accountability_requests",
    title: t("Vragen om te laten zien wat u deed", "Requests to show what you did"),
    belongs: OWN,
    orderBy: "created_at",
  },
  {
    key: "sanctions",
    table: "sanctions",
    title: t("Verlagingen van de uitkering", "Lowerings of the benefit"),
    belongs: OWN,
    orderBy: "proposed_at",
  },
  {
    key: "sanctionHearings",
    table: "sanction_hearings",
    title: t("Uw kant van het verhaal bij een verlaging", "Your side of the story on a lowering"),
    belongs: { column: "sanction_id", parent: "sanctions" },
    orderBy: "recorded_at",
  },
  { key: "decisions", table: "decisions", title: t("Besluiten", "Decisions"), belongs: OWN, orderBy: "created_at" },
  {
    key: "decisionWithdrawals",
    table: "decision_withdrawals",
    title: t(
      "Ingetrokken besluiten (de brief is nooit verstuurd, het besluit geldt niet)",
      "Withdrawn decisions (the letter was never sent, the decision does not apply)",
    ),
    belongs: { column: "decision_id", parent: "decisions" },
    orderBy: "withdrawn_at",
  },
  {
    key: "benefitEndStops",
    table: "benefit_end_stops",
    title: t("Wat stopte toen uw uitkering stopte", "What stopped when your benefit ended"),
    belongs: OWN,
    orderBy: "stopped_at",
  },
  { key: "objections", table: "objections", title: t("Bezwaren", "Objections"), belongs: OWN, orderBy: "created_at" },
  {
    key: "objectionHearings",
    table: "objection_hearings",
    title: t("Gesprekken over uw bezwaar", "Hearings on your objection"),
    belongs: { column: "objection_id", parent: "objections" },
    orderBy: "recorded_at",
  },
  {
    key: "letters",
    table: "letters",
    title: t("Brieven (de brieven zelf staan bij Mijn brieven)", "Letters (the letters themselves are under My letters)"),
    belongs: OWN,
    omit: { pdf: "the letter itself: download it from your letters" },
    orderBy: "letter_date",
  },
  {
    key: "letterDeliveries",
    table: "letter_delivery_events",
    title: t("Bezorging van aangetekende brieven", "Delivery of registered letters"),
    belongs: { column: "letter_id", parent: "letters" },
    orderBy: "recorded_at",
  },
  {
    key: "documents",
    table: "documents",
    title: t("Bewijsstukken (alleen naam en soort)", "Evidence (name and kind only)"),
    belongs: OWN,
    omit: { content: "the file itself: ask your consultant for a copy" },
    orderBy: "uploaded_at",
  },
];

/** Tables with a `client_id` column that the export gives in another form, and why. */
export const NOT_EXPORTED_AS_ROWS: Readonly<Record<string, string>> = {
  audit_events: "given as the access log: when, who and why, in plain words (accessLog)",
};

import type { UserRole } from "@shared/enums.js";
import { LIFE_DOMAINS } from "@shared/schemas/intakes.js";
import type { FixtureIds } from "./authorization-fixtures.js";
import { buildClient } from "./factories.js";

/**
 * How one role may use one route:
 * - `any`: allowed whatever the id (the route has no id, or the record is not scoped to the caller, as an
 *   admin's reads or the city-wide roles and match plans): it answers neither 401, 403 nor 404 for the
 *   in-scope and the out-of-scope record;
 * - `scoped`: allowed for the in-scope record; the out-of-scope record does not exist for the caller (404).
 * A role the row does not name is refused by the route's policy: exactly 403 `forbidden`.
 */
export type Access = "any" | "scoped";

/** What each role may do with one route; `anonymous: true` for a route that needs no login (otherwise 401). */
export interface MatrixRow {
  anonymous?: true;
  roles: Partial<Record<UserRole, Access>>;
  /**
   * A write's body valid enough to pass validation, so that scope decides the out-of-scope answer (default `{}`);
   * a function when it names a fixture's id.
   */
  body?: Record<string, unknown> | ((ids: FixtureIds["inScope"]) => Record<string, unknown>);
  /** An upload route: the body is a multipart form with one small PDF in the field `file`. */
  upload?: true;
  /**
   * A query parameter these roles must send (e.g. an admin's reason to open a client's record): without it they are
   * refused with 400 naming it; with it the row's access applies.
   */
  requiredQuery?: { roles: UserRole[]; name: string; value: string };
}

/** The matrix's "today": the test app's clock stands on it and the bodies' dates are on it. */
export const MATRIX_TODAY = "2026-06-15";
const DAY = MATRIX_TODAY;
const TEXT = "Besproken met de cliënt.";
const agreement = {
  startDate: DAY,
  endDate: "2026-12-15",
  hoursPerWeek: 4,
  tasks: "Koffie schenken",
  contactPerson: "Anna",
  guidanceArrangement: "Wekelijks overleg",
};
const role = (organisationId: string) => ({
  organisationId,
  title: "Gastvrouw",
  description: "Koffie schenken en bezoekers ontvangen.",
  hoursPerWeek: 4,
  guidanceLevel: "light",
  places: 2,
  displacementCheck: {
    paidInLastThreeYears: false,
    doneByPaidStaffElsewhere: false,
    wouldOtherwiseBePaid: false,
    partOfPaidService: false,
    recentStaffCuts: false,
  },
});
const intake = {
  heldOn: DAY,
  scores: Object.fromEntries(LIFE_DOMAINS.map((domain) => [domain, 3])),
  travelRadiusKm: 5,
  capacityHoursPerWeek: 8,
  ladderRung: 2,
  growthRung: 3,
};

const A = "any";
const S = "scoped";
const ALL_ROLES = { admin: A, consultant: A, teamLead: A, host: A, client: A, researcher: A, agencyWorker: A } as const;
const PUBLIC: MatrixRow = { anonymous: true, roles: ALL_ROLES };
const EVERYONE: MatrixRow = { roles: ALL_ROLES };
const ADMIN: MatrixRow = { roles: { admin: A } };
/** Staff reads of a client's records: an admin sees every client, consultants and team leads their districts'. */
const STAFF_READ = { admin: A, consultant: S, teamLead: S } as const;
/** The same, and the client their own. */
const CLIENT_FILE_READ: MatrixRow = { roles: { ...STAFF_READ, client: S } };
/** Casework on a client's records: consultants and team leads, in their districts. */
const CASEWORK: MatrixRow = { roles: { consultant: S, teamLead: S } };
/** Casework the client may also do on their own records. */
const CASEWORK_AND_CLIENT: MatrixRow = { roles: { consultant: S, teamLead: S, client: S } };
/** A placement's actions: staff in their districts, the host for its own organisation's placements. */
const PLACEMENT_ACT: MatrixRow = { roles: { consultant: S, teamLead: S, host: S } };
const TEAM_LEAD_DECIDES: MatrixRow = { roles: { teamLead: S } };
/**
 * The same row, and the agency worker for the clients assigned to their agency today: the consultant's casework
 * minus sanctions, decisions and exemptions. The in-scope client is assigned to the worker's agency; the out-of-scope
 * client to the other agency, so it answers 404 (`agencies.db.test.ts` shows a period that ended does too).
 */
const AGENCY = (row: MatrixRow, access: Access = S): MatrixRow => ({ ...row, roles: { ...row.roles, agencyWorker: access } });

/**
 * The authorization matrix: the expected answer of every API route (method and path below /api/v1, as Fastify
 * registers it) for every role and for anonymous callers, in and out of scope. `authorization-matrix.db.test.ts`
 * asks the app for its routes and fails for a route without a row here. Adding a route is adding its line.
 */
const ROWS: Record<string, MatrixRow> = {
  "GET /openapi.json": PUBLIC,
  "GET /health": PUBLIC,
  "GET /health/ready": PUBLIC,
  "POST /sessions": { ...PUBLIC, body: { email: "onderzoeker@demo.local", password: "demo" } },
  "DELETE /sessions/current": EVERYONE,
  "GET /me": EVERYONE,
  "GET /login-methods": PUBLIC,
  "GET /login-methods/digid/start": PUBLIC,
  "GET /login-methods/digid/callback": PUBLIC,
  "GET /login-methods/digid/logout": PUBLIC,
  "GET /login-methods/staff/start": PUBLIC,
  "GET /login-methods/staff/callback": PUBLIC,
  "GET /login-methods/staff/logout": PUBLIC,
  "PUT /me/password": { ...EVERYONE, body: { currentPassword: "onjuist", newPassword: "een-lang-nieuw-wachtwoord" } },
  "GET /clients": AGENCY({ roles: { admin: A, consultant: A, teamLead: A } }, A),
  "POST /clients/_search": AGENCY({ roles: { admin: A, consultant: A, teamLead: A }, body: { q: "999999990" } }, A),
  "POST /clients": { roles: { admin: A, consultant: A, teamLead: A }, body: buildClient() },
  "GET /clients/:id": AGENCY({ roles: { ...STAFF_READ, host: S, client: S } }),
  "GET /clients/:id/status-summary": { roles: { ...STAFF_READ } },
  "PATCH /clients/:id": { roles: { ...STAFF_READ }, body: { phone: "0612345678" } },
  "POST /clients/:id/benefit-end": { roles: { ...STAFF_READ }, body: { benefitEndDate: DAY, reason: "other" } },
  // Undone only with a letter still inside: in scope the answer is 409 (nothing to undo, or the letter's rule).
  "DELETE /clients/:id/benefit-end": { roles: { ...STAFF_READ } },
  "GET /state-pension-ages": { roles: { admin: A, consultant: A, teamLead: A } },
  "PUT /state-pension-ages": { ...ADMIN, body: { items: [{ bornFrom: null, bornUntil: null, years: 67, months: 0 }] } },
  "POST /client-imports": { ...ADMIN, upload: true },
  "GET /client-exports": ADMIN,
  "GET /users": ADMIN,
  "POST /users": {
    ...ADMIN,
    body: { email: "matrix@demo.local", displayName: "Matrix", role: "researcher", password: "een-lang-wachtwoord" },
  },
  "GET /users/:id": ADMIN,
  "PATCH /users/:id": ADMIN,
  "GET /api-tokens": ADMIN,
  "POST /api-tokens": { ...ADMIN, body: (ids) => ({ userId: ids.users, name: "koppeling" }) },
  "DELETE /api-tokens/:id": ADMIN,
  "GET /organisations": AGENCY({ roles: { admin: A, consultant: A, teamLead: A } }, A),
  "GET /organisations/:id": AGENCY({ roles: { admin: A, consultant: A, teamLead: A, host: S } }, A),
  // Only the organisation itself writes what it offers its volunteers; another organisation's is hidden from a host.
  "PATCH /organisations/:id/partner-profile": {
    roles: { host: S },
    body: { trainingOffered: "Hygiënecursus en een training veilig tillen." },
  },
  "GET /organisations/:id/guidance": AGENCY({ roles: { admin: A, consultant: A, teamLead: A, host: S } }, A),
  "POST /organisations": {
    roles: { admin: A, consultant: A },
    body: { name: "Buurthuis", kvkNumber: "12345678", postcode: "3081 AB", houseNumber: 3, guidanceHoursPerWeek: 4 },
  },
  "GET /audit-events": ADMIN,
  "GET /audit-event-exports": ADMIN,
  "GET /clients/:id/letters": CLIENT_FILE_READ,
  "GET /letters/:id/pdf": CLIENT_FILE_READ,
  "POST /letters/:id/deliveries": { ...CASEWORK, body: { status: "delivered" } },
  "GET /me/availability": { roles: { consultant: A, teamLead: A } },
  "PUT /me/availability": {
    roles: { consultant: A, teamLead: A },
    body: { blocks: [{ weekday: 2, startTime: "09:00", endTime: "12:00", location: "Wijkteam" }] },
  },
  "GET /me/appointments": { roles: { consultant: A, teamLead: A } },
  "GET /clients/:id/appointments": AGENCY(CLIENT_FILE_READ),
  "PATCH /appointments/:id": AGENCY({ ...CASEWORK, body: { status: "attended" } }),
  "POST /appointments/:id/reschedule-requests": { roles: { client: S }, body: { reason: TEXT } },
  "GET /clients/:id/overview": { roles: { client: S } },
  "GET /clients/:id/plan-summary": { roles: { client: S } },
  "POST /invitations": { roles: { consultant: A, teamLead: A }, body: (ids) => ({ clientIds: [ids.clients] }) },
  "GET /invitation-batches/:id": CASEWORK,
  "POST /invitation-batches/:id/undo": CASEWORK,
  "POST /invitations/:id/undo": CASEWORK,
  "GET /invitation-batches/:id/letters": CASEWORK,
  "GET /invitation-batches/:id/registered-mail-list": CASEWORK,
  "POST /clients/:id/intakes": AGENCY({ ...CASEWORK, body: intake }),
  "GET /clients/:id/intakes": AGENCY({ roles: STAFF_READ }),
  "GET /clients/:id/ladder-assessments": AGENCY({ roles: STAFF_READ }),
  "GET /clients/:id/plans": AGENCY(CLIENT_FILE_READ),
  "POST /clients/:id/plan-steps": { ...CASEWORK, body: { type: "training", title: "Cursus", hoursPerWeek: 1, startDate: DAY } },
  "PATCH /plan-steps/:id": { ...CASEWORK, body: { title: "Cursus" } },
  "DELETE /plans/:id/confirmation": CASEWORK,
  "POST /plans/:id/confirmation": { ...CASEWORK, body: { reportingFrequencyWeeks: 4 } },
  "POST /clients/:id/check-ins": AGENCY({
    ...CASEWORK,
    body: { heldOn: DAY, channel: "phone", who5: [3, 3, 3, 3, 3], readyForNextStep: false },
  }),
  "GET /clients/:id/check-ins": AGENCY(CLIENT_FILE_READ),
  "POST /clients/:id/portal-check-ins": { roles: { client: S }, body: { who5: [3, 3, 3, 3, 3], needsHelp: false } },
  "GET /work-queue": { roles: { admin: A, consultant: A, teamLead: A } },
  "GET /team": { roles: { admin: A, teamLead: A } },
  "PUT /clients/:id/consultant": { roles: { admin: A, teamLead: S }, body: (ids) => ({ consultantId: ids.users }) },
  "POST /clients/:id/work-queue-dispositions": {
    roles: { consultant: S, teamLead: S },
    body: { disposition: "snoozed", reason: "intakeMissed", snoozedUntil: "2026-06-22", note: TEXT },
  },
  "GET /roles": AGENCY({ roles: { admin: A, consultant: A, teamLead: A, host: A } }, A),
  "POST /roles": { roles: { admin: A, consultant: A, host: A }, body: (ids) => role(ids.organisations) },
  "GET /roles/:id": AGENCY({ roles: { admin: A, consultant: A, teamLead: A, host: S } }, A),
  "POST /roles/:id/displacement-reviews": { roles: { admin: A, teamLead: A }, body: { outcome: "approved", reason: TEXT } },
  "DELETE /roles/:id/displacement-reviews/latest": { roles: { admin: A, teamLead: A } },
  "POST /roles/:id/displacement-complaints": { ...PUBLIC, body: { filerKind: "resident", description: TEXT } },
  "GET /roles/:id/displacement-complaints": { roles: { admin: A, teamLead: A } },
  "POST /displacement-complaints/:id/decision": { roles: { admin: A, teamLead: A }, body: { outcome: "dismissed", reason: TEXT } },
  "DELETE /displacement-complaints/:id/decision": { roles: { admin: A, teamLead: A } },
  "GET /placements": AGENCY({ roles: { admin: A, consultant: A, teamLead: A, host: A } }, A),
  "GET /clients/:id/role-options": CASEWORK,
  "POST /placements": AGENCY({ roles: { consultant: A, teamLead: A }, body: (ids) => ({ clientId: ids.clients, roleId: ids.roles }) }, A),
  "GET /placements/:id": AGENCY({ roles: { ...STAFF_READ, host: S } }),
  "POST /placements/:id/undo": AGENCY(CASEWORK),
  "POST /placements/:id/accept": AGENCY(PLACEMENT_ACT),
  "POST /placements/:id/decline": AGENCY({ ...PLACEMENT_ACT, body: { reason: TEXT } }),
  "POST /placements/:id/start": AGENCY({ ...PLACEMENT_ACT, body: { agreement } }),
  "POST /placements/:id/agreements": AGENCY({ ...PLACEMENT_ACT, body: { agreement } }),
  "POST /placements/:id/agreement/signatures": { roles: { consultant: S, teamLead: S, host: S, client: S }, body: { party: "client" } },
  "POST /placements/:id/end": AGENCY({ ...PLACEMENT_ACT, body: { reason: "completed" } }),
  "POST /placements/:id/attribution": { ...CASEWORK, body: { attributableTo: "none", reasons: TEXT, clientAccount: TEXT } },
  // Undoing an action that sent a letter: its author or a team lead (a rule's 403 for anyone else), in scope.
  "DELETE /placements/:id/agreement": AGENCY(PLACEMENT_ACT),
  "DELETE /placements/:id/agreement/signatures/municipality": CASEWORK,
  "DELETE /placements/:id/attribution": CASEWORK,
  "POST /placements/:id/notes": AGENCY({ ...PLACEMENT_ACT, body: { note: TEXT } }),
  "GET /clients/:id/placements": AGENCY(CLIENT_FILE_READ),
  "POST /placements/:id/client-side": { roles: { client: S }, body: { account: TEXT, reason: "travel" } },
  "POST /placements/:id/feedback": { roles: { client: S }, body: { rating: 4, comment: TEXT } },
  "GET /organisations/:id/feedback": { roles: { admin: A, consultant: A, teamLead: A, host: S } },
  // The fixture's placement is active (its introduction was never recorded: that is before the start, 409 for all).
  // An agency worker records these facts of their clients' placements, as they record the placement's end.
  "POST /placements/:id/introduction": AGENCY({
    ...PLACEMENT_ACT,
    body: {
      heldOn: DAY,
      attendees: "Deelnemer, contactpersoon",
      contactPerson: "Anna",
      clientVerdict: "positive",
      hostVerdict: "positive",
    },
  }),
  "POST /placements/:id/host-check-in": AGENCY({ ...PLACEMENT_ACT, body: { heldOn: DAY, note: TEXT } }),
  "GET /placements/:id/agreement/document": AGENCY(PLACEMENT_ACT),
  "GET /placements/:id/expenses": { roles: { ...STAFF_READ, host: S } },
  "POST /placements/:id/expenses": { ...PLACEMENT_ACT, body: { kind: "travel", period: "2026-06", amount: 10 } },
  "POST /placements/:id/expense-payments": {
    ...PLACEMENT_ACT,
    body: { expenseId: "00000000-0000-4000-8000-000000000000", paidOn: DAY },
  },
  "GET /volunteer-allowance-limits": { roles: { admin: A, consultant: A, teamLead: A, host: A } },
  "PUT /volunteer-allowance-limits": {
    ...ADMIN,
    body: { year: 2027, hourlyAmount: 5.6, monthlyAmount: 210, yearlyAmount: 2100, source: "Belastingdienst" },
  },
  "GET /organisations/:id/municipal-support": { roles: { admin: A, consultant: A, teamLead: A, host: S } },
  "POST /organisations/:id/municipal-support": {
    roles: { admin: A, teamLead: A },
    body: { hoursPerWeek: 2, startsOn: DAY, endsOn: "2026-12-31", description: "Vrijwilligerscoach ingekocht" },
  },
  "GET /organisation-outcomes": { roles: { admin: A, teamLead: A } },
  "POST /clients/:id/contributions": { ...CASEWORK, body: { kind: "ownInitiative", description: TEXT, hoursPerWeek: 1, since: DAY } },
  "GET /clients/:id/contributions": AGENCY(CLIENT_FILE_READ),
  "POST /contributions/:id/undo": CASEWORK,
  "GET /buddies": { roles: { admin: A, consultant: A, teamLead: A } },
  "POST /clients/:id/buddies": {
    ...CASEWORK,
    body: { trainedOn: DAY, since: DAY, hoursPerWeek: 1, maxPairings: 1, contactPhone: "0612345678" },
  },
  // The client sees their own pairings; a buddy's view of the person they support is tested in buddies.db.test.ts.
  "GET /clients/:id/buddy-pairings": CLIENT_FILE_READ,
  "POST /buddy-pairings": {
    roles: { consultant: A, teamLead: A },
    body: (ids) => ({ buddyId: ids.buddies, clientId: ids.clients, contactPhone: "0612345678" }),
  },
  "POST /buddy-pairings/:id/meetings": { roles: { consultant: S, teamLead: S, client: S }, body: { heldOn: DAY, hours: 1 } },
  "POST /buddy-pairings/:id/end": { roles: { consultant: S, teamLead: S, client: S } },
  // The in-scope client is a buddy: they end their own agreement; another client's is hidden from them.
  "POST /buddies/:id/end": { roles: { consultant: S, teamLead: S, client: S } },
  // The in-scope buddy has a pairing: undoing the agreement answers 409 buddyAgreementInUse, and it stays.
  "POST /buddies/:id/undo": CASEWORK,
  "GET /ordinance": EVERYONE,
  "POST /ordinance/versions": ADMIN,
  "GET /clients/:id/exemptions": CLIENT_FILE_READ,
  "POST /clients/:id/exemptions": {
    ...CASEWORK,
    body: { scope: "full", startDate: DAY, reviewDate: "2026-09-15", type: "crisis", reason: TEXT },
  },
  "POST /clients/:id/exemption-requests": { ...CASEWORK_AND_CLIENT, body: { type: "crisis", reason: TEXT } },
  "GET /exemptions": { roles: { admin: A, consultant: A, teamLead: A } },
  "POST /exemptions/:id/decisions": { ...CASEWORK, body: { outcome: "refused", note: TEXT } },
  "POST /exemptions/:id/medical-advice": {
    ...CASEWORK,
    body: { advisorKind: "independentDoctor", advisorName: "Dr. Jansen", advisedOn: DAY, conclusion: TEXT },
  },
  "POST /exemptions/:id/co-signatures": TEAM_LEAD_DECIDES,
  "POST /exemptions/:id/end": { ...CASEWORK, body: { endedOn: DAY, reason: TEXT } },
  "POST /exemptions/:id/extension-refusal": { ...CASEWORK, body: { reason: TEXT } },
  "POST /exemptions/:id/undo": CASEWORK,
  "POST /exemptions/:id/documents": { ...CASEWORK_AND_CLIENT, upload: true },
  "GET /clients/:id/caregiving": CLIENT_FILE_READ,
  "POST /clients/:id/caregiving": {
    ...CASEWORK,
    body: { relation: "parent", hoursPerWeek: 4, since: DAY, beyondCustomaryCare: true, judgementReason: TEXT },
  },
  "POST /caregiving/:id/end": { ...CASEWORK, body: { endedOn: DAY } },
  "POST /caregiving/:id/undo": CASEWORK,
  "GET /clients/:id/activity-proposals": AGENCY(CLIENT_FILE_READ),
  "POST /clients/:id/activity-proposals": {
    ...CASEWORK_AND_CLIENT,
    body: { kind: "course", description: TEXT, place: "Buurthuis", hoursPerWeek: 2, since: DAY },
  },
  "POST /activity-proposals/:id/decision": { ...CASEWORK, body: { outcome: "declined", reasons: TEXT } },
  "DELETE /activity-proposals/:id/decision": CASEWORK,
  "POST /activity-proposals/:id/documents": { ...CASEWORK_AND_CLIENT, upload: true },
  "GET /clients/:id/accountability-requests": CLIENT_FILE_READ,
  "GET /clients/:id/data-export": CLIENT_FILE_READ,
  "GET /clients/:id/access-log": CLIENT_FILE_READ,
  "POST /accountability-requests/:id/responses": { ...CASEWORK_AND_CLIENT, body: { continues: true } },
  "POST /accountability-requests/:id/documents": { ...CASEWORK_AND_CLIENT, upload: true },
  "GET /documents/:id": CASEWORK_AND_CLIENT,
  "GET /scheduler/runs": ADMIN,
  "POST /scheduler/runs": ADMIN,
  "GET /clients/:id/sanctions": CLIENT_FILE_READ,
  "POST /clients/:id/sanctions": {
    ...CASEWORK,
    body: { ground: "insufficientEffort", factsDate: DAY, facts: TEXT, culpability: "full", circumstances: TEXT, urgentReasons: false },
  },
  "GET /sanctions": { roles: { admin: A, teamLead: A } },
  "GET /reports/annual": { roles: { admin: A, teamLead: A, researcher: A } },
  "GET /statistics/effects": { roles: { admin: A, consultant: A, teamLead: A, researcher: A } },
  "GET /sanctions/:id": CLIENT_FILE_READ,
  // Figures: researchers and admins for the city, consultants and team leads for their own districts (403 for another).
  "GET /statistics/overview": { roles: { admin: A, consultant: A, teamLead: A, researcher: A } },
  "POST /sanctions/:id/hearing-invitation": CASEWORK,
  "POST /sanctions/:id/hearing": { ...CASEWORK_AND_CLIENT, body: { heldOn: DAY, channel: "phone", record: TEXT } },
  "POST /sanctions/:id/decision": { ...TEAM_LEAD_DECIDES, body: { outcome: "refrained", reasons: TEXT } },
  "POST /sanctions/:id/decision-letter": TEAM_LEAD_DECIDES,
  "POST /sanctions/:id/reconsideration": { ...TEAM_LEAD_DECIDES, body: { outcome: "maintained", note: TEXT } },
  "DELETE /sanctions/:id/hearing-invitation": CASEWORK,
  "DELETE /sanctions/:id/decision": CASEWORK,
  "DELETE /sanctions/:id/reconsideration": CASEWORK,
  "GET /clients/:id/decisions": CLIENT_FILE_READ,
  "GET /decisions/:id": CLIENT_FILE_READ,
  "POST /decisions/:id/objections": { ...CASEWORK_AND_CLIENT, body: { receivedOn: DAY, grounds: TEXT } },
  "GET /objections/:id": CLIENT_FILE_READ,
  "POST /objections/:id/lateness": { ...CASEWORK, body: { excusable: true, reasons: TEXT } },
  "POST /objections/:id/postponement": { ...CASEWORK, body: { reasons: TEXT } },
  "POST /objections/:id/consent-extension": { ...CASEWORK, body: { consentGivenOn: DAY, decideBy: "2026-09-15", note: TEXT } },
  "POST /objections/:id/hearing-invitation": CASEWORK,
  "POST /objections/:id/hearings": { ...CASEWORK, body: { heldOn: DAY, record: TEXT } },
  "POST /objections/:id/hearing-waiver": { ...CASEWORK, body: { reason: "waived", note: TEXT } },
  "POST /objections/:id/outcome": { ...TEAM_LEAD_DECIDES, body: { outcome: "unfounded", reasons: TEXT } },
  "DELETE /objections/:id/postponement": CASEWORK,
  "DELETE /objections/:id/hearing-invitation": CASEWORK,
  "DELETE /objections/:id/outcome": TEAM_LEAD_DECIDES,
  "GET /clients/:id/suggestions": AGENCY(CASEWORK),
  "GET /match-plans": { roles: { admin: A, consultant: A, teamLead: A } },
  "POST /match-plans": { roles: { admin: A, teamLead: A } },
  "GET /match-plans/:id": { roles: { admin: A, consultant: A, teamLead: A } },
  "GET /match-plans/:id/proposals": { roles: { admin: A, consultant: A, teamLead: A } },
  "POST /match-proposals/:id/accept": CASEWORK,
  "POST /match-proposals/:id/reject": { ...CASEWORK, body: { reasonCode: "poorFit", reason: TEXT } },
  "GET /notifications": ADMIN,
  "POST /notifications/:id/retry": ADMIN,
  "GET /clients/:id/contact": AGENCY(CLIENT_FILE_READ),
  "PATCH /clients/:id/contact": { ...CLIENT_FILE_READ, body: { preferredLanguage: "en" } },
  "GET /research-export": { roles: { researcher: A } },
  "GET /research-export/dictionary": { roles: { researcher: A } },
  "POST /research-exports": { roles: { researcher: A }, body: { from: "2026-05-01", to: "2026-05-31" } },
  "GET /research-exports/:id": { roles: { researcher: S } },
  "GET /research-exports/:id/file": { roles: { researcher: S } },
  // Intermediary agencies: admins register them, team leads assign clients and read results, a worker their own agency.
  "GET /agencies": { roles: { admin: A, teamLead: A, agencyWorker: A } },
  "POST /agencies": { ...ADMIN, body: { name: "Bureau Matrix", district: "Charlois" } },
  "GET /agencies/:id": { roles: { admin: A, teamLead: A, agencyWorker: S } },
  // Admins keep an agency's registration up to date; an agency worker never changes it.
  "PATCH /agencies/:id": { ...ADMIN, body: { district: "Charlois" } },
  "GET /agencies/:id/assignments": { roles: { admin: A, teamLead: A, agencyWorker: S } },
  "POST /agencies/:id/assignments": {
    roles: { teamLead: A },
    body: (ids) => ({
      clientId: ids.clients,
      startDate: DAY,
      endDate: "2026-12-15",
      contract: { intakeWithinDays: 28, placementWithinDays: 90, placementMinWeeks: 13 },
    }),
  },
  "GET /agency-results": { roles: { admin: A, teamLead: A } },
  // Team leads end an assignment of a client of their districts; never an admin or the agency's worker. The date
  // before the fixture's start is refused after scope, so the in-scope assignment stays for the other rows.
  "POST /agency-assignments/:id/end": { roles: { teamLead: S }, body: { endedOn: "2026-06-14", reason: "workFound" } },
};

/** An admin opens a client's record, or any part of it (its plans, letters, sanctions, …), only for a named task. */
const FOR_A_TASK: MatrixRow["requiredQuery"] = { roles: ["admin"], name: "accessReason", value: "dataRequest" };
const readsClientRecord = (key: string) => key === "GET /clients/:id" || key.startsWith("GET /clients/:id/");

export const AUTHORIZATION_MATRIX: Record<string, MatrixRow> = Object.fromEntries(
  Object.entries(ROWS).map(([key, row]) => [key, readsClientRecord(key) && row.roles.admin ? { ...row, requiredQuery: FOR_A_TASK } : row]),
);

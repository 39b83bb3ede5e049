import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { nowIso } from "@server/clock.js";
import type { Database } from "@server/db/schema.js";
import { NOTHING_DECIDED_YET } from "@server/domains/sanctions/sanctions.repo.js";
import { USER_ROLES, type UserRole } from "@shared/enums.js";
import type { Kysely } from "kysely";
import { expectDefined } from "./expect-defined.js";
import { bearerFor, type TestApp } from "./test-app.js";

/** The demo account that acts in each role. */
export const MATRIX_ACCOUNTS: Record<UserRole, string> = {
  admin: "admin@demo.local",
  consultant: "consulent@demo.local",
  teamLead: "teamleider@demo.local",
  host: "organisatie@demo.local",
  client: "klant@demo.local",
  researcher: "onderzoeker@demo.local",
  agencyWorker: "bemiddelaar@demo.local",
};

/**
 * The resources a path id can name, by the path segment before `:id`. A route whose id follows another segment
 * has no fixture, and the matrix and the fuzz fail naming it: add the resource here and in `buildFixtureIds`.
 */
export const ID_RESOURCES = [
  "clients",
  "organisations",
  "users",
  "api-tokens",
  "letters",
  "appointments",
  "plan-steps",
  "plans",
  "roles",
  "displacement-complaints",
  "placements",
  "exemptions",
  "caregiving",
  "contributions",
  "accountability-requests",
  "documents",
  "sanctions",
  "decisions",
  "objections",
  "match-plans",
  "match-proposals",
  "activity-proposals",
  "notifications",
  "research-exports",
  "invitation-batches",
  "invitations",
  "agencies",
  "agency-assignments",
  "buddies",
  "buddy-pairings",
] as const;
export type IdResource = (typeof ID_RESOURCES)[number];

/**
 * Two worlds of one id each per resource. `inScope` is seen by every role's account: the demo client's own
 * records (Charlois, the consultant's and team lead's district), placed at the demo host organisation.
 * `outOfScope` belongs to a client of another district and consultant, placed at another organisation. The in-scope
 * client is assigned today to the agency worker's agency; the out-of-scope client to the other agency.
 */
export interface FixtureIds {
  inScope: Record<IdResource, string>;
  outOfScope: Record<IdResource, string>;
}

export interface AuthorizationFixtures {
  headers: Record<UserRole, { authorization: string }>;
  ids: FixtureIds;
}

/** The resource a route's `:id` names, or undefined when the path has no id. */
export function idResourceOf(path: string): IdResource | "unknown" | undefined {
  const segments = path.split("/");
  const at = segments.indexOf(":id");
  if (at < 0) return undefined;
  const resource = segments[at - 1];
  return (ID_RESOURCES as readonly string[]).includes(resource ?? "") ? (resource as IdResource) : "unknown";
}

/** The route's path with its `:id` replaced by the given id. */
export function pathWithId(path: string, id: string): string {
  return path.replace(":id", id);
}

/** Logs every matrix account in and finds or makes one row per resource in each world. */
export async function buildAuthorizationFixtures(t: TestApp): Promise<AuthorizationFixtures> {
  const headers = {} as Record<UserRole, { authorization: string }>;
  for (const role of USER_ROLES) headers[role] = await bearerFor(t.app, MATRIX_ACCOUNTS[role]);
  return { headers, ids: await buildFixtureIds(t, headers.admin) };
}

/** An API token for the user, made by the admin. */
async function apiTokenFor(t: TestApp, admin: { authorization: string }, userId: string): Promise<string> {
  const response = await t.app.inject({ method: "POST", url: "/api/v1/api-tokens", headers: admin, payload: { userId, name: "matrix" } });
  if (response.statusCode !== 201) throw new Error(`api token: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}

async function buildFixtureIds(t: TestApp, adminHeaders: { authorization: string }): Promise<FixtureIds> {
  const k = t.db.kysely;
  const account = (email: string) => k.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
  const admin = await account(MATRIX_ACCOUNTS.admin);
  const consultant = await account(MATRIX_ACCOUNTS.consultant);
  const teamLead = await account(MATRIX_ACCOUNTS.teamLead);
  const host = await account(MATRIX_ACCOUNTS.host);
  const client = await account(MATRIX_ACCOUNTS.client);
  const researcher = await account(MATRIX_ACCOUNTS.researcher);
  const staffDistricts = (
    await k.selectFrom("user_districts").select("district").where("user_id", "in", [consultant.id, teamLead.id]).execute()
  ).map((r) => r.district);
  const hasRows = (table: "letters" | "appointments" | "plan_steps" | "decisions") => k.selectFrom(table).select("client_id");
  const outsider = await k
    .selectFrom("clients")
    .select(["id", "consultant_id"])
    .where("district", "not in", staffDistricts)
    .where("consultant_id", "not in", [consultant.id, teamLead.id])
    .where("id", "in", hasRows("letters"))
    .where("id", "in", hasRows("appointments"))
    .where("id", "in", hasRows("plan_steps"))
    .where("id", "in", hasRows("decisions"))
    .orderBy("id")
    .executeTakeFirst();
  const otherOrganisation = await k
    .selectFrom("organisations")
    .select("id")
    .where("id", "!=", expectDefined(host.organisation_id))
    .where("id", "in", k.selectFrom("volunteer_roles").select("organisation_id"))
    .orderBy("id")
    .executeTakeFirst();
  const otherUser = await k
    .selectFrom("users")
    .select("id")
    .where("role", "=", "consultant")
    .where("id", "!=", consultant.id)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const world = {
    inScope: { clientId: expectDefined(client.client_id), organisationId: expectDefined(host.organisation_id), userId: consultant.id },
    outOfScope: {
      clientId: expectDefined(outsider, "a client outside the staff's districts with a history").id,
      organisationId: expectDefined(otherOrganisation, "a second organisation with roles").id,
      userId: otherUser.id,
    },
  };
  const agencyWorker = await account(MATRIX_ACCOUNTS.agencyWorker);
  const otherAgency = await k
    .selectFrom("agencies")
    .select("id")
    .where("id", "!=", expectDefined(agencyWorker.agency_id))
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const agencyOf = { inScope: expectDefined(agencyWorker.agency_id), outOfScope: otherAgency.id };
  for (const side of ["inScope", "outOfScope"] as const) {
    await k
      .insertInto("agency_assignments")
      .values({
        id: deterministicUuid(`${side}:agency-assignment`),
        agency_id: agencyOf[side],
        client_id: world[side].clientId,
        start_date: t.clock.today(),
        end_date: t.clock.today(),
        intake_within_days: 28,
        placement_within_days: 90,
        placement_min_weeks: 13,
        assigned_by: teamLead.id,
        created_at: nowIso(t.clock),
      })
      .execute();
  }
  const build = async (side: "inScope" | "outOfScope"): Promise<Record<IdResource, string>> => {
    const { clientId, organisationId, userId } = world[side];
    const first = async (table: "letters" | "appointments" | "plans" | "plan_steps" | "decisions") =>
      (await k.selectFrom(table).select("id").where("client_id", "=", clientId).orderBy("id").executeTakeFirstOrThrow()).id;
    const role = await k
      .selectFrom("volunteer_roles")
      .selectAll()
      .where("organisation_id", "=", organisationId)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const made = await insertWorldRows(t, {
      clientId,
      organisationId,
      role,
      staffId: consultant.id,
      adminId: admin.id,
      researcherId: researcher.id,
      side,
    });
    return {
      clients: clientId,
      organisations: organisationId,
      users: userId,
      "api-tokens": await apiTokenFor(t, adminHeaders, userId),
      letters: await first("letters"),
      appointments: await first("appointments"),
      "plan-steps": await first("plan_steps"),
      plans: await first("plans"),
      decisions: await first("decisions"),
      roles: role.id,
      agencies: agencyOf[side],
      "agency-assignments": deterministicUuid(`${side}:agency-assignment`),
      ...made,
    };
  };
  return { inScope: await build("inScope"), outOfScope: await build("outOfScope") };
}

type MadeResource =
  | "placements"
  | "displacement-complaints"
  | "exemptions"
  | "caregiving"
  | "contributions"
  | "accountability-requests"
  | "documents"
  | "sanctions"
  | "objections"
  | "match-plans"
  | "match-proposals"
  | "activity-proposals"
  | "notifications"
  | "research-exports"
  | "invitation-batches"
  | "invitations"
  | "buddies"
  | "buddy-pairings";

/** The records the demo population without history lacks, made for one world's client, organisation and role. */
async function insertWorldRows(
  t: TestApp,
  world: {
    clientId: string;
    organisationId: string;
    role: { id: string; guidance_level: Database["volunteer_roles"]["guidance_level"] };
    staffId: string;
    adminId: string;
    researcherId: string;
    side: string;
  },
): Promise<Record<MadeResource, string>> {
  const k: Kysely<Database> = t.db.kysely;
  const now = nowIso(t.clock);
  const today = t.clock.today();
  const id = (name: string) => deterministicUuid(`${world.side}:${name}`);
  const { clientId, staffId } = world;
  const letter = (await k.selectFrom("letters").select("id").where("client_id", "=", clientId).orderBy("id").executeTakeFirstOrThrow()).id;
  const decision = (await k.selectFrom("decisions").select("id").where("client_id", "=", clientId).orderBy("id").executeTakeFirstOrThrow())
    .id;
  const ordinanceVersion = (await k.selectFrom("ordinance_versions").select("version").orderBy("version", "desc").executeTakeFirstOrThrow())
    .version;
  const ids: Record<MadeResource, string> = {
    placements: id("placement"),
    "displacement-complaints": id("complaint"),
    exemptions: id("exemption"),
    caregiving: id("caregiving"),
    // The buddy's contribution, made with the buddy below: its letter is printed, so undoing it answers 409.
    contributions: id("buddy-contribution"),
    "accountability-requests": id("accountability"),
    documents: id("document"),
    sanctions: id("sanction"),
    objections: id("objection"),
    "match-plans": id("match-plan"),
    "match-proposals": id("match-proposal"),
    "activity-proposals": id("activity-proposal"),
    notifications: id("notification"),
    "research-exports": id("research-export"),
    "invitation-batches": id("invitation-batch"),
    invitations: id("invitation"),
    buddies: id("buddy"),
    "buddy-pairings": id("buddy-pairing"),
  };
  await k
    .insertInto("placements")
    .values({
      id: ids.placements,
      client_id: clientId,
      role_id: world.role.id,
      organisation_id: world.organisationId,
      status: "active",
      hours_per_week: 2,
      guidance_level: world.role.guidance_level,
      guidance_override_reason: null,
      proposed_by: staffId,
      decision_reason: null,
      decided_by: null,
      started_on: today,
      ended_on: null,
      end_reason: null,
      end_note: null,
      attributable_to: null,
      ordinance_version: ordinanceVersion,
      host_view_attribution: null,
      attribution_reasons: null,
      attribution_client_account: null,
      attribution_heard_on: null,
      attribution_channel: null,
      attribution_determined_by: null,
      attribution_determined_on: null,
      attribution_decision_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await k
    .insertInto("placement_agreements")
    .values({
      id: id("agreement"),
      placement_id: ids.placements,
      version: 1,
      start_date: today,
      end_date: today,
      hours_per_week: 2,
      tasks: "Koffie schenken",
      contact_person: "Anna",
      guidance_arrangement: "Wekelijks overleg",
      letter_id: letter,
      signed_by: staffId,
      signed_at: now,
      client_signed_on: null,
      client_signed_by: null,
      host_signed_on: null,
      host_signed_by: null,
      municipality_signed_on: null,
      municipality_signed_by: null,
      decision_id: null,
    })
    .execute();
  await k
    .insertInto("displacement_complaints")
    .values({
      id: ids["displacement-complaints"],
      role_id: world.role.id,
      filed_by: null,
      filer_kind: "resident",
      filer_name: null,
      filer_email: null,
      description: "Dit werk deed vroeger een betaalde kracht.",
      status: "open",
      decided_by: null,
      decision_reason: null,
      decided_at: null,
      created_at: now,
    })
    .execute();
  await k
    .insertInto("exemptions")
    .values({
      id: ids.exemptions,
      client_id: clientId,
      type: "crisis",
      scope: "full",
      max_hours_per_week: null,
      start_date: today,
      end_date: null,
      review_date: today,
      reason: "Acute crisis in het gezin.",
      status: "requested",
      requested_by: staffId,
      decided_by: null,
      decided_at: null,
      decision_note: null,
      co_signed_by: null,
      co_signed_at: null,
      ended_on: null,
      end_reason: null,
      ordinance_version: ordinanceVersion,
      created_at: now,
      updated_at: now,
      covers_tegenprestatie: 1,
      covers_work_obligations: 0,
      child_birth_date: null,
      unmet_condition: null,
    })
    .execute();
  await k
    .insertInto("caregiving")
    .values({
      id: ids.caregiving,
      client_id: clientId,
      relation: "parent",
      description: null,
      hours_per_week: 6,
      since: today,
      beyond_customary_care: 1,
      judgement_reason: "Dagelijkse zorg voor een ouder.",
      judged_by: staffId,
      status: "active",
      ended_on: null,
      created_at: now,
    })
    .execute();
  await k
    .insertInto("accountability_requests")
    .values({
      id: ids["accountability-requests"],
      client_id: clientId,
      subject_type: "caregiving",
      subject_id: ids.caregiving,
      requested_on: today,
      ordinance_version: ordinanceVersion,
      letter_id: letter,
      reminded_on: null,
      reminder_letter_id: null,
      status: "open",
      responded_on: null,
      response: null,
      responded_by: null,
      created_at: now,
    })
    .execute();
  const content = Buffer.from("%PDF-1.4\n%matrix\n");
  await k
    .insertInto("documents")
    .values({
      id: ids.documents,
      client_id: clientId,
      subject_type: "exemption",
      subject_id: ids.exemptions,
      filename: "advies.pdf",
      media_type: "application/pdf",
      size_bytes: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
      content,
      uploaded_by: staffId,
      uploaded_at: now,
    })
    .execute();
  await k
    .insertInto("sanctions")
    .values({
      id: ids.sanctions,
      client_id: clientId,
      ground: "insufficientEffort",
      facts_date: today,
      facts: "De afgesproken stap is niet gedaan.",
      appointment_id: null,
      placement_id: null,
      letter_id: null,
      culpability: "full",
      circumstances: "Geen bijzondere omstandigheden bekend.",
      children_interests: null,
      urgent_reasons: 0,
      urgent_reasons_note: null,
      recurrence: 1,
      proposed_by: staffId,
      proposed_at: now,
      status: "proposed",
      ...NOTHING_DECIDED_YET,
      plan_id: null,
      plan_step_id: null,
      not_done: null,
    })
    .execute();
  await k
    .insertInto("objections")
    .values({
      id: ids.objections,
      decision_id: decision,
      client_id: clientId,
      received_on: today,
      posted_on: today,
      grounds: "Ik ben het niet eens met dit besluit.",
      representative: null,
      on_time: 1,
      lateness_excusable: null,
      lateness_reasons: null,
      objection_term_ends_on: today,
      decide_by: today,
      advisory_committee: 0,
      postponed: 0,
      postponement_letter_id: null,
      postponement_reasons: null,
      consent_given_on: null,
      consent_note: null,
      hearing_invitation_letter_id: null,
      hearing_skip_reason: null,
      hearing_skip_note: null,
      outcome: null,
      outcome_on: null,
      outcome_reasons: null,
      outcome_decision_id: null,
      registered_by: staffId,
      created_at: now,
    })
    .execute();
  await k
    .insertInto("match_plans")
    .values({
      id: ids["match-plans"],
      district: null,
      status: "done",
      progress: 1,
      summary: null,
      error: null,
      requested_by: world.adminId,
      created_at: now,
      finished_at: now,
    })
    .execute();
  await k
    .insertInto("match_proposals")
    .values({
      id: ids["match-proposals"],
      plan_id: ids["match-plans"],
      client_id: clientId,
      role_id: world.role.id,
      hours_per_week: 2,
      cost: 1,
      reasons: "[]",
      status: "pending",
      reject_reason: null,
      reject_reason_code: null,
      placement_id: null,
      decided_by: null,
      decided_at: null,
    })
    .execute();
  await k
    .insertInto("activity_proposals")
    .values({
      id: ids["activity-proposals"],
      client_id: clientId,
      kind: "course",
      relation: null,
      description: "Een cursus Nederlands in het buurthuis.",
      place: "Buurthuis",
      hours_per_week: 2,
      since: today,
      contact: null,
      status: "pending",
      proposed_by: staffId,
      proposed_by_client: 0,
      accepted_hours_per_week: null,
      decision_reasons: null,
      decided_by: null,
      decided_on: null,
      decision_id: null,
      contribution_id: null,
      caregiving_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await k
    .insertInto("notifications")
    .values({
      id: ids.notifications,
      client_id: clientId,
      kind: "letterReady",
      subject_type: "letter",
      subject_id: letter,
      channel: "email",
      recipient: "klant@example.nl",
      language: "nl",
      facts: "{}",
      status: "failed",
      attempts: 8,
      next_attempt_at: now,
      last_error: "550 mailbox unavailable",
      created_at: now,
      sent_at: null,
      failed_at: now,
    })
    .execute();
  // An invitation batch of the world's client: its one letter is printed and put on the registered mail list. Printed
  // already, so undoing it answers 409 whichever route comes first, and the batch stays for the routes after it.
  await k.updateTable("letters").set({ printed_at: now }).where("id", "=", letter).execute();
  const appointment = await k
    .selectFrom("appointments")
    .select("id")
    .where("client_id", "=", clientId)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const sequence = await k
    .selectFrom("invitations")
    .select((eb) => eb.fn.max<number>("sequence").as("last"))
    .where("client_id", "=", clientId)
    .executeTakeFirst();
  await k
    .insertInto("invitations")
    .values({
      id: ids.invitations,
      client_id: clientId,
      sequence: Number(sequence?.last ?? 0) + 1,
      appointment_id: appointment.id,
      letter_id: letter,
      batch_id: ids["invitation-batches"],
      created_by: staffId,
      created_at: now,
    })
    .execute();
  // The researcher's own export in scope; another account's export is absent for them.
  await k
    .insertInto("research_exports")
    .values({
      id: ids["research-exports"],
      requested_by: world.side === "inScope" ? world.researcherId : world.adminId,
      period_from: "2026-01-01",
      period_to: "2026-03-31",
      status: "done",
      progress: 1,
      summary: JSON.stringify({
        rowCount: 0,
        clients: 0,
        suppressedRows: 0,
        smallestGroup: null,
        generalisation: { ageBand: "fiveYears", district: "district", benefitBand: "fine", household: "situation" },
      }),
      csv_gzip: gzipSync("pseudonym,month\r\n"),
      error: null,
      created_at: now,
      finished_at: now,
    })
    .execute();
  await insertBuddyPairing(k, { ...world, letter, decision, now, today, buddyId: ids.buddies, pairingId: ids["buddy-pairings"], id });
  return ids;
}

/**
 * The world's client is a buddy (so they can end their own agreement from the portal) who supports another client of
 * the district, and has recorded a meeting with them.
 */
async function insertBuddyPairing(
  k: Kysely<Database>,
  w: {
    clientId: string;
    staffId: string;
    letter: string;
    decision: string;
    now: string;
    today: string;
    buddyId: string;
    pairingId: string;
    id: (name: string) => string;
  },
): Promise<void> {
  const { district } = await k.selectFrom("clients").select("district").where("id", "=", w.clientId).executeTakeFirstOrThrow();
  const supported = await k
    .selectFrom("clients")
    .select("id")
    .where("district", "=", district)
    .where("id", "!=", w.clientId)
    .orderBy("id")
    .executeTakeFirstOrThrow();
  const contributionId = w.id("buddy-contribution");
  await k
    .insertInto("contributions")
    .values({
      id: contributionId,
      client_id: w.clientId,
      kind: "peerBuddy",
      organisation_id: null,
      organisation_name: "Maatjes",
      description: "Maatje",
      hours_per_week: 2,
      since: w.today,
      status: "active",
      ended_on: null,
      letter_id: w.letter,
      created_by: w.staffId,
      created_at: w.now,
    })
    .execute();
  await k
    .insertInto("buddies")
    .values({
      id: w.buddyId,
      client_id: w.clientId,
      contribution_id: contributionId,
      decision_id: w.decision,
      trained_on: w.today,
      since: w.today,
      max_pairings: 3,
      contact_phone: "0612345678",
      contact_email: null,
      availability: null,
      status: "active",
      ended_on: null,
      created_by: w.staffId,
      created_at: w.now,
    })
    .execute();
  await k
    .insertInto("buddy_pairings")
    .values({
      id: w.pairingId,
      buddy_id: w.buddyId,
      client_id: supported.id,
      buddy_client_id: w.clientId,
      contact_phone: "0687654321",
      contact_email: null,
      paired_on: w.today,
      paired_by: w.staffId,
      status: "active",
      ended_on: null,
      ended_by_side: null,
      ended_by: null,
      created_at: w.now,
      updated_at: w.now,
    })
    .execute();
  await k
    .insertInto("buddy_meetings")
    .values({
      id: w.id("buddy-meeting"),
      pairing_id: w.pairingId,
      held_on: w.today,
      hours: 1.5,
      recorded_by: null,
      recorded_by_side: "buddy",
      created_at: w.now,
    })
    .execute();
}

/** A UUID-shaped id derived from a name, so the fixtures' ids are the same on every run. */
function deterministicUuid(name: string): string {
  const hex = createHash("sha256").update(`authorization-matrix:${name}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

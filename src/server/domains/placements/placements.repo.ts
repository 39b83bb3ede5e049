import type { Actor } from "@server/auth/actor.js";
import type { Database, PlacementAgreementsTable, PlacementNotesTable, PlacementsTable } from "@server/db/schema.js";
import type { AgreementParty, ClientSideReason, PlacementStatus } from "@shared/schemas/placements.js";
import type { GuidanceLevel } from "@shared/schemas/roles.js";
import type { Kysely } from "kysely";
import { agencyClientIds } from "../agencies/agencies.scope.js";
import { guidanceSupplyOn } from "../organisations/organisations.rules.js";
import { hostVisibleSince, OPEN_PLACEMENT_STATUSES, OPEN_REFERRAL_STATUS } from "../vocabulary.js";

/**
 * The placements this actor may see. Hosts: their organisation's once a referral's hold for undoing has passed, while
 * open and for 30 days after they end or are declined. Consultants and team leads: those of clients in their scope. Agency workers: those of the clients
 * assigned to their agency today. Clients: their own. Admins: all.
 */
export function visiblePlacements(db: Kysely<Database>, actor: Actor) {
  const base = db
    .selectFrom("placements")
    .innerJoin("volunteer_roles", "volunteer_roles.id", "placements.role_id")
    .innerJoin("organisations", "organisations.id", "placements.organisation_id")
    .innerJoin("clients", "clients.id", "placements.client_id")
    .leftJoin("users as attribution_determiner", "attribution_determiner.id", "placements.attribution_determined_by")
    // At most one rating a placement (a unique index), so the join never repeats a placement.
    .leftJoin("placement_feedback", "placement_feedback.placement_id", "placements.id")
    .selectAll("placements")
    .select([
      "volunteer_roles.title as role_title",
      "organisations.name as organisation_name",
      "clients.given_name as client_given_name",
      "attribution_determiner.display_name as attribution_determined_by_name",
      "placement_feedback.rating as feedback_rating",
      "placement_feedback.comment as feedback_comment",
      "placement_feedback.given_on as feedback_given_on",
    ]);
  switch (actor.role) {
    case "admin":
      return base;
    case "host": {
      const since = hostVisibleSince(actor.scopeDate);
      return base
        .where("placements.organisation_id", "=", actor.organisationId ?? "")
        .where((eb) => eb.or([eb("placements.status", "in", [...OPEN_PLACEMENT_STATUSES]), eb("placements.updated_at", ">=", since)]))
        .$if(actor.scopeTime !== undefined, (q) =>
          q.where((eb) => eb.or([eb("placements.held_until", "is", null), eb("placements.held_until", "<=", actor.scopeTime ?? "")])),
        );
    }
    case "consultant":
    case "teamLead":
      return base.where((eb) =>
        eb.or([
          ...(actor.districts.length ? [eb("clients.district", "in", actor.districts)] : []),
          eb("clients.consultant_id", "=", actor.id),
        ]),
      );
    case "agencyWorker":
      return base.where("placements.client_id", "in", agencyClientIds(db, actor));
    case "client":
      // A client reaches their own placements only where a route lets them (signing their agreement in the portal).
      return base.where("placements.client_id", "=", actor.clientId ?? "");
    default:
      return base.where("placements.id", "=", "");
  }
}

export type PlacementWithNames = Awaited<ReturnType<ReturnType<typeof visiblePlacements>["executeTakeFirstOrThrow"]>>;

/**
 * Guidance hours a week an organisation's placements ask under the ordinance's hours per level, by status group. As the
 * host sees it (`hostSeesAt`, the moment of its request), without the referrals still held from it for undoing.
 */
export async function guidanceDemand(
  db: Kysely<Database>,
  organisationId: string,
  hoursPerLevel: Record<GuidanceLevel, number>,
  exceptPlacementId?: string,
  hostSeesAt?: string,
) {
  let query = db
    .selectFrom("placements")
    .select(["status", "guidance_level"])
    .where("organisation_id", "=", organisationId)
    .where("status", "in", [...OPEN_PLACEMENT_STATUSES]);
  if (exceptPlacementId) query = query.where("id", "!=", exceptPlacementId);
  if (hostSeesAt) query = query.where((eb) => eb.or([eb("held_until", "is", null), eb("held_until", "<=", hostSeesAt)]));
  const rows = await query.execute();
  const hours = (level: GuidanceLevel) => hoursPerLevel[level] ?? 0;
  return {
    committed: rows.filter((r) => r.status !== OPEN_REFERRAL_STATUS).reduce((sum, r) => sum + hours(r.guidance_level), 0),
    proposed: rows.filter((r) => r.status === OPEN_REFERRAL_STATUS).reduce((sum, r) => sum + hours(r.guidance_level), 0),
  };
}

/** The organisation and client of a placement (they never change), so their locks can be taken first. */
export function partiesOfPlacement(db: Kysely<Database>, id: string) {
  return db.selectFrom("placements").select(["organisation_id", "client_id"]).where("id", "=", id).executeTakeFirst();
}

export interface PlacementFilters {
  status?: PlacementStatus | undefined;
  clientId?: string | undefined;
  organisationId?: string | undefined;
  page: number;
  pageSize: number;
}

/** A page of the placements the actor may see, newest first, with the total. */
export async function listVisiblePlacements(db: Kysely<Database>, actor: Actor, filters: PlacementFilters) {
  let query = visiblePlacements(db, actor);
  if (filters.status) query = query.where("placements.status", "=", filters.status);
  if (filters.clientId) query = query.where("placements.client_id", "=", filters.clientId);
  if (filters.organisationId) query = query.where("placements.organisation_id", "=", filters.organisationId);
  const { total } = await db
    .selectFrom(query.as("placements"))
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy("placements.created_at", "desc")
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

/** A placement's agreement versions, oldest first, with the names of whoever signed for each party. */
export async function listAgreements(db: Kysely<Database>, placementId: string) {
  return db
    .selectFrom("placement_agreements")
    .leftJoin("users as client_signer", "client_signer.id", "placement_agreements.client_signed_by")
    .leftJoin("users as host_signer", "host_signer.id", "placement_agreements.host_signed_by")
    .leftJoin("users as municipality_signer", "municipality_signer.id", "placement_agreements.municipality_signed_by")
    .selectAll("placement_agreements")
    .select([
      "client_signer.display_name as client_signer_name",
      "host_signer.display_name as host_signer_name",
      "municipality_signer.display_name as municipality_signer_name",
    ])
    .where("placement_id", "=", placementId)
    .orderBy("version")
    .execute();
}

/** A placement's notes with their authors' names, oldest first. */
export async function listNotes(db: Kysely<Database>, placementId: string) {
  return db
    .selectFrom("placement_notes")
    .leftJoin("users", "users.id", "placement_notes.author_id")
    .select(["placement_notes.note", "placement_notes.created_at", "users.display_name as author_name"])
    .where("placement_id", "=", placementId)
    .orderBy("placement_notes.created_at")
    .execute();
}

/** One placement the actor may see, with the names of its parties. */
export function findVisiblePlacement(db: Kysely<Database>, actor: Actor, id: string): Promise<PlacementWithNames | undefined> {
  return visiblePlacements(db, actor).where("placements.id", "=", id).executeTakeFirst();
}

/** The client's open placement in a role, if any. */
export function findOpenPlacement(db: Kysely<Database>, clientId: string, roleId: string) {
  return db
    .selectFrom("placements")
    .select("id")
    .where("client_id", "=", clientId)
    .where("role_id", "=", roleId)
    .where("status", "in", [...OPEN_PLACEMENT_STATUSES])
    .executeTakeFirst();
}

/**
 * The guidance hours a week an organisation offers today: what it declares, plus the hours the municipality bought
 * for it that are in force (`guidanceSupplyOn`).
 */
export async function guidanceHoursOf(db: Kysely<Database>, organisationId: string, today: string): Promise<number> {
  const row = await db
    .selectFrom("organisations")
    .select("guidance_hours_per_week")
    .where("id", "=", organisationId)
    .executeTakeFirstOrThrow();
  const support = await db
    .selectFrom("organisation_support")
    .select(["hours_per_week", "starts_on", "ends_on"])
    .where("organisation_id", "=", organisationId)
    .execute();
  return guidanceSupplyOn(row.guidance_hours_per_week, support, today);
}

export async function insertPlacement(db: Kysely<Database>, row: PlacementsTable): Promise<void> {
  await db.insertInto("placements").values(row).execute();
}

/** Changes a placement's columns. */
export async function updatePlacement(db: Kysely<Database>, id: string, changes: Partial<Omit<PlacementsTable, "id">>): Promise<void> {
  await db.updateTable("placements").set(changes).where("id", "=", id).execute();
}

/** The latest agreement version of a placement, 0 when none was signed. */
export async function lastAgreementVersion(db: Kysely<Database>, placementId: string): Promise<number> {
  const row = await db
    .selectFrom("placement_agreements")
    .select((eb) => eb.fn.max<number>("version").as("v"))
    .where("placement_id", "=", placementId)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

export async function insertAgreement(db: Kysely<Database>, row: PlacementAgreementsTable): Promise<void> {
  await db.insertInto("placement_agreements").values(row).execute();
}

export async function insertNote(db: Kysely<Database>, row: PlacementNotesTable): Promise<void> {
  await db.insertInto("placement_notes").values(row).execute();
}

/** The current (latest) agreement version of a placement. */
export function currentAgreement(db: Kysely<Database>, placementId: string): Promise<PlacementAgreementsTable | undefined> {
  return db
    .selectFrom("placement_agreements")
    .selectAll()
    .where("placement_id", "=", placementId)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
}

/**
 * Records one party's signature under an agreement version, only while that party has not signed (a signature given
 * is never changed); false when it had meanwhile.
 */
export async function recordAgreementSignature(
  db: Kysely<Database>,
  agreementId: string,
  party: AgreementParty,
  signature: { signedOn: string; signedBy: string; decisionId?: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable("placement_agreements")
    .set({
      [`${party}_signed_on`]: signature.signedOn,
      [`${party}_signed_by`]: signature.signedBy,
      ...(signature.decisionId ? { decision_id: signature.decisionId } : {}),
    })
    .where("id", "=", agreementId)
    .where(`${party}_signed_on`, "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The determination of an ending after hearing the client. */
export type AttributionColumns = Pick<
  PlacementsTable,
  | "attributable_to"
  | "attribution_reasons"
  | "attribution_client_account"
  | "attribution_heard_on"
  | "attribution_channel"
  | "attribution_determined_by"
  | "attribution_determined_on"
  | "attribution_decision_id"
  | "updated_at"
>;

/**
 * Records to whom an ended placement's ending is attributable, only while it is still undetermined; false when it was
 * determined meanwhile.
 */
export async function recordAttribution(db: Kysely<Database>, id: string, determination: AttributionColumns): Promise<boolean> {
  const result = await db
    .updateTable("placements")
    .set(determination)
    .where("id", "=", id)
    .where("status", "=", "ended")
    .where("attributable_to", "=", "undetermined")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A client's started placements (running or ended) the actor may see, newest first. */
export function listStartedPlacementsOfClient(db: Kysely<Database>, actor: Actor, clientId: string) {
  return visiblePlacements(db, actor)
    .where("placements.client_id", "=", clientId)
    .where("placements.status", "in", ["active", "ended"])
    .orderBy("placements.started_on", "desc")
    .orderBy("placements.created_at", "desc")
    .execute();
}

/**
 * Records the client's own side of an ended placement's ending, only while none was given (the condition holds
 * under parallel requests: the second finds it given). Answers whether it was recorded.
 */
export async function recordClientSide(
  db: Kysely<Database>,
  id: string,
  side: { client_side_account: string; client_side_reason: ClientSideReason | null; client_side_given_on: string; updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable("placements")
    .set(side)
    .where("id", "=", id)
    .where("status", "=", "ended")
    .where("client_side_account", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A role's open placements (referred, accepted or running), whoever may see them, with the organisation's name. */
export function openPlacementsOfRole(db: Kysely<Database>, roleId: string) {
  return db
    .selectFrom("placements")
    .innerJoin("volunteer_roles", "volunteer_roles.id", "placements.role_id")
    .innerJoin("organisations", "organisations.id", "placements.organisation_id")
    .selectAll("placements")
    .select(["volunteer_roles.title as role_title", "organisations.name as organisation_name"])
    .where("placements.role_id", "=", roleId)
    .where("placements.status", "in", [...OPEN_PLACEMENT_STATUSES])
    .orderBy("placements.id")
    .execute();
}

/**
 * A client's placements with the given statuses, with where they are (the organisation's name and address) and the
 * role's title and parts of the week, earliest start first: what the client's own pages show.
 */
export function placesOfClient(db: Kysely<Database>, clientId: string, statuses: readonly PlacementStatus[]) {
  return db
    .selectFrom("placements")
    .innerJoin("volunteer_roles", "volunteer_roles.id", "placements.role_id")
    .innerJoin("organisations", "organisations.id", "placements.organisation_id")
    .select([
      "placements.id",
      "placements.status",
      "placements.hours_per_week",
      "placements.started_on",
      "placements.created_at",
      "volunteer_roles.title as role_title",
      "volunteer_roles.weekday_parts",
      "organisations.name as organisation_name",
      "organisations.postcode",
      "organisations.house_number",
    ])
    .where("placements.client_id", "=", clientId)
    .where("placements.status", "in", [...statuses])
    .orderBy("placements.created_at")
    .execute();
}

/** The introduction meeting's columns of a placement. */
export type IntroductionColumns = Required<
  Pick<
    PlacementsTable,
    | "host_contact_person"
    | "introduction_held_on"
    | "introduction_attendees"
    | "introduction_client_verdict"
    | "introduction_host_verdict"
    | "introduction_note"
    | "introduction_recorded_by"
    | "updated_at"
  >
>;

/**
 * Records the introduction meeting of a placement that has not started, only while none was recorded (the condition
 * holds under parallel requests: the second finds it recorded); false when it was recorded or started meanwhile.
 */
export async function recordIntroduction(db: Kysely<Database>, id: string, introduction: IntroductionColumns): Promise<boolean> {
  const result = await db
    .updateTable("placements")
    .set(introduction)
    .where("id", "=", id)
    .where("status", "in", ["proposed", "accepted"])
    .where("introduction_held_on", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records the check-in with the host of a running placement, only while none was recorded; false otherwise. */
export async function recordHostCheckIn(
  db: Kysely<Database>,
  id: string,
  checkIn: { host_check_in_held_on: string; host_check_in_note: string; host_check_in_recorded_by: string; updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable("placements")
    .set(checkIn)
    .where("id", "=", id)
    .where("status", "=", "active")
    .where("host_check_in_held_on", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Where an organisation is: its postcode and house number, for the address on its copy of an agreement. */
export function organisationAddressOf(db: Kysely<Database>, organisationId: string) {
  return db.selectFrom("organisations").select(["postcode", "house_number"]).where("id", "=", organisationId).executeTakeFirst();
}

/** Records when a member of the host first opened a referral; a later opening changes nothing. */
export async function markOpenedByHost(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable("placements").set({ host_opened_at: at }).where("id", "=", id).where("host_opened_at", "is", null).execute();
}

/** Removes an undone referral with the notes written on it while it was held (the audit log keeps that they were). */
export async function deleteReferral(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom("placement_notes").where("placement_id", "=", id).execute();
  await db.deleteFrom("placements").where("id", "=", id).where("status", "=", "proposed").execute();
}

import { randomUUID } from "node:crypto";
import type { Actor } from "@server/auth/actor.js";
import type { ClientRow, ClientsTable, Database, NewClientRow } from "@server/db/schema.js";
import { holdsWord, searchWords } from "@server/db/search-words.js";
import { notFound } from "@server/http/errors.js";
import { yearsBefore } from "@shared/dates.js";
import { LONG_TERM_COHORT_YEARS } from "@shared/enums.js";
import type { ClientSearch } from "@shared/schemas/clients.js";
import { normalisePostcode } from "@shared/validation/postcode.js";
import { type Kysely, type SelectQueryBuilder, sql, type Updateable } from "kysely";
import { agencyClientIds } from "../agencies/agencies.scope.js";
import { exemptionsInForce } from "../plans/capacity.repo.js";
import { clientIdsAtStatePensionAge, listStatePensionAges } from "../registry/pension-ages.repo.js";
import { hostVisibleSince, OPEN_PLACEMENT_STATUSES } from "../vocabulary.js";
import type { BsnHolder } from "./clients.rules.js";

/**
 * The clients this actor may see, as a query. Consultants and team leads: their districts plus the clients
 * assigned to them; a client user: themselves; a host: clients referred to or placed at their organisation; an
 * agency worker: the clients assigned to their agency, on the days of the assignment; admins: everyone; every other role: nobody.
 */
export function visibleClients(db: Kysely<Database>, actor: Actor) {
  const base = db.selectFrom("clients");
  switch (actor.role) {
    case "admin":
      return base;
    case "consultant":
    case "teamLead":
      return base.where((eb) =>
        actor.districts.length > 0
          ? eb.or([eb("district", "in", actor.districts), eb("consultant_id", "=", actor.id)])
          : eb("consultant_id", "=", actor.id),
      );
    case "client":
      return actor.clientId ? base.where("id", "=", actor.clientId) : base.where(sql<boolean>`1 = 0`);
    case "agencyWorker":
      // Only the clients assigned to the worker's agency, and only within the assignment's period.
      return base.where("id", "in", agencyClientIds(db, actor));
    case "host": {
      // Only clients referred to or placed at the host's organisation, while open and 30 days after.
      const since = hostVisibleSince(actor.scopeDate);
      const referred = db
        .selectFrom("placements")
        .select("placements.client_id")
        .where("placements.organisation_id", "=", actor.organisationId ?? "")
        .where((eb) => eb.or([eb("placements.status", "in", [...OPEN_PLACEMENT_STATUSES]), eb("placements.updated_at", ">=", since)]))
        // A referral still held for undoing has not reached the host.
        .$if(actor.scopeTime !== undefined, (q) =>
          q.where((eb) => eb.or([eb("placements.held_until", "is", null), eb("placements.held_until", "<=", actor.scopeTime ?? "")])),
        );
      return base.where("id", "in", referred);
    }
    default:
      return base.where(sql<boolean>`1 = 0`);
  }
}

/**
 * A set of clients as a query of their ids, for `client_id IN (…)`: one statement whatever the number of clients,
 * instead of a list of ids sent along in chunks.
 */
export type ClientIdQuery = SelectQueryBuilder<Database, "clients", { id: string }>;

/** One client within the actor's scope, or undefined (which the route answers with 404). */
export function findVisibleClient(db: Kysely<Database>, actor: Actor, id: string): Promise<ClientRow | undefined> {
  return visibleClients(db, actor).selectAll().where("id", "=", id).executeTakeFirst();
}

/** One client within the actor's scope; a client outside it does not exist for them (404). */
export async function requireVisibleClient(db: Kysely<Database>, actor: Actor, id: string): Promise<ClientRow> {
  const client = await findVisibleClient(db, actor, id);
  if (!client) throw notFound("client");
  return client;
}

/** Reads a client by id without scope. Only for a service that has already authorized the caller. */
export function systemFindClient(db: Kysely<Database>, id: string): Promise<ClientRow | undefined> {
  return db.selectFrom("clients").selectAll().where("id", "=", id).executeTakeFirst();
}

export type SearchKind = "bsn" | "postcode" | "name" | "none";

/** Text written as a BSN often is (`123.456.782`, `123 456 782`), as the nine digits it stands for. */
function bsnDigits(q: string): string {
  return q.replace(/[\s.-]/g, "");
}

/** How a free-text search is read: nine digits are a BSN, `1234` or `1234 AB` a postcode, anything else a name. */
export function searchKindOf(q: string | undefined): SearchKind {
  if (!q) return "none";
  if (/^\d{9}$/.test(bsnDigits(q))) return "bsn";
  if (/^[1-9]\d{3}(\s?[a-z]{1,2})?$/i.test(q)) return "postcode";
  return "name";
}

/** The words of a name search: every one must appear in the name, in any order ("Martina, Rosalia" = "Rosalia Martina"). */
export const nameSearchWords = searchWords;

const SORT_COLUMNS = { familyName: "family_name", benefitStartDate: "benefit_start_date", postcode: "postcode" } as const;

/** A page of visible clients matching the caseload filters. */
export async function listVisibleClients(db: Kysely<Database>, actor: Actor, query: ClientSearch) {
  let base = visibleClients(db, actor);
  const kind = searchKindOf(query.q);
  const q = query.q ?? "";
  if (kind === "bsn") base = base.where("bsn", "=", bsnDigits(q));
  if (kind === "postcode") {
    const prefix = q.length > 4 ? (normalisePostcode(q) ?? q.toUpperCase()) : q;
    base = base.where("postcode", "like", `${prefix}%`);
  }
  if (kind === "name") {
    for (const word of nameSearchWords(q)) base = base.where(holdsWord(sql`search_name`, word));
  }
  if (query.district) base = base.where("district", "=", query.district);
  if (query.assignedToMe) base = base.where("consultant_id", "=", actor.id);
  if (query.minYearsOnBenefit !== undefined) {
    base = base.where("benefit_start_date", "<=", yearsBefore(actor.scopeDate, query.minYearsOnBenefit));
  }
  if (query.invited !== undefined) {
    const invitedIds = db.selectFrom("invitations").select("invitations.client_id");
    base = base.where("id", query.invited ? "in" : "not in", invitedIds);
  }
  if (query.longTermCohort !== undefined) {
    const cutoff = yearsBefore(actor.scopeDate, LONG_TERM_COHORT_YEARS);
    base = base.where("benefit_start_date", query.longTermCohort ? "<=" : ">", cutoff);
    // The cohort asked to contribute leaves out whoever is fully exempt today, whose benefit ended, or who reached the
    // state pension age.
    if (query.longTermCohort) {
      base = base
        .where("id", "not in", fullyExemptClientIds(db, actor.scopeDate))
        .where((eb) => eb.or([eb("benefit_end_date", "is", null), eb("benefit_end_date", ">", actor.scopeDate)]))
        .where("id", "not in", clientIdsAtStatePensionAge(db, actor.scopeDate, await listStatePensionAges(db)));
    }
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const descending = query.sort.startsWith("-");
  const column = SORT_COLUMNS[query.sort.replace("-", "") as keyof typeof SORT_COLUMNS];
  const rows = await base
    .selectAll()
    .orderBy(column, descending ? "desc" : "asc")
    .orderBy("family_name")
    .orderBy("given_name")
    .orderBy("id")
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { rows, total: Number(total), searchKind: kind };
}

/**
 * The client other than `exceptId` that holds a BSN, whatever the caller's scope, and whether the caller may see
 * them: the facts of `assertBsnFree`, which decides how much of them the answer may tell.
 */
export async function bsnHolder(db: Kysely<Database>, actor: Actor, bsn: string, exceptId?: string): Promise<BsnHolder | undefined> {
  let query = db.selectFrom("clients").select("id").where("bsn", "=", bsn);
  if (exceptId) query = query.where("id", "!=", exceptId);
  const holder = await query.executeTakeFirst();
  if (!holder) return undefined;
  return { clientId: holder.id, inScope: (await findVisibleClient(db, actor, holder.id)) !== undefined };
}

/** Inserts a client row; returns its id. */
export async function insertClient(db: Kysely<Database>, row: Omit<NewClientRow, "id">): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("clients")
    .values({ id, ...row })
    .execute();
  return id;
}

/** Updates client columns. */
export async function updateClient(
  db: Kysely<Database>,
  id: string,
  changes: Omit<Updateable<ClientsTable>, "id" | "created_at">,
): Promise<void> {
  await db.updateTable("clients").set(changes).where("id", "=", id).execute();
}

/** Clients with a full exemption in force today: never invited, never sanctioned. */
export function fullyExemptClientIds(db: Kysely<Database>, today: string) {
  return exemptionsInForce(db, today).where("exemptions.scope", "=", "full").select("exemptions.client_id");
}

/** The hours of a client's latest placement with an organisation. */
export function latestPlacementWith(db: Kysely<Database>, clientId: string, organisationId: string) {
  return db
    .selectFrom("placements")
    .select("hours_per_week")
    .where("client_id", "=", clientId)
    .where("organisation_id", "=", organisationId)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
}

/** The availability and skills the client gave at their latest intake. */
export function latestIntakeAnswers(db: Kysely<Database>, clientId: string) {
  return db
    .selectFrom("intakes")
    .select(["availability", "skills"])
    .where("client_id", "=", clientId)
    .orderBy("held_on", "desc")
    .executeTakeFirst();
}

/** The other members of a client's household whom the actor may see: a partner outside the caller's scope is absent. */
export function visibleHouseholdPartners(db: Kysely<Database>, actor: Actor, client: Pick<ClientRow, "id" | "household_id">) {
  if (client.household_id === null) return Promise.resolve([]);
  return visibleClients(db, actor)
    .select(["id", "given_name", "family_name"])
    .where("household_id", "=", client.household_id)
    .where("id", "!=", client.id)
    .orderBy("family_name")
    .orderBy("given_name")
    .orderBy("id")
    .execute();
}

/** A client's exemptions in force on a day, the oldest first: what the head of the record lists. */
export function exemptionsInForceOf(db: Kysely<Database>, clientId: string, today: string) {
  return exemptionsInForce(db, today)
    .where("exemptions.client_id", "=", clientId)
    .select(["exemptions.id", "exemptions.type", "exemptions.scope", "exemptions.end_date"])
    .orderBy("exemptions.start_date")
    .execute();
}

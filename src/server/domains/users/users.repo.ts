import { randomUUID } from "node:crypto";
import type { Database, UserRow } from "@server/db/schema.js";
import type { UserRole } from "@shared/enums.js";
import type { Kysely } from "kysely";

export interface UserWithDistricts extends UserRow {
  districts: string[];
}

async function attachDistricts(db: Kysely<Database>, rows: UserRow[]): Promise<UserWithDistricts[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom("user_districts")
    .select(["user_id", "district"])
    .where(
      "user_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("district")
    .execute();
  return rows.map((row) => ({ ...row, districts: links.filter((l) => l.user_id === row.id).map((l) => l.district) }));
}

/** Finds an account by (lower-case) email, or undefined. */
export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserWithDistricts | undefined> {
  const row = await db.selectFrom("users").selectAll().where("email", "=", email.toLowerCase()).executeTakeFirst();
  return row ? (await attachDistricts(db, [row]))[0] : undefined;
}

/** Finds an account by id, or undefined. */
export async function findUserById(db: Kysely<Database>, id: string): Promise<UserWithDistricts | undefined> {
  const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? (await attachDistricts(db, [row]))[0] : undefined;
}

export interface UserListFilters {
  q?: string | undefined;
  role?: UserRole | undefined;
  page: number;
  pageSize: number;
}

/** Lists accounts with search and paging (admin). */
export async function listUsers(db: Kysely<Database>, filters: UserListFilters) {
  let base = db.selectFrom("users");
  if (filters.role) base = base.where("role", "=", filters.role);
  if (filters.q) {
    const like = `%${filters.q.toLowerCase()}%`;
    base = base.where((eb) => eb.or([eb(eb.fn("lower", ["display_name"]), "like", like), eb("email", "like", like)]));
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy("display_name")
    .orderBy("id")
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize)
    .execute();
  return { rows: await attachDistricts(db, rows), total: Number(total) };
}

export interface NewUser {
  email: string;
  passwordHash: string;
  displayName: string;
  role: UserRole;
  districts: string[];
  organisationId: string | null;
  clientId: string | null;
  agencyId: string | null;
}

/** Inserts an account with its districts; returns its id. */
export async function insertUser(db: Kysely<Database>, user: NewUser, now: string): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("users")
    .values({
      id,
      email: user.email.toLowerCase(),
      password_hash: user.passwordHash,
      display_name: user.displayName,
      role: user.role,
      organisation_id: user.organisationId,
      client_id: user.clientId,
      agency_id: user.agencyId,
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await replaceDistricts(db, id, user.districts);
  return id;
}

/** Sets exactly these districts for a user. */
export async function replaceDistricts(db: Kysely<Database>, userId: string, districts: string[]): Promise<void> {
  await db.deleteFrom("user_districts").where("user_id", "=", userId).execute();
  if (districts.length === 0) return;
  await db
    .insertInto("user_districts")
    .values([...new Set(districts)].map((district) => ({ user_id: userId, district })))
    .execute();
}

export interface UserChanges {
  display_name?: string;
  role?: UserRole;
  organisation_id?: string | null;
  client_id?: string | null;
  agency_id?: string | null;
  active?: number;
  password_hash?: string;
  phone?: string | null;
}

/** Updates account columns, stamped with the time of the change. */
export async function updateUser(db: Kysely<Database>, id: string, changes: UserChanges, now: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ ...changes, updated_at: now })
    .where("id", "=", id)
    .execute();
}

/** The display names of accounts, by id, e.g. for who proposed or decided something. */
export async function displayNamesOf(db: Kysely<Database>, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === "string"))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "display_name"]).where("id", "in", wanted).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** Whether an organisation exists (a host account is bound to one). */
export async function organisationExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom("organisations").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

/** Whether an agency exists (an agency worker's account is bound to one). */
export async function agencyExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom("agencies").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

/** Whether a client record exists (a client account is bound to one). */
export async function clientExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom("clients").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

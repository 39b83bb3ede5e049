import type { ColumnType, Insertable, Selectable } from "kysely";

// Timestamps are ISO-8601 strings with offset and dates are `YYYY-MM-DD` strings on both SQLite and
// PostgreSQL, so values compare and sort the same on both. Booleans are 0/1 integers for the same reason.

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  role: string;
  organisation_id: string | null;
  client_id: string | null;
  active: number;
  created_at: string;
  updated_at: string;
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
  district: string | null;
  benefit_start_date: string;
  capacity_hours_per_week: number | null;
  phone: string | null;
  email: string | null;
  languages: string; // JSON array of ISO 639 codes
  household_situation: string;
  education_level: string;
  consultant_id: string | null;
  search_name: string; // lower-case "given family" for search
  created_at: string;
  updated_at: string;
}

export interface AuditEventsTable {
  id: string;
  occurred_at: string;
  actor_id: string | null;
  actor_email: string | null;
  actor_role: string | null;
  action: string;
  category: string;
  client_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  request_id: string | null;
  details: ColumnType<string | null, string | null, never>;
}

export interface Database {
  users: UsersTable;
  user_districts: UserDistrictsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  organisations: OrganisationsTable;
  clients: ClientsTable;
  audit_events: AuditEventsTable;
}

export type UserRow = Selectable<UsersTable>;
export type ClientRow = Selectable<ClientsTable>;
export type NewClientRow = Insertable<ClientsTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;

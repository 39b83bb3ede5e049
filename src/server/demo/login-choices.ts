import type { Database } from "@server/db/schema.js";
import type { Kysely } from "kysely";
import { DEMO_ACCOUNTS } from "./seed.js";

/**
 * The people the demo's local OpenID Provider offers to log in as: the demo client (by their synthetic BSN), one
 * more client who has no account yet (their first login makes it), and the demo staff accounts by address.
 */
export async function demoLoginChoices(db: Kysely<Database>) {
  const digid: { label: string; bsn: string }[] = [];
  const demoClient = await db
    .selectFrom("users")
    .innerJoin("clients", "clients.id", "users.client_id")
    .select(["clients.bsn", "clients.given_name", "clients.family_name"])
    .where("users.email", "=", "klant@demo.local")
    .executeTakeFirst();
  if (demoClient) digid.push({ label: `${demoClient.given_name} ${demoClient.family_name} (demo-klant)`, bsn: demoClient.bsn });
  const newClient = await db
    .selectFrom("clients")
    .select(["bsn", "given_name", "family_name"])
    .where("id", "not in", db.selectFrom("users").select("client_id").where("client_id", "is not", null).$castTo<string>())
    .orderBy("id")
    .executeTakeFirst();
  if (newClient) digid.push({ label: `${newClient.given_name} ${newClient.family_name} (logt voor het eerst in)`, bsn: newClient.bsn });
  const staff = DEMO_ACCOUNTS.filter((a) => a.role !== "client").map((a) => ({ label: `${a.email} (${a.description})`, email: a.email }));
  return { digid, staff };
}

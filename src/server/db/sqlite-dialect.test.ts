import SQLite from "better-sqlite3";
import { Kysely, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { ImmediateSqliteDialect, withStatementCache } from "./sqlite-dialect.js";

describe("the statement cache of the SQLite connection", () => {
  const database = new SQLite(":memory:");

  it("prepares the same SQL once and gives back the same statement", () => {
    const cached = withStatementCache(database, 2);
    const first = cached.prepare("select 1 as one");
    expect(cached.prepare("select 1 as one")).toBe(first);
    expect(cached.prepare("select 2 as two")).not.toBe(first);
  });

  it("keeps only the most recently used statements", () => {
    const cached = withStatementCache(database, 2);
    const one = cached.prepare("select 1 as one");
    const two = cached.prepare("select 2 as two");
    cached.prepare("select 1 as one");
    cached.prepare("select 3 as three");
    // "select 2" was used least recently: it is prepared again; "select 1" stayed.
    expect(cached.prepare("select 1 as one")).toBe(one);
    expect(cached.prepare("select 2 as two")).not.toBe(two);
  });

  it("answers queries with their own parameters, and after a change of schema", async () => {
    const db = new Kysely<{ items: { id: number; name: string } }>({
      dialect: new ImmediateSqliteDialect({ database: withStatementCache(new SQLite(":memory:")) }),
    });
    await sql`create table items (id integer primary key, name text)`.execute(db);
    await db.insertInto("items").values({ id: 1, name: "een" }).execute();
    await db.insertInto("items").values({ id: 2, name: "twee" }).execute();
    const named = (id: number) => db.selectFrom("items").select("name").where("id", "=", id).executeTakeFirst();
    expect(await named(1)).toEqual({ name: "een" });
    expect(await named(2)).toEqual({ name: "twee" });
    // The same statement, prepared before a column is added, reads the new column after.
    const whole = () => db.selectFrom("items").selectAll().where("id", "=", 2).executeTakeFirst();
    expect(await whole()).toEqual({ id: 2, name: "twee" });
    await sql`alter table items add column note text`.execute(db);
    expect(await whole()).toEqual({ id: 2, name: "twee", note: null });
    await db.destroy();
  });
});

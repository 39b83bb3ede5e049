import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { connectDatabase } from "../connection.js";
import { migrateTo, migrateToLatest } from "../migrate.js";

const limitsOf = (db: ReturnType<typeof connectDatabase>, year: number) =>
  db.kysely
    .selectFrom("volunteer_allowance_limits")
    .select(["hourly_cents", "monthly_cents", "yearly_cents", "source"])
    .where("year", "=", year)
    .executeTakeFirstOrThrow();

describe("migration 0046: the volunteer allowance limits of 2025", () => {
  const fresh = connectDatabase("sqlite::memory:");
  const edited = connectDatabase("sqlite::memory:");
  afterAll(async () => {
    await fresh.destroy();
    await edited.destroy();
  });

  it("corrects the seeded 2025 row to € 5,60 an hour, € 210 a month and € 2.100 a year, and leaves 2026 as it was", async () => {
    await migrateTo(fresh, "20261203_0041_invitation_batches");
    const before2026 = await limitsOf(fresh, 2026);
    expect((await limitsOf(fresh, 2025)).monthly_cents).toBe(19000);
    await migrateToLatest(fresh);
    const after = await limitsOf(fresh, 2025);
    expect(after).toMatchObject({ hourly_cents: 560, monthly_cents: 21000, yearly_cents: 210000 });
    expect(after.source).toContain("€ 2.100 per jaar");
    expect(after.source).toContain("2025");
    expect(await limitsOf(fresh, 2026)).toEqual(before2026);
  });

  it("leaves a 2025 row the municipality set itself as it set it", async () => {
    await migrateTo(edited, "20261203_0041_invitation_batches");
    const k = edited.kysely;
    await sql`PRAGMA foreign_keys = OFF`.execute(k);
    await k
      .updateTable("volunteer_allowance_limits")
      .set({ hourly_cents: 500, monthly_cents: 19000, yearly_cents: 190000, source: "Eigen besluit", updated_by: "u1" })
      .where("year", "=", 2025)
      .execute();
    await migrateToLatest(edited);
    expect(await limitsOf(edited, 2025)).toEqual({
      hourly_cents: 500,
      monthly_cents: 19000,
      yearly_cents: 190000,
      source: "Eigen besluit",
    });
  });
});

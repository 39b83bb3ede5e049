import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { connectDatabase } from "../connection.js";
import { migrateTo, migrateToLatest } from "../migrate.js";

/**
 * The attribution migration keeps what is known: the attribution an ended placement was recorded with becomes the view
 * of whoever ended it; nobody heard the client then, so no determination is invented, and an ending attributed to the
 * client waits, undetermined, for the client to be heard. On SQLite,
 * with foreign keys off, so only the rows this migration reads need to exist.
 */
const db = connectDatabase("sqlite::memory:");
afterAll(() => db.destroy());

describe("migration 0013: placement attribution", () => {
  it("copies the attribution as the ender's view, keeps one that protects the client, and lets one against the client wait", async () => {
    await migrateTo(db, "20261202_0012_ordinance_limits");
    const k = db.kysely;
    await sql`PRAGMA foreign_keys = OFF`.execute(k);
    for (const [id, status, endReason, attribution] of [
      ["p-client", "ended", "clientStopped", "client"],
      ["p-org", "ended", "organisationStopped", "organisation"],
      ["p-active", "active", null, null],
    ])
      await sql`INSERT INTO placements (id, client_id, role_id, organisation_id, status, hours_per_week, guidance_level,
          ended_on, end_reason, attributable_to, created_at, updated_at)
        VALUES (${id}, 'c1', 'r1', 'o1', ${status}, 4, 'light', ${status === "ended" ? "2026-11-02" : null}, ${endReason},
          ${attribution}, '2026-10-01T09:00:00.000Z', '2026-11-02T09:00:00.000Z')`.execute(k);

    await migrateToLatest(db);

    const rows = await k
      .selectFrom("placements")
      .select([
        "id",
        "attributable_to",
        "host_view_attribution",
        "attribution_reasons",
        "attribution_client_account",
        "attribution_heard_on",
        "attribution_channel",
        "attribution_determined_by",
        "attribution_determined_on",
        "attribution_decision_id",
      ])
      .orderBy("id")
      .execute();
    const undetermined = {
      attribution_reasons: null,
      attribution_client_account: null,
      attribution_heard_on: null,
      attribution_channel: null,
      attribution_determined_by: null,
      attribution_determined_on: null,
      attribution_decision_id: null,
    };
    expect(rows).toEqual([
      { id: "p-active", attributable_to: null, host_view_attribution: null, ...undetermined },
      { id: "p-client", attributable_to: "undetermined", host_view_attribution: "client", ...undetermined },
      { id: "p-org", attributable_to: "organisation", host_view_attribution: "organisation", ...undetermined },
    ]);
  });
});

import type { Actor } from "@server/auth/actor.js";
import type { Database } from "@server/db/schema.js";
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from "kysely";
import { describe, expect, it } from "vitest";
import { visibleClients } from "./clients/clients.repo.js";
import { visiblePlacements } from "./placements/placements.repo.js";
import { exemptionsInForce } from "./plans/capacity.repo.js";
import { visibleRoles } from "./roles/roles.repo.js";
import {
  ACTIVE_STEP_STATUSES,
  AGREED_PLACEMENT_STATUSES,
  CURRENT_EXEMPTION_STATUSES,
  EXEMPTION_IN_FORCE_STATUS,
  GRANTED_EXEMPTION_STATUSES,
  HOST_VISIBILITY_DAYS_AFTER_END,
  hostVisibleSince,
  isExemptionInForce,
  isOneOf,
  OPEN_PLACEMENT_STATUSES,
  OPEN_REFERRAL_STATUS,
} from "./vocabulary.js";

// Compiles queries without a database, to see which constants they use.
const db = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (kysely) => new SqliteIntrospector(kysely),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

const host: Actor = {
  id: "u1",
  email: "host@example.org",
  displayName: "Host",
  role: "host",
  districts: [],
  organisationId: "o1",
  clientId: null,
  scopeDate: "2026-04-15",
};

describe("the domain's vocabulary", () => {
  it("calls referred, accepted and running placements open, and those the host agreed to agreed", () => {
    expect(OPEN_PLACEMENT_STATUSES).toEqual(["proposed", "accepted", "active"]);
    expect(OPEN_REFERRAL_STATUS).toBe("proposed");
    expect(AGREED_PLACEMENT_STATUSES).toEqual(["accepted", "active"]);
  });

  it("counts planned and running plan steps against capacity", () => {
    expect(ACTIVE_STEP_STATUSES).toEqual(["planned", "active"]);
  });

  it("has an active exemption in force within its dates, and only then", () => {
    expect(EXEMPTION_IN_FORCE_STATUS).toBe("active");
    expect(GRANTED_EXEMPTION_STATUSES).toEqual(["active", "ended"]);
    expect(CURRENT_EXEMPTION_STATUSES).toEqual(["active", "awaitingCoSign"]);
    const exemption = { status: "active", start_date: "2026-03-01", end_date: "2026-05-31" };
    expect(isExemptionInForce(exemption, "2026-03-01")).toBe(true);
    expect(isExemptionInForce(exemption, "2026-05-31")).toBe(true);
    expect(isExemptionInForce(exemption, "2026-02-28")).toBe(false);
    expect(isExemptionInForce(exemption, "2026-06-01")).toBe(false);
    expect(isExemptionInForce({ ...exemption, end_date: null }, "2030-01-01")).toBe(true);
    expect(isExemptionInForce({ ...exemption, status: "awaitingCoSign" }, "2026-04-01")).toBe(false);
  });

  it("lets a host see a client for 30 days after a placement closes", () => {
    expect(HOST_VISIBILITY_DAYS_AFTER_END).toBe(30);
    expect(hostVisibleSince("2026-03-31")).toBe("2026-03-01");
  });

  it("narrows a status to a list", () => {
    expect(isOneOf(OPEN_PLACEMENT_STATUSES, "accepted")).toBe(true);
    expect(isOneOf(OPEN_PLACEMENT_STATUSES, "declined")).toBe(false);
  });
});

describe("queries that use the vocabulary", () => {
  it("finds exemptions from the tegenprestatie in force by their status and dates", () => {
    const query = exemptionsInForce(db, "2026-04-01").select("exemptions.id").compile();
    expect(query.parameters).toEqual([EXEMPTION_IN_FORCE_STATUS, 1, "2026-04-01", "2026-04-01"]);
    expect(query.sql).toContain("covers_tegenprestatie");
  });

  it("counts the places a role has taken by the open placements", () => {
    const query = visibleRoles(db, host).compile();
    expect(query.parameters).toEqual(expect.arrayContaining([...OPEN_PLACEMENT_STATUSES]));
    expect(query.parameters).not.toContain("declined");
  });

  it("shows a host the placements and clients that are open or closed within the window", () => {
    const since = hostVisibleSince(host.scopeDate);
    for (const query of [visiblePlacements(db, host).compile(), visibleClients(db, host).select("clients.id").compile()]) {
      expect(query.parameters).toEqual(expect.arrayContaining([...OPEN_PLACEMENT_STATUSES, since]));
    }
  });
});

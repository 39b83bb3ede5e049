import type { Actor } from "@server/auth/actor.js";
import { refusalOf } from "@server/testing/refusals.js";
import { organisationPartnerProfileInput } from "@shared/schemas/organisations.js";
import { describe, expect, it } from "vitest";
import {
  assertOwnOrganisation,
  guidanceSupplyOn,
  isSupportInForce,
  organisationAbilities,
  organisationLeavingSignal,
} from "./organisations.rules.js";

const actor = (role: Actor["role"], organisationId: string | null = null): Actor => ({
  id: `${role}-1`,
  email: `${role}@example.test`,
  displayName: role,
  role,
  districts: ["Charlois"],
  organisationId,
  clientId: null,
  scopeDate: "2026-06-15",
});

describe("the organisation's own partner profile", () => {
  it("is written by a member of the organisation itself and by nobody else", () => {
    expect(refusalOf(() => assertOwnOrganisation(actor("host", "o1"), { id: "o1" }))).toBeNull();
    expect(refusalOf(() => assertOwnOrganisation(actor("host", "o2"), { id: "o1" }))).toBe("notFound");
    expect(refusalOf(() => assertOwnOrganisation(actor("consultant"), { id: "o1" }))).toBe("notFound");
  });

  it("shows the edit action to the host of the organisation only", () => {
    expect(organisationAbilities(actor("host", "o1"), { id: "o1" })).toEqual({ editPartnerProfile: true });
    expect(organisationAbilities(actor("host", "o2"), { id: "o1" })).toEqual({ editPartnerProfile: false });
    for (const role of ["admin", "consultant", "teamLead", "agencyWorker"] as const)
      expect(organisationAbilities(actor(role), { id: "o1" })).toEqual({ editPartnerProfile: false });
  });

  it("takes plain text within the length, and refuses markup, control characters and too long a text", () => {
    const parse = (trainingOffered: string | null) => organisationPartnerProfileInput.safeParse({ trainingOffered });
    expect(parse("Hygiënecursus (HACCP)\nTraining omgaan met agressie < 2 uur").success).toBe(true);
    expect(parse(null).success).toBe(true);
    expect(parse("  Cursus  ").data?.trainingOffered).toBe("Cursus");
    for (const bad of [
      '<a href="x">cursus</a>',
      "cursus<script>alert(1)</script>",
      "cursus <!-- x -->",
      "cursus\u0007",
      "x".repeat(1001),
    ]) {
      expect(parse(bad).success, bad.slice(0, 20)).toBe(false);
    }
    expect(parse("x".repeat(1000)).success).toBe(true);
    expect(organisationPartnerProfileInput.safeParse({ trainingOffered: "x", name: "y" }).success).toBe(false);
  });
});

describe("guidance supply with the municipality's bought support", () => {
  const support = [
    { hours_per_week: 2, starts_on: "2026-01-01", ends_on: "2026-06-30" },
    { hours_per_week: 1.5, starts_on: "2026-06-01", ends_on: "2026-12-31" },
  ];

  it("adds the bought hours in force today to the declared hours", () => {
    expect(guidanceSupplyOn(4, support, "2026-03-01")).toBe(6);
    expect(guidanceSupplyOn(4, support, "2026-06-15")).toBe(7.5);
    expect(guidanceSupplyOn(4, support, "2027-01-01")).toBe(4);
  });

  it("counts support on both the first and the last day of its period", () => {
    const firstHalf = { hours_per_week: 2, starts_on: "2026-01-01", ends_on: "2026-06-30" };
    expect(isSupportInForce(firstHalf, "2026-01-01")).toBe(true);
    expect(isSupportInForce(firstHalf, "2026-06-30")).toBe(true);
    expect(isSupportInForce(firstHalf, "2026-07-01")).toBe(false);
  });
});

describe("volunteers leaving an organisation", () => {
  it("signals from a quarter of at least three started placements ended by the organisation's doing", () => {
    expect(organisationLeavingSignal(2, 2)).toBe(false);
    expect(organisationLeavingSignal(4, 1)).toBe(true);
    expect(organisationLeavingSignal(8, 1)).toBe(false);
    expect(organisationLeavingSignal(8, 2)).toBe(true);
  });
});

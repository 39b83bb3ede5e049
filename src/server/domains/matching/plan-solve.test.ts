import http from "node:http";
import type { AddressInfo } from "node:net";
import { breaksAnyLimit, limitsBrokenBy, type WorkLimits } from "@shared/capacity.js";
import { postcodeCentroid } from "@shared/geo.js";
import { GUIDANCE_LEVELS } from "@shared/schemas/roles.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { solvePlanInWorker } from "./match-plans.service.js";
import type { ClientProfile, RoleOffer } from "./matching.rules.js";
import { type PlanSolveInput, solvePlan } from "./plan-solve.js";

const AREAS = ["3011", "3012", "3013", "3014", "3015", "3021", "3022", "3023", "3024", "3025"];
const PARTS = ["mon-am", "tue-am", "wed-pm", "thu-am", "fri-pm"];
const NO_LIMITS: WorkLimits = { hoursPerDay: null, daysPerWeek: null, functionalLimits: [] };

/** 240 clients and 48 roles over ten neighbouring postcode areas, fewer places than clients; the same every run. */
function cityInput(): PlanSolveInput {
  const profiles = Array.from(
    { length: 240 },
    (_, i): ClientProfile => ({
      id: `client-${i}`,
      district: i % 2 ? "Charlois" : "Overschie",
      point: postcodeCentroid(AREAS[i % AREAS.length] ?? "3011"),
      guidanceNeed: GUIDANCE_LEVELS[i % 3] ?? "light",
      capacityLeft: 4 + (i % 9),
      travelRadiusKm: 3 + (i % 5),
      availability: [PARTS[i % 5] ?? "mon-am", PARTS[(i + 2) % 5] ?? "wed-pm"],
      interests: [],
      skills: [],
      wishes: [],
      education: null,
      // Every third client can work 4 hours a day without heavy lifting.
      limits: i % 3 === 0 ? { hoursPerDay: 4, daysPerWeek: null, functionalLimits: ["heavyLifting"] } : NO_LIMITS,
      dutchLevel: 1 + (i % 4),
      avoidOrganisations: new Set(),
      openRoles: new Set(),
    }),
  );
  const offers = Array.from(
    { length: 48 },
    (_, j): RoleOffer => ({
      id: `role-${j}`,
      title: `Rol ${j}`,
      description: "",
      organisationId: `organisation-${j % 12}`,
      organisationName: `Organisatie ${j % 12}`,
      postcode: `${AREAS[(j * 3) % AREAS.length]} AA`,
      point: postcodeCentroid(AREAS[(j * 3) % AREAS.length] ?? "3011"),
      minHoursPerWeek: 2 + (j % 3),
      hoursPerWeek: 4 + (j % 6),
      weekdayParts: [PARTS[j % 5] ?? "mon-am"],
      dutchLevel: 1 + (j % 3),
      guidanceLevel: GUIDANCE_LEVELS[(j + 1) % 3] ?? "regular",
      freePlaces: 1 + (j % 4),
      acceptsLimitedDutch: j % 2 === 0,
      guidanceHoursLeft: 6 + (j % 5) * 2,
      // Every other role asks long days, or heavy lifting.
      longestDayHours: j % 4 === 0 ? 8 : 4,
      daysPerWeek: 1,
      demands: j % 4 === 1 ? ["heavyLifting"] : [],
      skills: [],
      educationLevel: "none",
    }),
  );
  return { profiles, offers, hoursPerLevel: { light: 1, regular: 2, intensive: 4 }, pairsPerClient: 100 };
}

// A request answered by this thread: it can only be answered when this thread's event loop turns.
let server: http.Server;
let url: string;
beforeAll(async () => {
  server = http.createServer((_, response) => response.end("ok"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The order in which a request and a plan's computation finish, both started at once. */
async function finishingOrder(compute: () => Promise<unknown>): Promise<string[]> {
  const order: string[] = [];
  const computed = compute().then(() => order.push("plan computed"));
  const answered = fetch(url).then(async (response) => order.push(`request answered ${await response.text()}`));
  await Promise.all([computed, answered]);
  return order;
}

describe("a placement plan on a worker thread", () => {
  it("gives the same plan as computing it in this thread, and places clients", async () => {
    const input = cityInput();
    const inThread = solvePlan(input);
    expect(inThread.placed).toBeGreaterThan(0);
    expect(inThread.placed).toBeLessThan(input.profiles.length);
    expect(inThread.proposals).toHaveLength(inThread.placed);
    expect(await solvePlanInWorker(input)).toEqual(inThread);
  });

  it("never proposes a role that breaks a client's limits: its long day or its heavy lifting", () => {
    const input = cityInput();
    const { proposals } = solvePlan(input);
    const profiles = new Map(input.profiles.map((p) => [p.id, p]));
    const offers = new Map(input.offers.map((o) => [o.id, o]));
    const limited = proposals.filter((p) => profiles.get(p.clientId)?.limits !== NO_LIMITS);
    expect(limited.length).toBeGreaterThan(0);
    for (const proposal of limited) {
      const [profile, offer] = [profiles.get(proposal.clientId), offers.get(proposal.roleId)];
      if (!profile || !offer) throw new Error("a proposal names an unknown client or role");
      expect(breaksAnyLimit(limitsBrokenBy(profile.limits, offer))).toBe(false);
    }
    // Without the limits, some of these clients would be proposed a role that breaks them.
    const unlimited = solvePlan({ ...input, profiles: input.profiles.map((p) => ({ ...p, limits: NO_LIMITS })) });
    const limits = input.profiles.find((p) => p.limits !== NO_LIMITS)?.limits ?? NO_LIMITS;
    expect(
      unlimited.proposals.some((p) => {
        const offer = offers.get(p.roleId);
        return profiles.get(p.clientId)?.limits !== NO_LIMITS && offer !== undefined && breaksAnyLimit(limitsBrokenBy(limits, offer));
      }),
    ).toBe(true);
  });

  it("counts a client left unplaced by a limit under that limit in the shortfall, not as another reason", () => {
    const input = cityInput();
    const offers: RoleOffer[] = input.offers.map((offer) => ({ ...offer, longestDayHours: 4, daysPerWeek: 1, demands: [] }));
    const [template] = input.profiles;
    if (!template) throw new Error("no client to copy");
    // A client near roles that fit in every other way: one who can work 2 hours a day, one who can work 1 day a week
    // where the roles ask 3, one who cannot lift heavily where every role asks it, and one both short days and
    // lifting rule out (counted under the first of them).
    const near = offers.map((offer) => offer.point);
    const client = (id: string, limits: WorkLimits): ClientProfile => ({
      ...template,
      id,
      district: "Feijenoord",
      point: near[0] ?? null,
      travelRadiusKm: 100,
      capacityLeft: 40,
      guidanceNeed: "light",
      availability: [],
      dutchLevel: 4,
      limits,
    });
    const lifting: RoleOffer[] = offers.map((offer) => ({ ...offer, demands: ["heavyLifting"] }));
    const onlyLimits = (profiles: ClientProfile[], roles: RoleOffer[]) =>
      solvePlan({ profiles, offers: roles, hoursPerLevel: input.hoursPerLevel, pairsPerClient: 100 }).shortfall[0]?.causes;
    expect(onlyLimits([client("short-days", { ...NO_LIMITS, hoursPerDay: 2 })], offers)).toMatchObject({
      aboveDailyLimit: 1,
      other: 0,
    });
    expect(
      onlyLimits(
        [client("few-days", { ...NO_LIMITS, daysPerWeek: 1 })],
        offers.map((offer) => ({ ...offer, daysPerWeek: 3 })),
      ),
    ).toMatchObject({ aboveDaysLimit: 1, other: 0 });
    expect(onlyLimits([client("no-lifting", { ...NO_LIMITS, functionalLimits: ["heavyLifting"] })], lifting)).toMatchObject({
      functionalLimit: 1,
      other: 0,
    });
    expect(onlyLimits([client("both", { hoursPerDay: 2, daysPerWeek: null, functionalLimits: ["heavyLifting"] })], lifting)).toMatchObject({
      aboveDailyLimit: 1,
      functionalLimit: 0,
      other: 0,
    });
  });

  it("keeps this thread answering requests while the plan is computed", async () => {
    const input = cityInput();
    // The probe itself: computed in this thread, the plan holds the request up until it is done.
    expect(await finishingOrder(() => Promise.resolve().then(() => solvePlan(input)))).toEqual(["plan computed", "request answered ok"]);
    expect(await finishingOrder(() => solvePlanInWorker(input))).toEqual(["request answered ok", "plan computed"]);
  });

  it("passes the computation's error on", async () => {
    const input = { ...cityInput(), hoursPerLevel: undefined } as unknown as PlanSolveInput;
    await expect(solvePlanInWorker(input)).rejects.toThrow(/light|regular|intensive|undefined/);
  });
});

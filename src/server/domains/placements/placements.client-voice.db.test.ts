import { TestClock } from "@server/clock.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { startedPlacement } from "@server/testing/placements.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays } from "@shared/dates.js";
import type { PlacementSummary } from "@shared/schemas/placements.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The client's side of an ending and their rating of a placement: on their own placements only, kept with the
// placement for the consultant (who weighs the side when determining the attribution), counted in the organisation's
// figures, and never shown to the host with the client's name.

const DAY = "2026-10-01";
const clock = new TestClock(DAY);
let t: TestApp;
type Headers = { authorization: string };
let client: Headers;
let consultant: Headers;
let host: Headers;
let clientId: string;
let hostOrgId: string;
let clientName: { given: string; family: string };

const post = (url: string, headers: Headers, payload: object = {}) =>
  t.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload });
const get = (url: string, headers: Headers) => t.app.inject({ url: `/api/v1${url}`, headers });
let roleCount = 0;

/** A placement of the demo client at the demo host, started by the host; ended by the host when asked. */
async function placement(ended: boolean): Promise<string> {
  roleCount += 1;
  const id = await startedPlacement(
    t.app,
    { consultant, host },
    {
      organisationId: hostOrgId,
      clientId,
      title: `Gastvrouw koffieochtend ${roleCount}`,
      hoursPerWeek: 2,
      guidanceLevel: "light",
      startDate: addDays(DAY, -30),
      endDate: addDays(DAY, 150),
    },
  );
  if (ended) {
    const end = await post(`/placements/${id}/end`, host, { reason: "clientStopped", attributableTo: "client", note: "Kwam niet meer." });
    expect(end.statusCode, end.body).toBe(200);
  }
  return id;
}

beforeAll(async () => {
  // Hosts answer referrals right after they are made: no hold for undoing.
  t = await createTestApp({ clients: 120, clock, env: { NV_UNDO_HOLD_MINUTES: "0" } });
  client = await bearerFor(t.app, "klant@demo.local");
  consultant = await bearerFor(t.app, "consulent@demo.local");
  host = await bearerFor(t.app, "organisatie@demo.local");
  clientId = expectDefined((await get("/me", client)).json().clientId, "the demo client's record");
  hostOrgId = expectDefined((await get("/me", host)).json().organisationId, "the demo host's organisation");
  await t.db.kysely
    .updateTable("clients")
    .set({ capacity_hours_per_week: 20, guidance_need: "light" })
    .where("id", "=", clientId)
    .execute();
  const row = await t.db.kysely
    .selectFrom("clients")
    .select(["given_name", "family_name"])
    .where("id", "=", clientId)
    .executeTakeFirstOrThrow();
  clientName = { given: row.given_name, family: row.family_name };
});

afterAll(async () => {
  await t?.close();
});

describe("the client's placements", () => {
  it("lists the client's own started placements with what they may still do, and 404 for another client", async () => {
    const running = await placement(false);
    const list = await get(`/clients/${clientId}/placements`, client);
    expect(list.statusCode).toBe(200);
    const item = (list.json().items as PlacementSummary[]).find((p) => p.id === running);
    expect(item?.abilities).toMatchObject({ giveFeedback: true, giveClientSide: false, end: false, attribute: false });
    const other = await t.db.kysely.selectFrom("clients").select("id").where("id", "!=", clientId).executeTakeFirstOrThrow();
    expect((await get(`/clients/${other.id}/placements`, client)).statusCode).toBe(404);
  });
});

describe("my side of the story", () => {
  it("refuses it while the placement runs, and on another client's placement answers 404", async () => {
    const running = await placement(false);
    const refused = await post(`/placements/${running}/client-side`, client, { account: "Het gaat nog." });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("placementState");
    // Another client of the same consultant, referred to the same role.
    const me = (await get("/me", consultant)).json();
    const other = await t.db.kysely
      .selectFrom("clients")
      .select("id")
      .where("consultant_id", "=", me.id)
      .where("id", "!=", clientId)
      .executeTakeFirstOrThrow();
    await t.db.kysely
      .updateTable("clients")
      .set({ capacity_hours_per_week: 20, guidance_need: "light" })
      .where("id", "=", other.id)
      .execute();
    const roleId = (await get(`/placements/${running}`, consultant)).json().roleId;
    const theirs = await post("/placements", consultant, { clientId: other.id, roleId });
    expect(theirs.statusCode, theirs.body).toBe(201);
    for (const [route, body] of [
      ["client-side", { account: "Niet van mij." }],
      ["feedback", { rating: 1 }],
    ] as const) {
      const response = await post(`/placements/${theirs.json().id}/${route}`, client, body);
      expect(response.statusCode).toBe(404);
    }
  });

  it("keeps the client's side with the ending, shows it to the consultant and never to the host", async () => {
    const id = await placement(true);
    const given = await post(`/placements/${id}/client-side`, client, {
      account: "De reis met twee bussen kostte te veel.",
      reason: "travel",
    });
    expect(given.statusCode, given.body).toBe(200);
    expect(given.json().clientSide).toEqual({ account: "De reis met twee bussen kostte te veel.", reason: "travel", givenOn: DAY });
    expect(given.json().abilities.giveClientSide).toBe(false);

    const seen = (await get(`/placements/${id}`, consultant)).json();
    expect(seen.clientSide.account).toBe("De reis met twee bussen kostte te veel.");
    expect(seen.abilities.attribute).toBe(true);
    const hostView = await get(`/placements/${id}`, host);
    expect(hostView.statusCode).toBe(200);
    expect(hostView.json().clientSide).toBeNull();
    expect(hostView.body).not.toContain("twee bussen");

    // The consultant's attribution weighs it: the determination keeps the client's account it was given.
    const attributed = await post(`/placements/${id}/attribution`, consultant, {
      attributableTo: "none",
      reasons: "De reis was te duur; dat ligt niet aan de deelnemer.",
      clientAccount: seen.clientSide.account,
      channel: "portal",
      heardOn: seen.clientSide.givenOn,
    });
    expect(attributed.statusCode, attributed.body).toBe(200);
    expect(attributed.json().attribution).toMatchObject({ clientAccount: "De reis met twee bussen kostte te veel.", channel: "portal" });
  });

  it("takes it once, also when sent twice at the same time", async () => {
    const id = await placement(true);
    const answers = await Promise.all([
      post(`/placements/${id}/client-side`, client, { account: "Eerste versie." }),
      post(`/placements/${id}/client-side`, client, { account: "Tweede versie." }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json().code).toBe("clientSideGiven");
  });

  it("refuses an empty account naming the field, and writes nothing", async () => {
    const id = await placement(true);
    const response = await post(`/placements/${id}/client-side`, client, { account: "  ", reason: "travel" });
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams.map((p: { name: string }) => p.name)).toContain("account");
    const row = await t.db.kysely.selectFrom("placements").select("client_side_account").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.client_side_account).toBeNull();
  });
});

describe("feedback on a placement and the organisation", () => {
  it("shows the consultant the rating and words, never the host, and takes one rating a placement", async () => {
    const id = await placement(false);
    const answers = await Promise.all([
      post(`/placements/${id}/feedback`, client, { rating: 2, comment: "De begeleider had nooit tijd voor mij." }),
      post(`/placements/${id}/feedback`, client, { rating: 2, comment: "De begeleider had nooit tijd voor mij." }),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json().code).toBe("feedbackGiven");
    expect((await get(`/placements/${id}`, consultant)).json().clientFeedback).toEqual({
      rating: 2,
      comment: "De begeleider had nooit tijd voor mij.",
      givenOn: DAY,
    });
    const hostView = await get(`/placements/${id}`, host);
    expect(hostView.json().clientFeedback).toBeNull();
    expect(hostView.body).not.toContain("nooit tijd");
  });

  it("refuses a rating outside 1–5 naming the field", async () => {
    const id = await placement(false);
    const response = await post(`/placements/${id}/feedback`, client, { rating: 6 });
    expect(response.statusCode).toBe(400);
    expect(response.json().invalidParams.map((p: { name: string }) => p.name)).toContain("rating");
  });

  it("counts in the organisation's figures; the host sees only anonymous figures from five ratings on", async () => {
    const figures = async (headers: Headers) => {
      const response = await get(`/organisations/${hostOrgId}/feedback`, headers);
      expect(response.statusCode).toBe(200);
      return response;
    };
    const staff = (await figures(consultant)).json();
    expect(staff).toMatchObject({ shown: true, count: 1, averageRating: 2, ratings: [{ rating: 2, count: 1 }] });
    const early = await figures(host);
    expect(early.json()).toMatchObject({ shown: false, count: null, averageRating: null, ratings: null });

    for (const rating of [4, 5, 4, 5]) {
      const id = await placement(true);
      const given = await post(`/placements/${id}/feedback`, client, { rating, comment: `Fijne plek, cijfer ${rating}.` });
      expect(given.statusCode, given.body).toBe(200);
    }
    const later = await figures(host);
    expect(later.json()).toEqual({ organisationId: hostOrgId, shown: true, count: 5, averageRating: 4, ratings: null, hostMinimum: 5 });
    for (const word of [clientName.given, clientName.family, "Fijne plek", "nooit tijd", clientId]) expect(later.body).not.toContain(word);
    expect((await figures(consultant)).json()).toMatchObject({ count: 5, averageRating: 4 });
  });

  it("hides another organisation's figures from the host", async () => {
    const other = await t.db.kysely.selectFrom("organisations").select("id").where("id", "!=", hostOrgId).executeTakeFirstOrThrow();
    expect((await get(`/organisations/${other.id}/feedback`, host)).statusCode).toBe(404);
  });
});

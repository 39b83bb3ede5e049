import { expectDefined } from "@server/testing/expect-defined.js";
import { endAndAttribute, startedPlacement } from "@server/testing/placements.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addDays, todayInAmsterdam } from "@shared/dates.js";
import type { PlacementOutput } from "@shared/schemas/placements.js";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Who ended a placement is decided after hearing the client: a host's ending waits undetermined on the consultant's
// work queue; the consultant hears the client and determines it, and only an attribution to the client is a decision
// with a letter and the right to object. Hosts never learn the determination.

let t: TestApp;
let consultant: { authorization: string };
let lead: { authorization: string };
let host: { authorization: string };
let hostOrgId: string;
let spareClients: string[];
const today = todayInAmsterdam();
type Headers = { authorization: string };

const post = (url: string, headers: Headers, payload: object = {}) =>
  t.app.inject({ method: "POST", url: `/api/v1${url}`, headers, payload });
const read = async (id: string, headers: Headers) =>
  (await t.app.inject({ url: `/api/v1/placements/${id}`, headers })).json() as PlacementOutput;
const hearing = (overrides: Record<string, unknown> = {}) => ({
  attributableTo: "organisation",
  reasons: "De organisatie stopte de koffieochtend; de deelnemer kon daar niets aan doen.",
  clientAccount: "Ik kwam elke week. Toen zeiden ze dat er geen plek meer was.",
  channel: "phone",
  ...overrides,
});

const takeClient = () => expectDefined(spareClients.shift(), "a spare client");

/** An active placement of a fresh client of the demo consultant at the demo host, started by the host. */
async function activePlacement(): Promise<{ id: string; clientId: string }> {
  const clientId = takeClient();
  const id = await startedPlacement(
    t.app,
    { consultant, host },
    {
      organisationId: hostOrgId,
      clientId,
      title: "Gastvrouw of gastheer koffieochtend",
      hoursPerWeek: 4,
      guidanceLevel: "intensive",
      weekdayParts: ["tue-am"],
      startDate: addDays(today, -30),
      endDate: addDays(today, 150),
    },
  );
  return { id, clientId };
}

/** A placement the host ended early, waiting for the consultant to hear the client. */
async function endedByHost(note = "Kwam drie keer niet zonder bericht. Wij stoppen ermee."): Promise<{ id: string; clientId: string }> {
  const placement = await activePlacement();
  const ended = await post(`/placements/${placement.id}/end`, host, {
    reason: "clientStopped",
    attributableTo: "client",
    note,
    endedOn: addDays(today, -2),
  });
  expect(ended.statusCode, ended.body).toBe(200);
  return placement;
}

async function queueReasons(clientId: string): Promise<{ code: string; since: string; suggestedAction: string | null }[]> {
  const queue = (await t.app.inject({ url: "/api/v1/work-queue?pageSize=200", headers: consultant })).json();
  return queue.items.find((i: { clientId: string }) => i.clientId === clientId)?.reasons ?? [];
}

async function placementDecisions(clientId: string) {
  const list = (await t.app.inject({ url: `/api/v1/clients/${clientId}/decisions`, headers: consultant })).json();
  return (list.items as { id: string; type: string; letterId: string | null }[]).filter((d) => d.type === "placementAttribution");
}

async function pdfText(letterId: string): Promise<string> {
  const pdf = await t.app.inject({ url: `/api/v1/letters/${letterId}/pdf`, headers: consultant });
  expect(pdf.statusCode).toBe(200);
  return (await new PDFParse({ data: pdf.rawPayload }).getText()).text.replace(/\s+/g, " ");
}

beforeAll(async () => {
  // Hosts answer referrals right after they are made: no hold for undoing.
  t = await createTestApp({ clients: 300, env: { NV_UNDO_HOLD_MINUTES: "0" } });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  lead = await bearerFor(t.app, "teamleider@demo.local");
  host = await bearerFor(t.app, "organisatie@demo.local");
  hostOrgId = (await t.app.inject({ url: "/api/v1/me", headers: host })).json().organisationId;
  const me = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json();
  const free = await t.db.kysely
    .selectFrom("clients")
    .select("id")
    .where("consultant_id", "=", me.id)
    .where("id", "not in", t.db.kysely.selectFrom("placements").select("client_id"))
    .orderBy("family_name")
    .execute();
  spareClients = free.map((r) => r.id);
  await t.db.kysely
    .updateTable("clients")
    .set({ capacity_hours_per_week: 12, guidance_need: "regular" })
    .where("id", "in", spareClients)
    .execute();
});
afterAll(() => t.close());

describe("a host ends a placement early", () => {
  it("keeps the attribution undetermined, the host's view and account, and puts it on the work queue instead of newDropout", async () => {
    const { id, clientId } = await endedByHost();
    const asConsultant = await read(id, consultant);
    expect(asConsultant).toMatchObject({
      status: "ended",
      endReason: "clientStopped",
      attributableTo: "undetermined",
      hostAccount: "Kwam drie keer niet zonder bericht. Wij stoppen ermee.",
      attribution: null,
    });
    expect(asConsultant.abilities.attribute).toBe(true);
    const stored = await t.db.kysely
      .selectFrom("placements")
      .select("host_view_attribution")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stored.host_view_attribution).toBe("client");

    const reasons = await queueReasons(clientId);
    expect(reasons).toContainEqual({ code: "attributionPending", since: addDays(today, -2), suggestedAction: "hearClientOnEnding" });
    expect(reasons.map((r) => r.code)).not.toContain("newDropout");
  });

  it("gives the host its own account back, but neither the attribution nor whether it is pending; the host cannot attribute", async () => {
    const { id } = await endedByHost();
    const asHost = await read(id, host);
    expect(asHost).toMatchObject({ attributableTo: null, attribution: null, hostAccount: expect.stringContaining("Kwam drie keer") });
    expect(asHost.abilities.attribute).toBe(false);
    const refused = await post(`/placements/${id}/attribution`, host, hearing({ attributableTo: "client" }));
    expect(refused.statusCode).toBe(403);
    expect((await read(id, consultant)).attributableTo).toBe("undetermined");
    const listed = (await t.app.inject({ url: "/api/v1/placements?status=ended&pageSize=100", headers: host })).json();
    const row = listed.items.find((p: { id: string }) => p.id === id);
    expect(row).toMatchObject({ attributableTo: null, attribution: null });
  });

  it("attributes a regular ending to nobody at once: nothing to hear, nothing on the queue", async () => {
    const { id, clientId } = await activePlacement();
    const ended = await post(`/placements/${id}/end`, host, { reason: "completed", note: "Afgerond, het ging goed." });
    expect(ended.json()).toMatchObject({ attributableTo: "none", abilities: { attribute: false } });
    expect((await read(id, consultant)).abilities.attribute).toBe(false);
    expect((await queueReasons(clientId)).map((r) => r.code)).not.toContain("attributionPending");
    expect((await post(`/placements/${id}/attribution`, consultant, hearing())).json().code).toBe("attributionDetermined");
  });
});

describe("staff ending a placement", () => {
  it("determines at once an attribution favourable to the client, but an attribution to the client waits for the hearing", async () => {
    const favourable = await activePlacement();
    const ended = await post(`/placements/${favourable.id}/end`, consultant, { reason: "health", attributableTo: "health" });
    expect(ended.json()).toMatchObject({ attributableTo: "health", attribution: null, abilities: { attribute: false } });
    // Determined, it is a dropout to talk about, no longer a hearing to hold.
    const codes = (await queueReasons(favourable.clientId)).map((r) => r.code);
    expect(codes).toContain("newDropout");
    expect(codes).not.toContain("attributionPending");

    const toClient = await activePlacement();
    const waiting = await post(`/placements/${toClient.id}/end`, lead, { reason: "clientStopped", attributableTo: "client" });
    expect(waiting.json()).toMatchObject({ attributableTo: "undetermined", abilities: { attribute: true } });
  });
});

describe("POST /placements/{id}/attribution", () => {
  it("attributed to the organisation after hearing the client: stored with the client's side, no decision, off the queue", async () => {
    const { id, clientId } = await endedByHost();
    const response = await post(`/placements/${id}/attribution`, consultant, hearing({ heardOn: addDays(today, -1) }));
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as PlacementOutput;
    expect(body).toMatchObject({
      attributableTo: "organisation",
      attribution: {
        reasons: expect.stringContaining("koffieochtend"),
        clientAccount: expect.stringContaining("geen plek meer"),
        heardOn: addDays(today, -1),
        channel: "phone",
        determinedOn: today,
        decisionId: null,
      },
      abilities: { attribute: false },
    });
    expect(body.attribution?.determinedBy).toBeTruthy();
    expect(await placementDecisions(clientId)).toEqual([]);
    expect((await queueReasons(clientId)).map((r) => r.code)).not.toContain("attributionPending");
    const audit = await t.db.kysely
      .selectFrom("audit_events")
      .select(["action", "details"])
      .where("subject_id", "=", id)
      .where("action", "=", "placement.attribute")
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.details)).not.toContain("geen plek meer");

    const again = await post(`/placements/${id}/attribution`, lead, hearing({ attributableTo: "client" }));
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("attributionDetermined");
    expect((await read(id, consultant)).attributableTo).toBe("organisation");
  });

  it("attributed to the client: a decision whose letter says what both sides said, that no sanction follows, and how to object", async () => {
    const { id, clientId } = await endedByHost("Kwam drie keer niet zonder bericht. Wij stoppen ermee.");
    const response = await post(
      `/placements/${id}/attribution`,
      consultant,
      hearing({
        attributableTo: "client",
        channel: "inPerson",
        clientAccount: "Ik had er geen zin meer in en heb niets laten weten.",
        reasons: "De deelnemer bevestigt dat hij zonder bericht wegbleef en geen reden had.",
      }),
    );
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as PlacementOutput;
    expect(body.attributableTo).toBe("client");
    const decisionId = expectDefined(body.attribution?.decisionId, "the decision");

    const [decision, ...others] = await placementDecisions(clientId);
    expect(others).toEqual([]);
    expect(decision?.id).toBe(decisionId);
    const text = await pdfText(expectDefined(decision?.letterId, "the letter"));
    expect(text).toContain("Besluit: waarom uw vrijwilligerswerk is gestopt");
    expect(text).toContain("Kwam drie keer niet zonder bericht");
    expect(text).toContain("Ik had er geen zin meer in");
    expect(text).toContain("zonder bericht wegbleef");
    expect(text).toContain("niet vanzelf een maatregel");
    expect(text).toContain("Dan kunt u bezwaar maken");

    // The host learns nothing of the decision.
    expect(await read(id, host)).toMatchObject({ attributableTo: null, attribution: null });
  });

  it("refuses a placement that has not ended (409 placementState) and writes nothing", async () => {
    const { id } = await activePlacement();
    expect((await read(id, consultant)).abilities.attribute).toBe(false);
    const response = await post(`/placements/${id}/attribution`, consultant, hearing());
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("placementState");
    expect((await read(id, consultant)).attributableTo).toBeNull();
  });

  it("refuses a hearing in the future (400 heardOn) and bad input (400), and writes nothing", async () => {
    const { id, clientId } = await endedByHost();
    const future = await post(`/placements/${id}/attribution`, consultant, hearing({ heardOn: addDays(today, 1) }));
    expect(future.statusCode).toBe(400);
    expect(future.json().invalidParams).toEqual([expect.objectContaining({ name: "heardOn", code: "dateInFuture" })]);
    const empty = await post(`/placements/${id}/attribution`, consultant, hearing({ attributableTo: "undetermined", reasons: "" }));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().invalidParams.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["attributableTo", "reasons"]));
    expect((await read(id, consultant)).attributableTo).toBe("undetermined");
    expect((await queueReasons(clientId)).map((r) => r.code)).toContain("attributionPending");
  });

  it("determines it once when many ask at once: one succeeds, the rest get 409 attributionDetermined, one decision", async () => {
    const { id, clientId } = await endedByHost();
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        post(`/placements/${id}/attribution`, i % 2 ? lead : consultant, hearing({ attributableTo: "client" })),
      ),
    );
    const codes = responses.map((r) => (r.statusCode === 200 ? "ok" : `${r.statusCode} ${r.json().code}`));
    expect(codes.filter((c) => c === "ok")).toHaveLength(1);
    expect(codes.filter((c) => c !== "ok")).toEqual(Array(7).fill("409 attributionDetermined"));
    expect(await placementDecisions(clientId)).toHaveLength(1);
  });

  it("is in the OpenAPI document", async () => {
    const document = (await t.app.inject({ url: "/api/v1/openapi.json" })).json();
    const operation = document.paths["/placements/{id}/attribution"]?.post;
    expect(operation?.requestBody).toBeDefined();
    expect(operation?.responses).toHaveProperty("200");
  });
});

describe("the endAndAttribute test helper", () => {
  it("ends as the host and attributes as the consultant", async () => {
    const { id } = await activePlacement();
    const placement = await endAndAttribute(
      t.app,
      id,
      { ender: host, consultant },
      { reason: "clientStopped" },
      { attributableTo: "client" },
    );
    expect(placement).toMatchObject({ attributableTo: "client", attribution: { decisionId: expect.any(String) } });
  });
});

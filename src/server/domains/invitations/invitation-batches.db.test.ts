import { expectDefined } from "@server/testing/expect-defined.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
let consultant: { authorization: string };
let batchId: string;
let clientIds: string[];

beforeAll(async () => {
  t = await createTestApp({ clients: 300 });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  await t.app.inject({
    method: "PUT",
    url: "/api/v1/me/availability",
    headers: consultant,
    payload: {
      blocks: [1, 2, 3, 4, 5].map((weekday) => ({
        weekday,
        startTime: "09:00",
        endTime: "17:00",
        slotMinutes: 45,
        location: "Wijkteam Charlois",
      })),
    },
  });
  const rows = await t.db.kysely
    .selectFrom("clients")
    .select("id")
    .where("district", "=", "Charlois")
    .orderBy("family_name")
    .limit(5)
    .execute();
  clientIds = rows.map((r) => r.id);
  // A name a spreadsheet would run as a formula, as someone could have typed it.
  await t.db.kysely
    .updateTable("clients")
    .set({ given_name: '=HYPERLINK("http://x")' })
    .where("id", "=", expectDefined(clientIds[0]))
    .execute();
  const invited = await t.app.inject({ method: "POST", url: "/api/v1/invitations", headers: consultant, payload: { clientIds } });
  expect(invited.statusCode).toBe(201);
  batchId = invited.json().batchId;
});
afterAll(() => t.close());

/** The clients of the batch as the post sorts them: postcode, then house number. */
async function inPostOrder() {
  const clients = await t.db.kysely.selectFrom("clients").selectAll().where("id", "in", clientIds).execute();
  return clients.sort((a, b) => a.postcode.localeCompare(b.postcode) || a.house_number - b.house_number);
}

describe("printing an invitation batch", () => {
  it("gives every letter of the batch in one PDF, page after page, in postcode order, and audits each letter", async () => {
    const response = await t.app.inject({ url: `/api/v1/invitation-batches/${batchId}/letters`, headers: consultant });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    const parsed = await new PDFParse({ data: response.rawPayload }).getText();
    const singlePages = await Promise.all(
      (await t.db.kysely.selectFrom("invitations").select("letter_id").where("batch_id", "=", batchId).execute()).map(
        async ({ letter_id }) => {
          const single = await t.app.inject({ url: `/api/v1/letters/${letter_id}/pdf`, headers: consultant });
          return (await new PDFParse({ data: single.rawPayload }).getText()).total;
        },
      ),
    );
    expect(parsed.total).toBe(singlePages.reduce((a, b) => a + b, 0));
    const text = parsed.text.replace(/\s+/g, " ");
    const positions = (await inPostOrder()).map((c) => text.indexOf(`${c.given_name} ${c.family_name}`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    const audited = await t.db.kysely
      .selectFrom("audit_events")
      .select(["client_id", "category"])
      .where("action", "=", "letter.print")
      .execute();
    expect(audited.map((a) => a.client_id).sort()).toEqual([...clientIds].sort());
    expect(new Set(audited.map((a) => a.category))).toEqual(new Set(["read:sensitive"]));
  });

  it("gives the registered mail list in the same order, with each letter's reference, and never a formula", async () => {
    const response = await t.app.inject({ url: `/api/v1/invitation-batches/${batchId}/registered-mail-list`, headers: consultant });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.body.startsWith("\uFEFF")).toBe(true);
    const [header, ...lines] = response.body.slice(1).trimEnd().split("\r\n");
    expect(header?.split(";")).toEqual([
      "Volgnummer",
      "Kenmerk",
      "Naam",
      "Adres",
      "Postcode en plaats",
      "Briefdatum",
      "Aangetekend",
      "Barcode",
    ]);
    expect(lines).toHaveLength(5);
    const clients = await inPostOrder();
    const letters = new Map(
      (await t.db.kysely.selectFrom("invitations").select(["client_id", "letter_id"]).where("batch_id", "=", batchId).execute()).map(
        (r) => [r.client_id, r.letter_id],
      ),
    );
    for (const [i, line] of lines.entries()) {
      const client = expectDefined(clients[i]);
      expect(line.startsWith(`${i + 1};NV-`)).toBe(true);
      expect(line).toContain(expectDefined(letters.get(client.id)).slice(0, 8).toUpperCase());
      expect(line).toContain(client.postcode);
      expect(line).toContain(";ja;");
    }
    const formula = expectDefined(lines.find((l) => l.includes("HYPERLINK")));
    expect(formula).toContain(`"'`);
    expect(formula).not.toMatch(/;=|;"=/);
    const audited = await t.db.kysely.selectFrom("audit_events").select("client_id").where("action", "=", "letter.mailList").execute();
    expect(audited).toHaveLength(5);
  });

  it("is not found for a consultant of another district, an unknown batch, and refuses an id that is not one", async () => {
    const outsider = await t.db.kysely
      .selectFrom("users")
      .select("email")
      .where("role", "=", "consultant")
      .where("id", "not in", t.db.kysely.selectFrom("user_districts").select("user_id").where("district", "=", "Charlois"))
      .executeTakeFirstOrThrow();
    const other = await bearerFor(t.app, outsider.email);
    for (const part of ["letters", "registered-mail-list"]) {
      expect((await t.app.inject({ url: `/api/v1/invitation-batches/${batchId}/${part}`, headers: other })).statusCode).toBe(404);
      const unknown = await t.app.inject({ url: `/api/v1/invitation-batches/${crypto.randomUUID()}/${part}`, headers: consultant });
      expect(unknown.statusCode).toBe(404);
      const bad = await t.app.inject({ url: `/api/v1/invitation-batches/nope/${part}`, headers: consultant });
      expect(bad.statusCode).toBe(400);
      expect(bad.headers["content-type"]).toContain("application/problem+json");
    }
  });
});

import net from "node:net";
import { TestClock } from "@server/clock.js";
import { runDailyJob } from "@server/domains/scheduler/scheduler.service.js";
import { expectDefined } from "@server/testing/expect-defined.js";
import { type FormPart, multipartBody, SAMPLE_PDF } from "@server/testing/multipart.js";
import { bearerFor, createTestApp, type TestApp } from "@server/testing/test-app.js";
import { addMonths } from "@shared/dates.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let t: TestApp;
let consultant: { authorization: string };
let uploadRoutes: { name: string; url: string }[];
const clock = new TestClock();
const today = clock.today();
const pdf: FormPart = { field: "file", filename: "advies.pdf", mediaType: "application/pdf", content: SAMPLE_PDF };

beforeAll(async () => {
  t = await createTestApp({ clients: 60, clock });
  consultant = await bearerFor(t.app, "consulent@demo.local");
  const me = (await t.app.inject({ url: "/api/v1/me", headers: consultant })).json();
  const [first, second] = (await t.db.kysely.selectFrom("clients").select("id").where("consultant_id", "=", me.id).limit(2).execute()).map(
    (row) => row.id,
  );
  await t.db.kysely.updateTable("clients").set({ capacity_hours_per_week: 20 }).where("id", "=", expectDefined(second)).execute();

  const exemption = await t.app.inject({
    method: "POST",
    url: `/api/v1/clients/${first}/exemptions`,
    headers: consultant,
    payload: {
      type: "medical",
      scope: "partial",
      maxHoursPerWeek: 8,
      startDate: today,
      reviewDate: addMonths(today, 6),
      reason: "Advies bedrijfsarts: hoogstens acht uur per week.",
    },
  });
  expect(exemption.statusCode).toBe(201);

  // Volunteer work recorded seven months ago is due for an accountability request today.
  clock.set(addMonths(today, -7));
  const then = await bearerFor(t.app, "consulent@demo.local");
  const contribution = await t.app.inject({
    method: "POST",
    url: `/api/v1/clients/${second}/contributions`,
    headers: then,
    payload: {
      kind: "existingVolunteerWork",
      organisationName: "Voedselbank Charlois",
      description: "Pakketten inpakken",
      hoursPerWeek: 4,
      since: addMonths(today, -8),
    },
  });
  clock.set(today);
  expect(contribution.statusCode).toBe(201);
  await runDailyJob(t.db.kysely, { clock: t.clock, trigger: "manual", date: today });
  const request = await t.db.kysely
    .selectFrom("accountability_requests")
    .select("id")
    .where("client_id", "=", expectDefined(second))
    .executeTakeFirstOrThrow();
  consultant = await bearerFor(t.app, "consulent@demo.local");

  uploadRoutes = [
    { name: "exemption evidence", url: `/api/v1/exemptions/${exemption.json().id}/documents` },
    { name: "accountability proof", url: `/api/v1/accountability-requests/${request.id}/documents` },
  ];
});
afterAll(() => t.close());

/** How many rows an upload could touch: a refusal must leave every count as it was. */
async function rowCounts() {
  const count = async (table: "documents" | "exemptions" | "accountability_requests" | "audit_events") =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    documents: await count("documents"),
    exemptions: await count("exemptions"),
    accountabilityRequests: await count("accountability_requests"),
    auditEvents: await count("audit_events"),
  };
}

/** A well-formed body with its closing boundary (and `cut` bytes more) taken off the end. */
function cutShort(parts: FormPart[], cut: number) {
  const { payload, headers, boundary } = multipartBody(parts);
  return { payload: payload.subarray(0, payload.length - `--${boundary}--\r\n`.length - cut), headers };
}

type Refusal = { status: 400; field: string; code: string } | { status: 415 };
const refusals: { what: string; body: () => { payload: Buffer | string; headers: Record<string, string> }; refusal: Refusal }[] = [
  {
    what: "a multipart content type without a boundary",
    body: () => ({ payload: multipartBody([pdf]).payload, headers: { "content-type": "multipart/form-data" } }),
    refusal: { status: 400, field: "file", code: "malformed" },
  },
  {
    what: "a body cut off inside the file",
    body: () => cutShort([pdf], 20),
    refusal: { status: 400, field: "file", code: "malformed" },
  },
  {
    what: "a body cut off inside the part's headers",
    body: () => {
      const { payload, headers } = multipartBody([pdf]);
      return { payload: payload.subarray(0, 40), headers };
    },
    refusal: { status: 400, field: "file", code: "malformed" },
  },
  {
    what: "garbage under a multipart content type",
    body: () => ({ payload: "dit is geen formulier", headers: multipartBody([]).headers }),
    refusal: { status: 400, field: "file", code: "malformed" },
  },
  {
    what: "a body with another boundary than its content type names",
    body: () => ({ payload: multipartBody([pdf]).payload, headers: multipartBody([]).headers }),
    refusal: { status: 400, field: "file", code: "malformed" },
  },
  {
    what: "a text field beside the file",
    body: () => multipartBody([pdf, { field: "note", content: "zie bijlage" }]),
    refusal: { status: 400, field: "note", code: "unexpectedField" },
  },
  {
    what: "a text field before the file",
    body: () => multipartBody([{ field: "note", content: "zie bijlage" }, pdf]),
    refusal: { status: 400, field: "note", code: "unexpectedField" },
  },
  {
    what: "the file under another field name",
    body: () => multipartBody([{ ...pdf, field: "upload" }]),
    refusal: { status: 400, field: "upload", code: "unexpectedField" },
  },
  {
    what: "a second file",
    body: () => multipartBody([pdf, { ...pdf, filename: "tweede.pdf" }]),
    refusal: { status: 400, field: "file", code: "tooMany" },
  },
  {
    what: "text instead of a file in the field file",
    body: () => multipartBody([{ field: "file", content: "advies.pdf" }]),
    refusal: { status: 400, field: "file", code: "required" },
  },
  {
    what: "a form without parts",
    body: () => multipartBody([]),
    refusal: { status: 400, field: "file", code: "required" },
  },
  {
    what: "JSON",
    body: () => ({ payload: JSON.stringify({ file: SAMPLE_PDF.toString("base64") }), headers: { "content-type": "application/json" } }),
    refusal: { status: 415 },
  },
  {
    what: "plain text",
    body: () => ({ payload: "advies", headers: { "content-type": "text/plain" } }),
    refusal: { status: 415 },
  },
  {
    what: "the bare file as application/pdf",
    body: () => ({ payload: SAMPLE_PDF, headers: { "content-type": "application/pdf" } }),
    refusal: { status: 415 },
  },
];

describe("a malformed or unexpected upload body is refused with a problem naming the field, and writes nothing", () => {
  it("on both upload routes, in-process", async () => {
    const before = await rowCounts();
    for (const route of uploadRoutes) {
      for (const { what, body, refusal } of refusals) {
        const { payload, headers } = body();
        const response = await t.app.inject({ method: "POST", url: route.url, headers: { ...consultant, ...headers }, payload });
        const label = `${route.name}: ${what}`;
        expect(response.statusCode, label).toBe(refusal.status);
        expect(response.headers["content-type"], label).toMatch(/^application\/problem\+json/);
        if (refusal.status === 415) {
          expect(response.json(), label).toMatchObject({ status: 415, code: "unsupportedMediaType" });
        } else {
          expect(response.json(), label).toMatchObject({
            status: 400,
            code: "invalidInput",
            invalidParams: [{ name: refusal.field, code: refusal.code }],
          });
        }
      }
    }
    expect(await rowCounts()).toEqual(before);

    // The same routes take the well-formed body: the refusals above are the body's doing, not the route's.
    for (const route of uploadRoutes) {
      const { payload, headers } = multipartBody([pdf]);
      const response = await t.app.inject({ method: "POST", url: route.url, headers: { ...consultant, ...headers }, payload });
      expect(response.statusCode, route.name).toBe(201);
    }
    expect((await rowCounts()).documents).toBe(before.documents + 2);
  });

  it("over a real connection, where a body arrives in pieces and may end before its form does", async () => {
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const address = t.app.server.address();
    if (!address || typeof address === "string") throw new Error("the server does not listen on a port");
    const { port } = address;
    const route = expectDefined(uploadRoutes[0]);
    const head = (headers: Record<string, string>) =>
      Object.entries({ host: "127.0.0.1", connection: "close", ...consultant, ...headers })
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join("");

    /** Sends raw bytes, piece by piece, and reads the answer until the server closes the connection. */
    function exchange(pieces: Buffer[], { endEarly = false } = {}): Promise<{ status: number; type: string; body: string }> {
      return new Promise((resolve, reject) => {
        const socket = net.connect(port, "127.0.0.1");
        let answer = "";
        const timer = setTimeout(() => socket.destroy(new Error(`no answer within 10 s: ${answer}`)), 10_000);
        socket.on("data", (data) => {
          answer += data;
        });
        socket.on("error", reject);
        socket.on("close", () => {
          clearTimeout(timer);
          const [headers = "", body = ""] = answer.split("\r\n\r\n");
          const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1]);
          resolve({ status, type: /content-type: ([^\r]+)/i.exec(headers)?.[1] ?? "", body });
        });
        (async () => {
          for (const piece of pieces) {
            socket.write(piece);
            await new Promise((next) => setTimeout(next, 20));
          }
          if (endEarly) socket.end();
        })();
      });
    }
    const before = await rowCounts();

    // Chunked: the connection delivers the whole body, in pieces, but the form inside it stops mid-file.
    const truncated = cutShort([pdf], 20);
    const chunk = (bytes: Buffer) => Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from("\r\n")]);
    const chunked = await exchange([
      Buffer.from(`POST ${route.url} HTTP/1.1\r\n${head({ ...truncated.headers, "transfer-encoding": "chunked" })}\r\n`),
      chunk(truncated.payload.subarray(0, 60)),
      chunk(truncated.payload.subarray(60)),
      Buffer.from("0\r\n\r\n"),
    ]);
    expect(chunked.status).toBe(400);
    expect(chunked.type).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(chunked.body)).toMatchObject({ code: "invalidInput", invalidParams: [{ name: "file", code: "malformed" }] });

    // The client promises a longer body than it sends and closes its side: HTTP itself refuses it, as problem+json.
    const whole = multipartBody([pdf]);
    const short = await exchange(
      [
        Buffer.from(`POST ${route.url} HTTP/1.1\r\n${head({ ...whole.headers, "content-length": String(whole.payload.length) })}\r\n`),
        whole.payload.subarray(0, whole.payload.length - 30),
      ],
      { endEarly: true },
    );
    expect(short.status).toBe(400);
    expect(short.type).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(short.body)).toMatchObject({ status: 400, code: "badRequest" });

    expect(await rowCounts()).toEqual(before);

    // The whole body over the same kind of connection is stored.
    const stored = await exchange([
      Buffer.from(`POST ${route.url} HTTP/1.1\r\n${head({ ...whole.headers, "content-length": String(whole.payload.length) })}\r\n`),
      whole.payload,
    ]);
    expect(stored.status).toBe(201);
    expect((await rowCounts()).documents).toBe(before.documents + 1);
  });
});

import { expectDefined } from "@server/testing/expect-defined.js";
import { buildClient } from "@server/testing/factories.js";
import { addDays, todayInAmsterdam } from "@shared/dates.js";
import type { ClientOutput } from "@shared/schemas/clients.js";
import type { MeOutput } from "@shared/schemas/users.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiCaller, apiAs, clientWithCapacity } from "./api.js";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage } from "./browser.js";
import { expectNoSidewaysScroll } from "./layout.js";
import { startServer, type TestServer } from "./server.js";

// Peer activation on a 360 px phone and at the consultant's desk: the consultant makes a Charlois client a buddy and
// pairs the demo client with them; the buddy sees only the demo client's first name and the agreed phone number; the
// demo client stops with one confirmation and no reason; nothing adverse follows.

const WIDTH = 360;
const BUDDY_EMAIL = "maatje.charlois@demo.local";
const BUDDY_PASSWORD = "een-lang-wachtwoord";
let server: TestServer;
let browser: Browser;
let consultant: ApiCaller;
let demoClient: ClientOutput;
let buddy: { id: string; givenName: string };
/** The buddy's record (the buddy agreement), as the consultant's list shows it. */
let buddyRecordId: string;

/** The id of the one pairing whose meeting form is on the page, read from its form's title. */
async function pairingIdOnPage(page: Page): Promise<string> {
  const id = await page.locator("form[aria-labelledby^='meeting-']").getAttribute("aria-labelledby");
  return (id ?? "").replace("meeting-", "");
}

async function settled(page: Page, what: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page, what);
  await expectNoSidewaysScroll(page, what);
}

async function phone(email: string, password = "demo") {
  const { context, page } = await newPage(browser, server.baseUrl);
  await page.setViewportSize({ width: WIDTH, height: 780 });
  await logIn(page, email, password);
  return { page, close: () => context.close() };
}

/** What could follow against the demo client: decisions, letters and sanctions. */
async function consequences() {
  const count = async (path: string) => {
    const answer = await consultant<{ items: unknown[] }>("GET", `/clients/${demoClient.id}/${path}`);
    expect(answer.status).toBe(200);
    return answer.body.items.length;
  };
  return { decisions: await count("decisions"), letters: await count("letters"), sanctions: await count("sanctions") };
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  consultant = await apiAs(server.baseUrl, "consulent@demo.local");
  const admin = await apiAs(server.baseUrl, "admin@demo.local");
  const self = await apiAs(server.baseUrl, "klant@demo.local");
  const demoClientId = expectDefined((await self<MeOutput>("GET", "/me")).body.clientId, "the demo client");
  demoClient = (await consultant<ClientOutput>("GET", `/clients/${demoClientId}`)).body;
  buddy = await clientWithCapacity(consultant, [demoClientId]);
  const made = await consultant("POST", `/clients/${buddy.id}/buddies`, {
    trainedOn: addDays(todayInAmsterdam(), -14),
    since: todayInAmsterdam(),
    hoursPerWeek: 3,
    maxPairings: 2,
    contactPhone: "06 1111 2222",
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  buddyRecordId = (made.body as { id: string }).id;
  const account = await admin("POST", "/users", {
    email: BUDDY_EMAIL,
    displayName: buddy.givenName,
    role: "client",
    districts: [],
    clientId: buddy.id,
    password: BUDDY_PASSWORD,
  });
  expect(account.status, JSON.stringify(account.body)).toBe(201);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("a buddy for the demo client", () => {
  it("the consultant pairs the demo client with a buddy of the district, with the phone number the client agreed", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await page.setViewportSize({ width: WIDTH, height: 780 });
    await logIn(page, "consulent@demo.local");
    await page.goto("/buddies");
    await expectHeading(page, "Maatjes");
    await page
      .getByRole("link", { name: new RegExp(buddy.givenName) })
      .first()
      .waitFor();
    await settled(page, "the district's buddies");
    await page.goto(`/clients/${demoClient.id}?tab=placements`);
    await page.getByRole("heading", { name: "Koppel aan een maatje" }).waitFor();
    await page.getByRole("combobox", { name: "Maatje" }).selectOption(buddyRecordId);
    await page.getByLabel("Telefoonnummer voor het maatje").fill("06 3333 4444");
    await page.getByRole("button", { name: "Koppelen" }).click();
    await page.getByText(/Heeft maatje .* sinds/).waitFor();
    await settled(page, "the client's buddy section after pairing");
    await context.close();
  }, 120_000);

  it("the consultant makes a client a buddy after a question, and undoes it while its letter is inside", async () => {
    const created = await consultant<{ id: string }>("POST", "/clients", {
      ...buildClient({ givenName: "Ilse", familyName: "Maatwerk" }),
      capacityHoursPerWeek: 12,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const clientId = created.body.id;
    const { context, page } = await newPage(browser, server.baseUrl);
    await page.setViewportSize({ width: WIDTH, height: 780 });
    await logIn(page, "consulent@demo.local");
    await page.goto(`/clients/${clientId}?tab=placements`);
    const form = page.getByRole("form", { name: "Afspraak als maatje" });
    await form.waitFor();
    await form.getByLabel("Training gevolgd op").fill(addDays(todayInAmsterdam(), -7));
    await form.getByLabel("Maatje vanaf").fill(todayInAmsterdam());
    await form.getByLabel("Uren per week").fill("2");
    await form.getByLabel("Telefoonnummer dat het maatje geeft").fill("06 5555 6666");
    await form.getByRole("button", { name: "Afspraak maken" }).click();
    await page.getByRole("dialog", { name: "Brief versturen?" }).getByRole("button", { name: "Ja, brief versturen" }).click();
    const made = page.getByRole("status").filter({ hasText: "De afspraak is gemaakt." });
    await made.waitFor();
    expect(await form.count()).toBe(0);
    await settled(page, "the buddy agreement, undoable");

    await made.getByRole("button", { name: /^Ongedaan maken/ }).click();
    await page.getByText("De afspraak als maatje is ongedaan gemaakt. De brief en het besluit zijn ingetrokken.").waitFor();
    await form.waitFor();
    await settled(page, "the buddy agreement undone");
    await context.close();

    const contributions = await consultant<{ items: { kind: string }[] }>("GET", `/clients/${clientId}/contributions`);
    expect(contributions.body.items.filter((c) => c.kind === "peerBuddy")).toEqual([]);
    const letters = await consultant<{ items: { withdrawnAt: string | null }[] }>("GET", `/clients/${clientId}/letters`);
    expect(letters.body.items.map((l) => l.withdrawnAt !== null)).toEqual([true]);
  }, 120_000);

  it("the buddy sees only the first name and the agreed phone number of the person they support", async () => {
    const { page, close } = await phone(BUDDY_EMAIL, BUDDY_PASSWORD);
    await page.goto("/my-buddy");
    await expectHeading(page, "Mijn maatje");
    const first = demoClient.givenName.split(" ")[0] ?? demoClient.givenName;
    await page.getByRole("heading", { name: `U helpt: ${first}` }).waitFor();
    const call = page.getByRole("link", { name: "06 3333 4444" });
    expect(await call.getAttribute("href")).toBe("tel:0633334444");
    const text = (await page.locator("main").textContent()) ?? "";
    for (const other of [demoClient.familyName, demoClient.bsn, demoClient.postcode, demoClient.email ?? "@never@"]) {
      expect(text).not.toContain(other);
    }
    await settled(page, "the buddy's page");

    // The buddy records a meeting: a day in the future is refused beside its field, then today's hour and a half counts.
    await page.getByRole("heading", { name: `Ontmoeting met ${first} vastleggen` }).waitFor();
    const tomorrow = addDays(todayInAmsterdam(), 1);
    await page.getByLabel("Wanneer zag u elkaar?").fill(tomorrow);
    await page.getByLabel("Hoeveel uur?").fill("1,5");
    await page.getByRole("button", { name: "Opslaan" }).click();
    const dateError = page.locator(`#field-heldOn-${await pairingIdOnPage(page)}-error`);
    await dateError.waitFor();
    await settled(page, "a meeting refused");
    await page.getByLabel("Wanneer zag u elkaar?").fill(todayInAmsterdam());
    await page.getByRole("button", { name: "Opslaan" }).click();
    await page.getByText("De ontmoeting is opgeslagen.").waitFor();
    await page.getByText(/1 keer samen, 1,5 uur/).waitFor();
    await settled(page, "a meeting recorded");
    await close();
  }, 120_000);

  it("the demo client stops with one confirmation and no reason, and nothing adverse follows", async () => {
    const before = await consequences();
    const { page, close } = await phone("klant@demo.local");
    await page.goto("/");
    await page.getByRole("link", { name: "Mijn maatje" }).click();
    await expectHeading(page, "Mijn maatje");
    const buddyFirst = buddy.givenName.split(" ")[0] ?? buddy.givenName;
    await page.getByRole("heading", { name: `Uw maatje: ${buddyFirst}` }).waitFor();
    expect(await page.getByRole("link", { name: "06 1111 2222" }).getAttribute("href")).toBe("tel:0611112222");
    await settled(page, "my buddy");
    await page.getByRole("button", { name: `Stoppen met ${buddyFirst}` }).click();
    await page.getByRole("heading", { name: "Wilt u echt stoppen?" }).waitFor();
    const confirmation = page.getByRole("region", { name: "Wilt u echt stoppen?" });
    expect(await confirmation.getByText(/U hoeft niet te zeggen waarom/).count()).toBe(1);
    expect(await confirmation.getByRole("textbox").count()).toBe(0);
    await settled(page, "the confirmation");
    await page.getByRole("button", { name: "Ja, stoppen" }).click();
    await page.getByText("U bent gestopt. Dit heeft geen gevolgen voor u.").waitFor();
    await page.getByText(/Gestopt op/).waitFor();
    await settled(page, "after stopping");
    await close();
    expect(await consequences()).toEqual(before);
  }, 120_000);

  it("the buddy ends their own agreement with one confirmation and no reason; the person supported reads that it is not them", async () => {
    const repaired = await consultant("POST", "/buddy-pairings", {
      buddyId: buddyRecordId,
      clientId: demoClient.id,
      contactPhone: "06 3333 4444",
    });
    expect(repaired.status, JSON.stringify(repaired.body)).toBe(201);
    const before = await consequences();
    const { page, close } = await phone(BUDDY_EMAIL, BUDDY_PASSWORD);
    await page.goto("/my-buddy");
    await expectHeading(page, "Mijn maatje");
    const agreement = page.getByRole("article", { name: "U bent maatje" });
    await agreement.getByText(/Uw 3 uur per week tellen als uw tegenprestatie/).waitFor();
    await settled(page, "the buddy's agreement");
    await agreement.getByRole("button", { name: "Stoppen als maatje" }).click();
    const confirmation = page.getByRole("region", { name: "Wilt u echt stoppen als maatje?" });
    await confirmation.getByText(/U hoeft niet te zeggen waarom/).waitFor();
    expect(await confirmation.getByRole("textbox").count()).toBe(0);
    await settled(page, "the confirmation to stop as a buddy");
    await confirmation.getByRole("button", { name: "Ja, stoppen" }).click();
    await page.getByText(/U bent gestopt als maatje. Dit heeft geen gevolgen voor u./).waitFor();
    await agreement.getByText(/U bent gestopt als maatje op/).waitFor();
    expect(await page.getByRole("button", { name: "Stoppen als maatje" }).count()).toBe(0);
    // The pairing ended with it: no phone number of the person supported any more.
    expect(await page.getByRole("link", { name: "06 3333 4444" }).count()).toBe(0);
    await settled(page, "after stopping as a buddy");
    await close();

    const supported = await phone("klant@demo.local");
    await supported.page.goto("/my-buddy");
    const buddyFirst = buddy.givenName.split(" ")[0] ?? buddy.givenName;
    await supported.page.getByText(`${buddyFirst} is gestopt. Dat ligt niet aan u.`, { exact: false }).first().waitFor();
    await settled(supported.page, "my buddy after the buddy stopped");
    await supported.close();
    // Nothing adverse followed for the person supported, and the buddy's hours no longer count.
    expect(await consequences()).toEqual(before);
    const contributions = await consultant<{ items: { kind: string; status: string; endedOn: string | null }[] }>(
      "GET",
      `/clients/${buddy.id}/contributions`,
    );
    expect(contributions.body.items.find((c) => c.kind === "peerBuddy")).toMatchObject({ status: "ended", endedOn: todayInAmsterdam() });
  }, 120_000);
});

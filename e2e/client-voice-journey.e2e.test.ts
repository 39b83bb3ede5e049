import fs from "node:fs";
import { expectDefined } from "@server/testing/expect-defined.js";
import { addDays, todayInAmsterdam } from "@shared/dates.js";
import type { DecisionOutput } from "@shared/schemas/decisions.js";
import type { PlacementOutput } from "@shared/schemas/placements.js";
import type { SanctionOutput } from "@shared/schemas/sanctions.js";
import type { MeOutput } from "@shared/schemas/users.js";
import type { WorkQueueItem } from "@shared/schemas/work-queue.js";
import { PDFParse } from "pdf-parse";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiCaller, apiAs } from "./api.js";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage } from "./browser.js";
import { expectNoSidewaysScroll } from "./layout.js";
import { openMenuItem } from "./menu.js";
import { contributionAskedBy } from "./sanction-facts.js";
import { startServer, type TestServer } from "./server.js";

// The demo client on a phone (390 × 844): from the start page they say how it goes and ask for help (which reaches
// the consultant's work queue as urgent today), give their side of an ended placement and rate it, object to a
// decision in their decisions list, and download everything held on them, where all of it is found again.

let server: TestServer;
let browser: Browser;
let clientId: string;
let decisionId: string;
let placementId: string;
let consultant: ApiCaller;
let proposedSanctionId: string;
let teamLead: ApiCaller;

async function settled(page: Page, what: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page, what);
  await expectNoSidewaysScroll(page, what, [390, 360, 1280]);
}

async function phone(): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await newPage(browser, server.baseUrl);
  await page.setViewportSize({ width: 390, height: 844 });
  await logIn(page, "klant@demo.local");
  return { page, close: () => context.close() };
}

/** A proposed sanction whose hearing the client is invited to by letter, with the date to respond. */
async function invitedToHearing(): Promise<string> {
  const proposed = await consultant<SanctionOutput>("POST", `/clients/${clientId}/sanctions`, {
    ground: "refusedContribution",
    ...(await contributionAskedBy(consultant, clientId)),
    factsDate: addDays(todayInAmsterdam(), -1),
    facts: "Kwam niet naar het gesprek bij de buurtmoestuin.",
    culpability: "full",
    circumstances: "Geen bijzondere omstandigheden bekend.",
    urgentReasons: false,
  });
  expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
  const invited = await consultant<SanctionOutput>("POST", `/sanctions/${proposed.body.id}/hearing-invitation`);
  expect(invited.status, JSON.stringify(invited.body)).toBe(200);
  expect(invited.body.hearing.respondBy).not.toBeNull();
  return proposed.body.id;
}

/** An ended placement of the demo client at the demo host: referred, accepted, started and ended by the host. */
async function endedPlacement(host: ApiCaller, organisationId: string): Promise<string> {
  const role = await consultant<{ id: string }>("POST", "/roles", {
    organisationId,
    title: "Hulp bij de moestuin",
    description: "Water geven, onkruid wieden en oogsten met de buurt.",
    hoursPerWeek: 2,
    guidanceLevel: "intensive",
    places: 2,
    displacementCheck: {
      paidInLastThreeYears: false,
      doneByPaidStaffElsewhere: false,
      wouldOtherwiseBePaid: false,
      partOfPaidService: false,
      recentStaffCuts: false,
    },
  });
  expect(role.status).toBe(201);
  const patched = await consultant("PATCH", `/clients/${clientId}`, { capacityHoursPerWeek: 40 });
  expect(patched.status).toBe(200);
  const proposed = await consultant<PlacementOutput>("POST", "/placements", {
    clientId,
    roleId: role.body.id,
    hoursPerWeek: 2,
    guidanceOverrideReason: "Met de organisatie afgesproken dat de begeleiding past.",
  });
  expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
  const id = proposed.body.id;
  expect((await host("POST", `/placements/${id}/accept`)).status).toBe(200);
  const started = await host("POST", `/placements/${id}/start`, {
    agreement: {
      startDate: addDays(todayInAmsterdam(), -20),
      endDate: addDays(todayInAmsterdam(), 100),
      hoursPerWeek: 2,
      tasks: "Water geven en oogsten.",
      contactPerson: "Joop, tuinman",
      guidanceArrangement: "Elke week samen beginnen.",
    },
  });
  expect(started.status).toBe(200);
  const ended = await host("POST", `/placements/${id}/end`, { reason: "clientStopped", attributableTo: "client", note: "Kwam niet meer." });
  expect(ended.status).toBe(200);
  return id;
}

beforeAll(async () => {
  // The host answers referrals right after they are made: no hold for undoing.
  server = await startServer({ undoHoldMinutes: 0 });
  browser = await launchBrowser();
  const self = await apiAs(server.baseUrl, "klant@demo.local");
  clientId = expectDefined((await self<MeOutput>("GET", "/me")).body.clientId, "the client behind the account");
  consultant = await apiAs(server.baseUrl, "consulent@demo.local");
  const lead = await apiAs(server.baseUrl, "teamleider@demo.local");
  const host = await apiAs(server.baseUrl, "organisatie@demo.local");
  const organisationId = expectDefined((await host<MeOutput>("GET", "/me")).body.organisationId, "the host's organisation");
  teamLead = lead;
  // A proposal is refused while a placement's ending waits to be determined, so the sanction comes first.
  proposedSanctionId = await invitedToHearing();
  placementId = await endedPlacement(host, organisationId);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the client's own voice, on a phone", () => {
  it("says how it goes and asks for help; the consultant's work queue shows it first, as urgent, today", async () => {
    const { page, close } = await phone();
    await expectHeading(page, "Wat moet ik doen?");
    await settled(page, "start page");
    await page.getByRole("link", { name: "Hoe gaat het? Vertel het ons" }).click();
    await expectHeading(page, "Hoe gaat het?");
    await settled(page, "check-in");

    await page.getByRole("button", { name: "Versturen" }).click();
    await page.getByText(/Er (is|zijn) \d+ fout/).waitFor();
    await settled(page, "check-in with errors");

    await page.getByLabel("Hoe gaat het met u?").fill("Ik slaap slecht en maak me zorgen over geld.");
    for (const group of await page.locator("fieldset fieldset").all()) await group.getByLabel("Soms", { exact: true }).check();
    await page.getByLabel("Ik heb hulp nodig").check();
    await page.getByLabel(/^Waar heeft u hulp bij nodig\?/).fill("Een brief van de deurwaarder.");
    await settled(page, "check-in filled in");
    await page.getByRole("button", { name: "Versturen" }).click();
    await page.getByText(/^Dank u wel\. Uw consulent weet nu dat u hulp nodig heeft/).waitFor();
    await settled(page, "check-in sent");
    await close();

    const queue = await consultant<{ items: WorkQueueItem[] }>("GET", "/work-queue?pageSize=5");
    const first = expectDefined(queue.body.items[0], "the first item of the work queue");
    expect(first.clientId).toBe(clientId);
    // A due-process deadline of the same client may rank above it; the help asked for today is there, as wellbeing.
    expect(first.reasons).toContainEqual(expect.objectContaining({ code: "helpRequested", since: todayInAmsterdam() }));
  }, 120_000);

  it("gives their side of an ended placement and rates it; the consultant sees the side in the attribution step", async () => {
    const { page, close } = await phone();
    await page.getByRole("link", { name: "Mijn vrijwilligerswerk" }).click();
    await expectHeading(page, "Mijn vrijwilligerswerk");
    const card = page.locator("article", { has: page.getByRole("heading", { level: 2, name: /Hulp bij de moestuin/ }) });
    await card.waitFor();
    await settled(page, "my placements");

    await card.getByRole("link", { name: /^Mijn kant van het verhaal/ }).click();
    await expectHeading(page, "Mijn kant van het verhaal");
    await page.getByLabel("Wat gebeurde er?").fill("Mijn rug deed pijn van het bukken. Ik heb dat gezegd, maar er was geen ander werk.");
    await page.getByLabel("Het werk was te zwaar").check();
    await settled(page, "my side filled in");
    await page.getByRole("button", { name: "Versturen" }).click();
    await page.getByText("Dank u wel. Uw consulent leest uw kant van het verhaal.").waitFor();
    await settled(page, "my side sent");

    await page.getByRole("link", { name: "Terug naar mijn vrijwilligerswerk" }).click();
    await card.getByRole("link", { name: /^Wat vond u ervan\?/ }).click();
    await expectHeading(page, "Wat vond u ervan?");
    await page.getByLabel("2 – niet goed").check();
    await page.getByLabel(/^Wilt u er iets over zeggen\?/).fill("Aardige mensen, maar te zwaar werk voor mij.");
    await settled(page, "feedback filled in");
    await page.getByRole("button", { name: "Versturen" }).click();
    await page.getByText("Dank u wel voor uw mening.").waitFor();
    await settled(page, "feedback sent");
    await close();

    const { context, page: desk } = await newPage(browser, server.baseUrl);
    await logIn(desk, "consulent@demo.local");
    await desk.goto(`/placements/${placementId}`);
    await desk.getByRole("heading", { level: 2, name: "Aan wie ligt het einde?" }).waitFor();
    await desk.getByText("Reden volgens de cliënt: Het werk was te zwaar").waitFor();
    expect(await desk.getByLabel("Wat vertelt de deelnemer?").inputValue()).toContain("Mijn rug deed pijn");
    await desk.waitForLoadState("networkidle");
    await expectNoAxeViolations(desk, "attribution step with the client's side");
    await context.close();
  }, 120_000);

  it("responds in writing to a proposed sanction, seeing until when", async () => {
    const { page, close } = await phone();
    await page.goto(`/clients/${clientId}?tab=sanctions`);
    await page
      .getByRole("button", { name: /^Reageren/ })
      .first()
      .click();
    await page.getByText(/^U kunt reageren tot en met /).waitFor();
    await page.getByRole("link", { name: "Lees de uitnodiging (PDF)" }).waitFor();
    await settled(page, "hearing response form");
    await page.getByLabel("Uw reactie").fill("Ik was ziek die dag. Ik heb een briefje van de huisarts.");
    await page.getByRole("button", { name: "Reactie versturen" }).click();
    await page.getByText("Uw reactie is verstuurd. De teamleider leest die voordat die beslist.").waitFor();
    await settled(page, "hearing response sent");
    await close();

    const heard = await consultant<SanctionOutput>("GET", `/sanctions/${proposedSanctionId}`);
    expect(heard.body.hearing).toMatchObject({ channel: "portal", record: "Ik was ziek die dag. Ik heb een briefje van de huisarts." });

    // The consultant determines the ended placement's attribution, and a team lead decides: the decision objected to next.
    const attributed = await consultant("POST", `/placements/${placementId}/attribution`, {
      attributableTo: "none",
      reasons: "Het werk was te zwaar voor de rug van de deelnemer.",
      clientAccount: "Mijn rug deed pijn van het bukken.",
      channel: "portal",
    });
    expect(attributed.status, JSON.stringify(attributed.body)).toBe(200);
    const decided = await teamLead<SanctionOutput>("POST", `/sanctions/${proposedSanctionId}/decision`, {
      outcome: "imposed",
      reasons: "Een briefje van de huisarts is er niet gekomen.",
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    decisionId = expectDefined(decided.body.decisionId, "the sanction's decision");
  }, 120_000);

  it("objects to a decision from their decisions list, with the objection term shown", async () => {
    const { page, close } = await phone();
    await openMenuItem(page, "Mijn besluiten");
    await expectHeading(page, "Mijn besluiten");
    const decision = page.locator(`article[aria-labelledby="decision-${decisionId}"]`);
    await decision.getByText(/^Bent u het niet eens\? U kunt bezwaar maken tot en met /).waitFor();
    await settled(page, "my decisions");
    await decision.getByRole("button", { name: /^Bezwaar maken/ }).click();
    await page
      .getByLabel("Waarom bent u het niet eens met het besluit?")
      .fill("De bus reed die dag echt niet. Ik heb een bericht van de RET.");
    await settled(page, "objection form");
    await page.getByRole("button", { name: "Bezwaar versturen" }).click();
    await page.getByText(/^Uw bezwaar is verstuurd\./).waitFor();
    await settled(page, "objection sent");
    await close();

    const self = await apiAs(server.baseUrl, "klant@demo.local");
    const objected = await self<DecisionOutput>("GET", `/decisions/${decisionId}`);
    expect(objected.body.objection).toMatchObject({ receivedOn: todayInAmsterdam(), onTime: true });
  }, 120_000);

  it("downloads everything held on them as a PDF from the start page, and finds what they did here in it", async () => {
    const { page, close } = await phone();
    await expectHeading(page, "Wat moet ik doen?");
    await page.getByRole("link", { name: "Mijn gegevens en wie ze bekeek" }).click();
    await expectHeading(page, "Mijn gegevens");
    await settled(page, "my data");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Download als PDF/ }).click()]);
    const file = expectDefined(await download.path(), "the downloaded PDF");
    const text = (await new PDFParse({ data: fs.readFileSync(file) }).getText()).text.replace(/\s+/g, " ");
    await close();
    // The check-in, the side of the ending and the objection, each as the client wrote it.
    expect(text).toContain("Ik slaap slecht en maak me zorgen over geld.");
    expect(text).toContain("Mijn rug deed pijn van het bukken.");
    expect(text).toContain("De bus reed die dag echt niet.");
  }, 120_000);
});

import { expectDefined } from "@server/testing/expect-defined.js";
import { todayInAmsterdam } from "@shared/dates.js";
import type { ClientOutput } from "@shared/schemas/clients.js";
import type { DecisionOutput, ObjectionOutput } from "@shared/schemas/decisions.js";
import type { SanctionOutput } from "@shared/schemas/sanctions.js";
import type { MeOutput } from "@shared/schemas/users.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiCaller, apiAs } from "./api.js";
import { expectHeading, expectNoAxeViolations, hrefOf, launchBrowser, logIn, newPage } from "./browser.js";
import { expectNoSidewaysScroll } from "./layout.js";
import { openMenuItem } from "./menu.js";
import { contributionAskedBy } from "./sanction-facts.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let browser: Browser;
let clientId: string;
let sanctionId: string;
let decisionId: string;
let objectionId: string;

/** One decision on the page, by its id: the demo history may hold others of the same type. */
const decisionPanel = (page: Page, id: string) => page.locator(`article[aria-labelledby="decision-${id}"]`);

/** A second team lead of the client's district, who had no part in the sanction: the one who may decide the objection. */
const SECOND_LEAD = { email: "teamleider.bezwaar@demo.local", password: "bezwaar-horen-en-beslissen" };

const errorSummary = (page: Page) => page.getByText(/Er (is|zijn) \d+ fout/);

async function settled(page: Page, what: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page, what);
}

/** The client's sanction, proposed, heard and imposed through the API: the decision the client objects to. */
async function decidedSanction(consultant: ApiCaller, lead: ApiCaller): Promise<SanctionOutput> {
  const proposed = await consultant<SanctionOutput>("POST", `/clients/${clientId}/sanctions`, {
    ground: "refusedContribution",
    ...(await contributionAskedBy(consultant, clientId)),
    factsDate: todayInAmsterdam(),
    facts: "Wilde niet beginnen bij de voedselbank.",
    culpability: "full",
    circumstances: "Geen bijzondere omstandigheden bekend.",
    urgentReasons: false,
  });
  expect(proposed.status).toBe(201);
  const heard = await consultant("POST", `/sanctions/${proposed.body.id}/hearing`, {
    heldOn: todayInAmsterdam(),
    channel: "phone",
    record: "De cliënt zegt dat hij die dag voor zijn moeder moest zorgen.",
  });
  expect(heard.status).toBe(200);
  const decided = await lead<SanctionOutput>("POST", `/sanctions/${proposed.body.id}/decision`, {
    outcome: "imposed",
    reasons: "De zorg voor de moeder was die dag niet nodig.",
  });
  expect(decided.status).toBe(200);
  return decided.body;
}

beforeAll(async () => {
  server = await startServer({ undoHoldMinutes: 0 });
  browser = await launchBrowser();
  const self = await apiAs(server.baseUrl, "klant@demo.local");
  clientId = expectDefined((await self<MeOutput>("GET", "/me")).body.clientId, "the client behind the account");
  const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
  const lead = await apiAs(server.baseUrl, "teamleider@demo.local");
  sanctionId = (await decidedSanction(consultant, lead)).id;
  const decisions = await self<{ items: DecisionOutput[] }>("GET", `/clients/${clientId}/decisions`);
  const sanctionDecision = decisions.body.items.find((item) => item.subject.id === sanctionId);
  decisionId = expectDefined(sanctionDecision, "the sanction's decision").id;

  // The demo has one team lead for this district; the objection needs one who was not involved.
  const client = await consultant<ClientOutput>("GET", `/clients/${clientId}`);
  const admin = await apiAs(server.baseUrl, "admin@demo.local");
  const created = await admin("POST", "/users", {
    email: SECOND_LEAD.email,
    displayName: "Bas Bezwaar",
    role: "teamLead",
    districts: [expectDefined(client.body.district, "the client's district")],
    password: SECOND_LEAD.password,
  });
  expect(created.status).toBe(201);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("an objection against a sanction, from the client's portal to the decision on objection", () => {
  it("the client reads the decision in plain words and objects through the portal, on a 360 px screen", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await page.setViewportSize({ width: 360, height: 780 });
    await logIn(page, "klant@demo.local");
    await openMenuItem(page, "Mijn besluiten");
    await expectHeading(page, "Mijn besluiten");
    const decision = decisionPanel(page, decisionId);
    await decision.getByRole("heading", { name: /^U krijgt een maatregel/ }).waitFor();
    await decision.getByText("U krijgt een tijd minder uitkering, omdat u zich niet aan de afspraken hield.").waitFor();
    await decision.getByText(/^Bent u het niet eens\? U kunt bezwaar maken tot en met /).waitFor();
    const letter = decision.getByRole("link", { name: /^Lees de brief \(PDF\)/ });
    const pdf = await page.request.get(await hrefOf(letter));
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await settled(page, "my decisions");
    await expectNoSidewaysScroll(page, "my decisions");

    await decision.getByRole("button", { name: /^Bezwaar maken/ }).click();
    // Through the portal the objection is received today: no date to fill in.
    expect(await page.getByLabel("Datum van ontvangst").count()).toBe(0);
    await page.getByRole("button", { name: "Bezwaar versturen" }).click();
    await errorSummary(page).waitFor();
    expect(await page.getByLabel("Waarom bent u het niet eens met het besluit?").getAttribute("aria-invalid")).toBe("true");
    await settled(page, "objection form with errors");
    await expectNoSidewaysScroll(page, "objection form with errors");

    await page
      .getByLabel("Waarom bent u het niet eens met het besluit?")
      .fill("Mijn moeder had die dag echt zorg nodig. Ik stuur een brief van de huisarts.");
    await page.getByRole("button", { name: "Bezwaar versturen" }).click();
    await page.getByText(/^Uw bezwaar is verstuurd\./).waitFor();
    await decision.getByText(/^Wij kregen uw bezwaar op .+\. U hoort vóór .+ wat wij besluiten\.$/).waitFor();
    expect(await decision.getByRole("button", { name: /^Bezwaar maken/ }).count()).toBe(0);
    await settled(page, "objection sent");
    await expectNoSidewaysScroll(page, "objection sent");
    await context.close();

    const self = await apiAs(server.baseUrl, "klant@demo.local");
    const sanctionDecision = await self<DecisionOutput>("GET", `/decisions/${decisionId}`);
    const objection = expectDefined(sanctionDecision.body.objection, "the objection");
    expect(objection).toMatchObject({ receivedOn: todayInAmsterdam(), onTime: true, representative: null });
    objectionId = objection.id;
  }, 180_000);

  it("the team lead who imposed the sanction may not decide the objection", async () => {
    const lead = await apiAs(server.baseUrl, "teamleider@demo.local");
    const refused = await lead<{ code: string }>("POST", `/objections/${objectionId}/outcome`, {
      outcome: "unfounded",
      reasons: "Het besluit blijft.",
    });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("involvedInDecision");

    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "teamleider@demo.local");
    await page.goto(`/objections/${objectionId}`);
    await expectHeading(page, "Bezwaar: Maatregel opgelegd");
    await page.getByRole("heading", { level: 2, name: "Beslissing op bezwaar" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(await page.getByRole("button", { name: "Beslissen op bezwaar" }).count()).toBe(0);
    await expectNoAxeViolations(page, "objection as the involved team lead");
    await context.close();
  }, 120_000);

  it("a second team lead hears the client, corrects the record and decides: the objection is well-founded", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, SECOND_LEAD.email, SECOND_LEAD.password);

    // From the sanction to its decision, and from there to the objection.
    await page.goto(`/clients/${clientId}?tab=sanctions`);
    await page.getByRole("heading", { level: 2, name: "Maatregelen" }).waitFor();
    await page
      .getByRole("link", { name: /^Naar het besluit/ })
      .first()
      .click();
    await page.getByRole("heading", { level: 2, name: "Besluiten" }).waitFor();
    const decision = decisionPanel(page, decisionId);
    await decision.getByText(/^Bezwaar mogelijk tot en met /).waitFor();
    await decision.getByText(/^Ontvangen op /).waitFor();
    await settled(page, "client decisions as team lead");
    await decision.getByRole("link", { name: "Bezwaar openen" }).click();
    await expectHeading(page, "Bezwaar: Maatregel opgelegd");
    await page.getByText("Op tijd", { exact: true }).waitFor();
    await page.getByText("De cliënt is nog niet gehoord.").waitFor();
    await settled(page, "objection page");

    // The one postponement by six weeks, with reasons; it cannot be repeated.
    await page.getByRole("button", { name: "Beslistermijn uitstellen" }).click();
    await page.getByRole("button", { name: "Uitstellen", exact: true }).click();
    await errorSummary(page).waitFor();
    expect(await page.getByRole("dialog", { name: "Brief versturen?" }).count()).toBe(0);
    await settled(page, "postponement with errors");
    await page.getByLabel("Waarom is uitstel nodig?").fill("Wij wachten op de verklaring van het ziekenhuis.");
    await page.getByRole("button", { name: "Uitstellen", exact: true }).click();
    await page.getByRole("dialog", { name: "Brief versturen?" }).getByRole("button", { name: "Ja, brief versturen" }).click();
    await page.getByText(/^De beslistermijn is met zes weken uitgesteld\./).waitFor();
    await page.getByText(/ \(uitgesteld\)$/).waitFor();
    expect(await page.getByRole("button", { name: "Beslistermijn uitstellen" }).count()).toBe(0);
    await page.getByRole("link", { name: /^Uitstelbrief downloaden/ }).waitFor();
    await settled(page, "decision term postponed");

    // Undone while the letter is still inside: the letter withdrawn, the date to decide by as it was; then postponed again.
    await page.getByRole("button", { name: /^Ongedaan maken/ }).click();
    await page.getByText(/^Het uitstel is ongedaan gemaakt\./).waitFor();
    await page.getByRole("button", { name: "Beslistermijn uitstellen" }).waitFor();
    expect(await page.getByText(/ \(uitgesteld\)$/).count()).toBe(0);
    expect(await page.getByRole("link", { name: /^Uitstelbrief downloaden/ }).count()).toBe(0);
    await settled(page, "postponement undone");
    await page.getByRole("button", { name: "Beslistermijn uitstellen" }).click();
    await page.getByLabel("Waarom is uitstel nodig?").fill("Wij wachten op de verklaring van het ziekenhuis.");
    await page.getByRole("button", { name: "Uitstellen", exact: true }).click();
    await page.getByRole("dialog", { name: "Brief versturen?" }).getByRole("button", { name: "Ja, brief versturen" }).click();
    await page.getByText(/ \(uitgesteld\)$/).waitFor();

    await page.getByRole("button", { name: "Uitnodigen voor hoorzitting" }).click();
    expect(await page.getByRole("dialog", { name: "Brief versturen?" }).textContent()).toMatch(
      /Deze brief gaat naar (?!de cliënt).+: een uitnodiging om het bezwaar uit te leggen\./,
    );
    await page.getByRole("dialog", { name: "Brief versturen?" }).getByRole("button", { name: "Ja, brief versturen" }).click();
    await page.getByText("De uitnodiging voor de hoorzitting is verstuurd.", { exact: true }).first().waitFor();
    await page.getByRole("link", { name: /^Uitnodiging downloaden/ }).waitFor();
    await settled(page, "hearing invitation sent");

    await page.getByRole("button", { name: "Hoorzitting vastleggen" }).click();
    await page.getByLabel("Verslag", { exact: true }).fill("");
    await page.getByRole("button", { name: "Verslag opslaan" }).click();
    await errorSummary(page).waitFor();
    await settled(page, "hearing record with errors");
    await page.getByLabel("Verslag", { exact: true }).fill("De cliënt vertelt dat zijn moeder die dag in het ziekenhuis lag.");
    await page.getByRole("button", { name: "Verslag opslaan" }).click();
    await page.getByText("Het verslag van de hoorzitting is opgeslagen.").waitFor();
    const versions = page.getByRole("list", { name: "Versies van het verslag" });
    await versions.getByRole("heading", { name: "Versie 1" }).waitFor();
    await versions.getByText(/^Gehoord op .+ door Bas Bezwaar, vastgelegd op /).waitFor();

    // A correction adds a version; the first stays, oldest first.
    await page.getByRole("button", { name: "Verslag verbeteren" }).click();
    expect(await page.getByLabel("Verbetert versie").inputValue()).toBe("1");
    await page
      .getByLabel("Verslag", { exact: true })
      .fill("De cliënt vertelt dat zijn moeder die dag in het ziekenhuis werd opgenomen; hij bracht haar erheen.");
    await page.getByRole("button", { name: "Verslag opslaan" }).click();
    await versions.getByRole("heading", { name: "Versie 2 (verbetert versie 1)" }).waitFor();
    expect(await versions.getByRole("heading").allInnerTexts()).toEqual(["Versie 1", "Versie 2 (verbetert versie 1)"]);
    await settled(page, "hearing corrected");

    await page.getByRole("button", { name: "Beslissen op bezwaar" }).click();
    const outcome = page.getByRole("group", { name: "Uw beslissing" });
    await outcome.getByLabel("Deels gegrond: een nieuw, milder besluit").check();
    await page.getByLabel("Percentage").waitFor();
    await page.getByLabel("Aantal maanden").waitFor();
    await settled(page, "outcome, partly well-founded");
    await outcome.getByLabel("Gegrond: het besluit wordt herroepen").check();
    expect(await page.getByLabel("Percentage").count()).toBe(0);
    await page.getByRole("button", { name: "Beslissing opslaan" }).click();
    await errorSummary(page).waitFor();
    expect(await page.getByRole("dialog", { name: "Brief versturen?" }).count()).toBe(0);
    await settled(page, "outcome with errors");
    await page
      .getByLabel("Redenen van uw beslissing")
      .fill("De moeder werd opgenomen; de cliënt had een dringende reden om niet te komen.");
    await page.getByRole("button", { name: "Beslissing opslaan" }).click();
    await page.getByRole("dialog", { name: "Brief versturen?" }).getByRole("button", { name: "Ja, brief versturen" }).click();
    await page.getByText(/^De beslissing op het bezwaar is opgeslagen\./).waitFor();
    await page.getByText("Gegrond: het besluit wordt herroepen", { exact: true }).waitFor();
    await page.getByText(/^Besloten op /).waitFor();
    await page.getByRole("link", { name: "Naar de beslissing op bezwaar en de brief" }).waitFor();
    expect(await page.getByRole("button", { name: "Beslissen op bezwaar" }).count()).toBe(0);
    await settled(page, "objection decided");

    await page.setViewportSize({ width: 360, height: 780 });
    await page.reload();
    await expectHeading(page, "Bezwaar: Maatregel opgelegd");
    await settled(page, "objection page at 360 px");
    await expectNoSidewaysScroll(page, "objection page");
    await context.close();

    const lead = await apiAs(server.baseUrl, SECOND_LEAD.email, SECOND_LEAD.password);
    const objection = await lead<ObjectionOutput>("GET", `/objections/${objectionId}`);
    expect(objection.body.outcome).toBe("wellFounded");
    expect(objection.body.hearing.versions.map((version) => version.correctionOf)).toEqual([null, 1]);
  }, 240_000);

  it("the client reads the decision on objection, with the appeal instead of an objection", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await page.setViewportSize({ width: 360, height: 780 });
    await logIn(page, "klant@demo.local");
    await page.goto("/my-decisions");
    await expectHeading(page, "Mijn besluiten");
    const self = await apiAs(server.baseUrl, "klant@demo.local");
    const objected = await self<DecisionOutput>("GET", `/decisions/${decisionId}`);
    const outcomeDecisionId = expectDefined(objected.body.objection?.outcomeDecisionId, "the decision on objection");
    const onObjection = decisionPanel(page, outcomeDecisionId);
    await onObjection.getByRole("heading", { name: /^Ons besluit op uw bezwaar/ }).waitFor();
    await onObjection.getByText(/in beroep gaan bij de rechtbank/).waitFor();
    expect(await onObjection.getByRole("button", { name: /^Bezwaar maken/ }).count()).toBe(0);
    await decisionPanel(page, decisionId).getByText("U had gelijk. Wij hebben het besluit teruggedraaid.").waitFor();
    await settled(page, "my decisions after the objection");
    await expectNoSidewaysScroll(page, "my decisions after the objection");
    await context.close();
  }, 120_000);
});

import { expectDefined } from "@server/testing/expect-defined.js";
import { todayInAmsterdam } from "@shared/dates.js";
import type { PlacementOutput } from "@shared/schemas/placements.js";
import type { MeOutput } from "@shared/schemas/users.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiCaller, apiAs, referToHost } from "./api.js";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage } from "./browser.js";
import { expectNoSidewaysScroll } from "./layout.js";
import { openMenuItem } from "./menu.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let browser: Browser;
let referral: { placementId: string; clientId: string; givenName: string; roleTitle: string };

const HOST_ACCOUNT = "Hij kwam op tijd, maar paste niet in ons team. Wij hebben de plaatsing stopgezet.";
const CLIENT_ACCOUNT = "Ik deed mijn best. Na twee weken zei de leiding dat ik niet meer hoefde te komen.";

/** The consultant's own Charlois clients with an exemption (in force or asked for) or a sanction: not this journey's. */
async function clientsWithOtherProceedings(consultant: ApiCaller): Promise<string[]> {
  const mine = await consultant<{ items: { id: string }[] }>("GET", "/clients?district=Charlois&assignedToMe=true&pageSize=50");
  const busy: string[] = [];
  for (const { id } of mine.body.items) {
    const exemptions = await consultant<{ items: unknown[] }>("GET", `/clients/${id}/exemptions`);
    const sanctions = await consultant<{ items: unknown[] }>("GET", `/clients/${id}/sanctions`);
    if (exemptions.body.items.length > 0 || sanctions.body.items.length > 0) busy.push(id);
  }
  return busy;
}

/** A running placement at the demo host of one of the demo consultant's own clients: referred, accepted and started. */
async function runningPlacement(): Promise<typeof referral> {
  const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
  const host = await apiAs(server.baseUrl, "organisatie@demo.local");
  const me = await host<MeOutput>("GET", "/me");
  const skip = await clientsWithOtherProceedings(consultant);
  const made = await referToHost(consultant, expectDefined(me.body.organisationId, "the host's organisation"), { mine: true, skip });
  const accepted = await host("POST", `/placements/${made.placementId}/accept`);
  if (accepted.status >= 300) throw new Error(`could not accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  const today = todayInAmsterdam();
  const started = await host("POST", `/placements/${made.placementId}/start`, {
    agreement: {
      startDate: today,
      endDate: today,
      hoursPerWeek: 2,
      tasks: "Helpen in de kantine.",
      contactPerson: "Anja de Wit",
      guidanceArrangement: "Anja begeleidt elke dinsdag.",
    },
  });
  if (started.status >= 300) throw new Error(`could not start: ${started.status} ${JSON.stringify(started.body)}`);
  return made;
}

beforeAll(async () => {
  // The host answers referrals right after they are made: no hold for undoing.
  server = await startServer({ undoHoldMinutes: 0 });
  browser = await launchBrowser();
  referral = await runningPlacement();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const errorSummary = (page: Page) => page.getByText(/Er (is|zijn) \d+ fout/);
const attributionForm = (page: Page) => page.getByRole("region", { name: "Aan wie ligt het einde?" });

async function settled(page: Page, what: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page, what);
}

/** Text to find literally inside a regular expression. */
function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The value beside a term in a page's facts list. */
function fact(page: Page, term: string) {
  return page.locator(".nv-facts__item", { has: page.getByText(term, { exact: true }) }).locator("dd");
}

describe("who ended the placement: the host tells, the consultant hears the client and decides, no sanction follows", () => {
  it("the host ends the placement with its account and only a view of whose doing it was", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "organisatie@demo.local");
    await page.goto(`/placements/${referral.placementId}`);
    await expectHeading(page, `${referral.givenName} bij ${referral.roleTitle}`);
    await page.getByRole("heading", { level: 2, name: "Plaatsing stoppen" }).waitFor();
    await page.getByText(/U beslist niet aan wie het einde ligt/).waitFor();
    await settled(page, "running placement, as host");

    await page.getByLabel("Waarom is de plaatsing gestopt?").selectOption({ label: "Paste niet goed" });
    await page.getByLabel("Wat gebeurde er?").fill(HOST_ACCOUNT);
    const view = page.getByLabel("Uw kijk: aan wie ligt het einde? (niet verplicht)");
    await page.getByText("Dit is alleen uw kijk. De consulent beslist, nadat de deelnemer ook is gehoord.").waitFor();
    await view.selectOption({ label: "De deelnemer" });
    await page.getByRole("button", { name: "Stoppen melden" }).click();
    await page.getByText("De plaatsing is gestopt. De consulent krijgt dit te zien.").waitFor();
    await fact(page, "Wat er gebeurde (melding bij het stoppen)").getByText(HOST_ACCOUNT).waitFor();
    // A host neither sees whether the municipality holds the client responsible nor determines it.
    expect(await page.getByText("Aan wie het einde ligt", { exact: true }).count()).toBe(0);
    expect(await attributionForm(page).count()).toBe(0);
    await settled(page, "ended placement, as host");
    await context.close();

    const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
    const ended = await consultant<PlacementOutput>("GET", `/placements/${referral.placementId}`);
    expect(ended.body).toMatchObject({ status: "ended", endReason: "poorFit", attributableTo: "undetermined", hostAccount: HOST_ACCOUNT });
    expect(ended.body.abilities.attribute).toBe(true);
  }, 120_000);

  it("the consultant finds it on the work queue, hears the client and attributes the ending to the organisation", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    await openMenuItem(page, "Werkvoorraad");
    await expectHeading(page, "Werkvoorraad");
    await page.getByLabel("Alleen").selectOption({ label: "Einde plaatsing: aan wie ligt het?" });
    const action = page.getByRole("link", {
      name: new RegExp(`^Hoor de cliënt en bepaal aan wie het ligt \\(${escaped(referral.givenName)} `),
    });
    await action.first().waitFor();
    await settled(page, "work queue, endings to attribute");

    await action.first().click();
    await page.getByRole("heading", { level: 2, name: "Plaatsingen" }).waitFor();
    const row = page
      .getByRole("row")
      .filter({ hasText: referral.roleTitle })
      .filter({ hasText: "Aan wie het einde ligt: nog niet bepaald" });
    await row.waitFor();
    await settled(page, "client placements, ending undetermined");

    await row.getByRole("link").first().click();
    await expectHeading(page, `${referral.givenName} bij ${referral.roleTitle}`);
    await fact(page, "Aan wie het einde ligt").getByText("Nog niet bepaald").waitFor();
    await fact(page, "Wat er gebeurde (melding bij het stoppen)").getByText(HOST_ACCOUNT).waitFor();
    const form = attributionForm(page);
    await form
      .getByText(/Ligt het einde aan de deelnemer\? Dan is dat een besluit\. De deelnemer krijgt daarover een brief en kan bezwaar maken\./)
      .waitFor();
    await form
      .getByText(
        /Stopte de plaatsing door de organisatie, door ziekte of door zorg voor een ander\? Dan is dat nooit een reden voor een maatregel\./,
      )
      .waitFor();
    await settled(page, "placement to attribute");

    // On a phone: the form fits, and the server names what is missing.
    await page.setViewportSize({ width: 360, height: 780 });
    await settled(page, "attribution form at 360 px");
    await expectNoSidewaysScroll(page, "attribution form at 360 px");
    await page.getByRole("button", { name: "Vastleggen aan wie het einde ligt" }).click();
    await errorSummary(page).waitFor();
    expect(await page.getByLabel("Wat vertelt de deelnemer?").getAttribute("aria-invalid")).toBe("true");
    await settled(page, "attribution form with errors at 360 px");
    await expectNoSidewaysScroll(page, "attribution form with errors at 360 px");

    await page.getByLabel("Wat vertelt de deelnemer?").fill(CLIENT_ACCOUNT);
    await page.getByRole("group", { name: "Hoe hoorde u de deelnemer?" }).getByLabel("Telefonisch").check();
    expect(await page.getByLabel("Wanneer hoorde u de deelnemer?").inputValue()).toBe(todayInAmsterdam());
    const attribution = page.getByRole("group", { name: "Aan wie ligt het einde?" });
    // Choosing the client warns that it is a decision with a letter; the consultant chooses otherwise.
    await attribution.getByLabel(/^De deelnemer/).check();
    await form.getByText(/krijgt daarover een brief en kan binnen zes weken bezwaar maken/).waitFor();
    await attribution.getByLabel(/^De organisatie/).check();
    await page
      .getByLabel("Waarom?")
      .fill("Beide verhalen zeggen dat de organisatie de plaatsing stopte. De deelnemer kwam op tijd en deed wat gevraagd werd.");
    await page.getByRole("button", { name: "Vastleggen aan wie het einde ligt" }).click();
    await page.getByText("Vastgelegd aan wie het einde ligt.").waitFor();
    await fact(page, "Aan wie het einde ligt").getByText("De organisatie").waitFor();
    await page.getByRole("heading", { level: 2, name: "Zo is het bepaald" }).waitFor();
    await fact(page, "Wat vertelt de deelnemer?").getByText(CLIENT_ACCOUNT).waitFor();
    expect(await attributionForm(page).count()).toBe(0);
    // Not the client's doing: no decision, so nothing to object to.
    expect(await page.getByRole("link", { name: "Bekijk het besluit bij Besluiten" }).count()).toBe(0);
    await settled(page, "attribution determined at 360 px");
    await expectNoSidewaysScroll(page, "attribution determined at 360 px");
    await context.close();

    // The host never reads the client's side, nor the determination.
    const host = await apiAs(server.baseUrl, "organisatie@demo.local");
    const asHost = await host<PlacementOutput>("GET", `/placements/${referral.placementId}`);
    expect(asHost.body.attribution).toBeNull();
    expect(JSON.stringify(asHost.body)).not.toContain(CLIENT_ACCOUNT);
  }, 180_000);

  it("a sanction proposal on that ending is refused with a plain explanation beside the button", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    await page.goto(`/clients/${referral.clientId}?tab=sanctions`);
    await page.getByRole("heading", { level: 2, name: "Maatregelen" }).waitFor();
    await page.locator('section[aria-labelledby="sanction-proposal-title"][aria-busy="false"]').waitFor();
    await settled(page, "sanctions tab before the proposal");

    await page.getByLabel("Reden", { exact: true }).selectOption({ label: "Gestopt met vrijwilligerswerk zonder reden" });
    const placement = page.getByLabel("Gestopte plaatsing");
    const ours = placement.locator("option", { hasText: "(oorzaak: De organisatie)" }).filter({ hasText: referral.roleTitle });
    await ours.first().waitFor({ state: "attached" });
    await placement.selectOption(expectDefined(await ours.first().getAttribute("value"), "the placement's option"));
    await page.getByLabel("Wat gebeurde er?").fill("Gestopt bij de organisatie.");
    await page
      .getByRole("group", { name: "Hoeveel valt de cliënt te verwijten?" })
      .getByLabel(/^Verwijtbaar/)
      .check();
    await page.getByLabel("Omstandigheden van de cliënt").fill("Geen bijzondere omstandigheden bekend.");
    await page
      .getByRole("group", { name: /^Zijn er dringende redenen/ })
      .getByLabel("Nee")
      .check();
    await page.getByRole("button", { name: "Maatregel voorstellen" }).click();

    const refusal = page.getByRole("alert").filter({ hasText: "Geen maatregel: het einde van deze plaatsing ligt niet aan de cliënt." });
    await refusal.waitFor();
    await refusal.getByText(/nooit een reden voor een maatregel, ook niet onder een andere reden/).waitFor();
    await refusal.getByText(/Deze regel beschermt de cliënt/).waitFor();
    // The explanation stands right above the button that was pressed.
    const followedByButton = await refusal.evaluate(
      (element) => element.nextElementSibling?.querySelector("button")?.textContent?.trim() === "Maatregel voorstellen",
    );
    expect(followedByButton).toBe(true);
    expect(await page.getByRole("table", { name: /^Maatregelen van / }).count()).toBe(0);
    await settled(page, "proposal refused: ending not attributable");
    await context.close();

    const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
    const sanctions = await consultant<{ items: unknown[] }>("GET", `/clients/${referral.clientId}/sanctions`);
    expect(sanctions.body.items).toHaveLength(0);
  }, 120_000);
});

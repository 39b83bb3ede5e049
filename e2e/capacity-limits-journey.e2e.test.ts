import { todayInAmsterdam } from "@shared/dates.js";
import type { ClientOutput } from "@shared/schemas/clients.js";
import type { ExemptionOutput } from "@shared/schemas/exemptions.js";
import type { SuggestionsOutput } from "@shared/schemas/matching.js";
import type { MeOutput } from "@shared/schemas/users.js";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiCaller, apiAs } from "./api.js";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage } from "./browser.js";
import { expectNoSidewaysScroll } from "./layout.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let browser: Browser;
let consultant: ApiCaller;
let hostOrganisationId: string;
const WAREHOUSE = "Magazijnmedewerker voedselbank";
const LIFE_DOMAINS = [
  "Inkomen en schulden",
  "Dagbesteding",
  "Huisvesting",
  "Lichamelijke gezondheid",
  "Psychische gezondheid",
  "Verslaving",
  "Sociaal netwerk",
  "Taal",
];
/** Clients a test of this journey has taken, so each test has a client of its own. */
const taken = new Set<string>();

beforeAll(async () => {
  // The host answers referrals right after they are made: no hold for undoing.
  server = await startServer({ undoHoldMinutes: 0 });
  browser = await launchBrowser();
  consultant = await apiAs(server.baseUrl, "consulent@demo.local");
  const host = await apiAs(server.baseUrl, "organisatie@demo.local");
  hostOrganisationId = (await host<MeOutput>("GET", "/me")).body.organisationId ?? "";
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * No axe violations, and at 360 px nothing to scroll sideways: the whole page, or only `part` of it where another
 * part of the page is not this journey's (the host's guidance table).
 */
async function settled(page: Page, what: string, part?: Locator): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page, what);
  if (!part) return expectNoSidewaysScroll(page, what);
  await page.setViewportSize({ width: 360, height: 780 });
  const width = Math.round((await part.evaluate((element) => element.getBoundingClientRect().right)) ?? 0);
  expect(width, `width at 360 px on ${what}`).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A Charlois client of the consultant, just through an intake without limits, to whom the warehouse role is suggested. */
async function clientOfferedTheWarehouse(): Promise<{ id: string; givenName: string; familyName: string }> {
  const clients = await consultant<{ items: { id: string; givenName: string; familyName: string }[] }>(
    "GET",
    "/clients?district=Charlois&assignedToMe=true&pageSize=40",
  );
  for (const client of clients.body.items.filter((c) => !taken.has(c.id))) {
    const limits = { capacityHoursPerDay: null, capacityDaysPerWeek: null, functionalLimits: [], guidanceNeed: "regular" };
    const intake = await consultant("POST", `/clients/${client.id}/intakes`, {
      heldOn: new Date().toISOString().slice(0, 10),
      scores: {
        incomeDebts: 3,
        dailyActivities: 3,
        housing: 4,
        physicalHealth: 3,
        mentalHealth: 3,
        addiction: 5,
        socialNetwork: 3,
        language: 4,
      },
      travelRadiusKm: 15,
      capacityHoursPerWeek: 16,
      ladderRung: 2,
      growthRung: 4,
      ...limits,
    });
    if (intake.status !== 201) continue;
    const suggestions = await consultant<SuggestionsOutput>("GET", `/clients/${client.id}/suggestions?limit=50`);
    const items = suggestions.body.items;
    if (items.some((s) => s.title === WAREHOUSE) && items.some((s) => s.organisationId === hostOrganisationId && s.title !== WAREHOUSE)) {
      taken.add(client.id);
      return client;
    }
  }
  throw new Error("no client of the consultant is offered the warehouse role");
}

/** A Charlois client of the consultant no other test of this journey uses, with suggestions after an intake of 16 hours. */
async function clientWithSuggestions(): Promise<{ id: string; givenName: string; familyName: string }> {
  const clients = await consultant<{ items: { id: string; givenName: string; familyName: string }[] }>(
    "GET",
    "/clients?district=Charlois&assignedToMe=true&pageSize=40",
  );
  for (const client of [...clients.body.items].reverse().filter((c) => !taken.has(c.id))) {
    const intake = await consultant("POST", `/clients/${client.id}/intakes`, {
      heldOn: todayInAmsterdam(),
      scores: {
        incomeDebts: 3,
        dailyActivities: 3,
        housing: 4,
        physicalHealth: 3,
        mentalHealth: 3,
        addiction: 5,
        socialNetwork: 3,
        language: 4,
      },
      travelRadiusKm: 15,
      capacityHoursPerWeek: 16,
      ladderRung: 2,
      growthRung: 4,
      guidanceNeed: "light",
    });
    if (intake.status !== 201) continue;
    const suggestions = await consultant<SuggestionsOutput>("GET", `/clients/${client.id}/suggestions?limit=50`);
    if (suggestions.body.items.length < 2) continue;
    taken.add(client.id);
    return client;
  }
  throw new Error("no client of the consultant has suggestions");
}

describe("capacity beyond hours a week", () => {
  it("a consultant records 6 hours a day and no heavy lifting; the warehouse role is not offered, with why; the host sees only the limits", async () => {
    const client = await clientOfferedTheWarehouse();
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    await page.goto(`/clients/${client.id}/edit`);
    await page.getByRole("heading", { level: 2, name: "Belastbaarheid per dag en per week" }).waitFor();
    await page.getByLabel("Uren per dag (hoogstens) (niet verplicht)").fill("6");
    await page.getByRole("checkbox", { name: "geen zwaar tilwerk" }).check();
    await settled(page, "client capacity form");
    await page.getByRole("button", { name: "Belastbaarheid opslaan" }).click();
    await expectHeading(page, `${client.givenName} ${client.familyName}`);
    await page.getByText("maximaal 6 uur per dag, geen zwaar tilwerk").first().waitFor();

    await page
      .getByRole("navigation", { name: /^Dossier van / })
      .getByRole("link", { name: "Suggesties" })
      .click();
    const notOffered = page.getByRole("region", { name: "Niet aangeboden vanwege de belastbaarheid" });
    await notOffered.waitFor();
    await notOffered
      .getByText(new RegExp(`^${WAREHOUSE} bij .+: vraagt 10 uur op een dag, de cliënt kan maximaal 6 uur per dag; vraagt zwaar tilwerk$`))
      .waitFor();
    const list = page.getByRole("list", { name: /passende vrijwilligersplek(ken)? voor / });
    await list.waitFor();
    expect(await list.getByText(WAREHOUSE).count()).toBe(0);
    await settled(page, "suggestions without the warehouse role");

    // The consultant proposes a role of the host that fits; the host sees the limits for the work, and nothing of why.
    const suggestions = await consultant<SuggestionsOutput>("GET", `/clients/${client.id}/suggestions?limit=50`);
    const chosen = suggestions.body.items.find((s) => s.organisationId === hostOrganisationId);
    expect(chosen, "a role of the host still fits").toBeDefined();
    await list
      .getByRole("listitem", { name: `${chosen?.title} bij ${chosen?.organisationName}` })
      .getByRole("button", { name: /^Voorstellen/ })
      .click();
    await page.getByRole("dialog", { name: "Voorstel versturen?" }).getByRole("button", { name: "Ja, voorstel versturen" }).click();
    await page.getByText(`${client.givenName} is voorgesteld voor`, { exact: false }).waitFor();
    await context.close();

    const host = await newPage(browser, server.baseUrl);
    await logIn(host.page, "organisatie@demo.local");
    await expectHeading(host.page, "Aanmeldingen");
    const referral = host.page.getByRole("region", { name: `${client.givenName} voor ${chosen?.title}` });
    await referral.waitFor();
    await referral.getByText("maximaal 6 uur per dag, geen zwaar tilwerk").waitFor();
    expect(await referral.textContent()).not.toMatch(/arts|advies|medisch|diagnose|ontheffing/i);
    await settled(host.page, "host referral with the work-relevant limits", referral);
    await host.context.close();
  }, 240_000);
});

describe("the forms that carry the limits", () => {
  it("a consultant sets the guidance need at the intake, records a physician's limits, and a plan step above them is refused beside its field", async () => {
    const client = await clientWithSuggestions();
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");

    // The intake: the guidance the client needs, chosen in the form, is what the record then holds.
    await page.goto(`/clients/${client.id}/intake`);
    await expectHeading(page, `Intake met ${client.givenName} ${client.familyName}`);
    for (const domain of LIFE_DOMAINS) {
      await page
        .getByRole("group", { name: new RegExp(`^${domain}`) })
        .getByRole("radio", { name: "3 beperkt zelfredzaam" })
        .check();
    }
    await page.getByLabel("Belastbaarheid (uren per week)").fill("16");
    await page.getByLabel("Reisafstand (km)").fill("15");
    await page.getByLabel("Trede nu").selectOption({ label: "2 – Sociale contacten buiten de deur" });
    await page.getByLabel("Groeipotentie").selectOption({ label: "3 – Deelname aan georganiseerde activiteiten" });
    await page.getByLabel("Begeleiding die de cliënt nodig heeft").selectOption({ label: "Veel begeleiding" });
    await settled(page, "intake form with the guidance need");
    await page.getByRole("button", { name: "Intake opslaan" }).click();
    await page.getByText("De intake is opgeslagen.").waitFor();
    expect((await consultant<ClientOutput>("GET", `/clients/${client.id}`)).body.guidanceNeed).toBe("intensive");

    // The physician's advice: 4 hours a day and no night work, in plain categories beside the conclusion.
    const requested = await consultant<ExemptionOutput>("POST", `/clients/${client.id}/exemption-requests`, {
      type: "medical",
      reason: "Ik ben snel moe en kan geen lange dagen aan.",
    });
    expect(requested.status).toBe(201);
    await page.goto(`/clients/${client.id}?tab=exemptions`);
    const row = page
      .getByRole("table", { name: /^Vrijstellingen van / })
      .getByRole("row")
      .filter({ hasText: "Ik ben snel moe" });
    await row.getByRole("button", { name: /^Medisch advies vastleggen/ }).click();
    await page.getByRole("heading", { level: 4, name: "Medisch advies vastleggen" }).waitFor();
    await page.getByRole("group", { name: "Wie gaf het advies?" }).getByLabel("bedrijfsarts").check();
    await page.getByLabel("Naam van de arts").fill("M. de Vries");
    await page.getByLabel("Datum van het advies").fill(todayInAmsterdam());
    const allows = page.getByRole("group", { name: "Wat staat het advies toe?" });
    await allows.getByLabel("Uren per dag (hoogstens) (niet verplicht)").fill("4");
    await allows.getByRole("checkbox", { name: "geen nachtwerk" }).check();
    await page.getByLabel(/^Conclusie/).fill("Kan korte dagen werken, niet 's nachts.");
    await settled(page, "medical advice form with the limits");
    await page.getByRole("button", { name: "Advies vastleggen", exact: true }).click();
    await page.getByText("Het medische advies is vastgelegd.").waitFor();
    await row.getByText("Volgens het advies: maximaal 4 uur per dag, geen nachtwerk").waitFor();
    await settled(page, "medical advice with what it allows");

    // A plan step of 6 hours on one day is refused beside its field; 3 hours standing fits, and the table says so.
    await page.goto(`/clients/${client.id}?tab=plan`);
    await page.getByLabel("Soort stap").selectOption({ label: "Vrijwilligerswerk" });
    await page.getByLabel("Naam van de stap").fill("Gastvrouw in het buurthuis");
    await page.getByLabel("Uren per week").fill("3");
    const day = page.getByLabel("Uren op de langste dag (niet verplicht)");
    await day.fill("6");
    await page
      .getByRole("group", { name: /^Wat vraagt deze stap van lichaam en hoofd\?/ })
      .getByLabel("lang staan")
      .check();
    await page.getByRole("button", { name: "Stap toevoegen" }).click();
    await page.getByText("Dit is meer uren per dag dan de cliënt kan.").first().waitFor();
    expect(await day.getAttribute("aria-invalid")).toBe("true");
    await settled(page, "plan step above the daily limit");
    await day.fill("3");
    await page.getByRole("button", { name: "Stap toevoegen" }).click();
    await page
      .getByRole("table", { name: /^Stappen in versie \d+/ })
      .getByRole("row", { name: /Gastvrouw in het buurthuis/ })
      .getByText("Vraagt: 3 uur per dag, lang staan")
      .waitFor();
    await settled(page, "plan with a step's day and demands");
    await context.close();
  }, 240_000);

  it("a host describes a role with its longest day, days, demands and education; a day above the week is refused beside its field; the role page says it in words", async () => {
    const title = `Inpakker kledingbank ${Date.now()}`;
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "organisatie@demo.local");
    await page.goto("/roles/new");
    await expectHeading(page, "Nieuwe vrijwilligersplek");
    await page.getByLabel("Naam van de vrijwilligersplek").fill(title);
    await page.getByLabel("Taken").fill("Kleding sorteren en dozen inpakken voor gezinnen.");
    await page.getByLabel("Hoogstens uren per week").fill("6");
    await page.getByLabel("Aantal plekken").fill("2");
    await page.getByLabel("Begeleiding die u geeft").selectOption({ label: "Gewone begeleiding" });
    await page.getByLabel("Vaardigheden (niet verplicht)").fill("sorteren, inpakken");
    const demands = page.getByRole("group", { name: "Wat vraagt het werk?" });
    const longestDay = demands.getByLabel("Langste dag (uren) (niet verplicht)");
    await longestDay.fill("8");
    await demands.getByLabel("Dagen per week (minstens)").fill("2");
    await demands.getByLabel("Opleiding die past").selectOption({ label: "mbo" });
    await demands.getByRole("checkbox", { name: "lang staan" }).check();
    await demands.getByRole("checkbox", { name: "zwaar tilwerk" }).check();
    for (const question of [
      "Is dit werk de afgelopen drie jaar betaald werk geweest?",
      "Doen betaalde medewerkers dit werk ergens anders in uw organisatie?",
      "Zou u iemand betalen voor dit werk als er geen vrijwilliger was?",
      "Hoort dit werk bij een dienst waarvoor uw organisatie betaald wordt?",
      "Zijn er kort geleden betaalde medewerkers vertrokken of ontslagen?",
    ]) {
      await page.getByRole("group", { name: question }).getByLabel("Nee").check();
    }
    await page.getByRole("button", { name: "Vrijwilligersplek opslaan" }).click();
    await page.getByText("Een dag kan niet meer uren vragen dan de hele week.").first().waitFor();
    expect(await longestDay.getAttribute("aria-invalid")).toBe("true");
    await settled(page, "role form with a day above the week");
    await longestDay.fill("3");
    await page.getByRole("button", { name: "Vrijwilligersplek opslaan" }).click();
    await expectHeading(page, title);
    for (const [term, words] of [
      ["Langste dag", "3 uur"],
      ["Dagen per week", "minstens 2 dagen"],
      ["Wat het werk vraagt van lichaam en hoofd", "zwaar tilwerk, lang staan"],
      ["Vaardigheden", "sorteren, inpakken"],
      ["Opleiding die past", "mbo"],
    ]) {
      const fact = page.locator(".nv-facts__item").filter({ has: page.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) }) });
      expect(await fact.getByRole("definition").textContent(), term).toBe(words);
    }
    await settled(page, "role page with its demands");
    await context.close();
  }, 240_000);

  it("the suggestions say what the order comes from, why each role fits, and warn when a role asks less education than the client has", async () => {
    const client = await clientWithSuggestions();
    expect((await consultant("PATCH", `/clients/${client.id}`, { educationLevel: "university" })).status).toBe(200);
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    await page.goto(`/clients/${client.id}?tab=suggestions`);
    await page.getByText("De volgorde hangt af van de afstand", { exact: false }).waitFor();
    const list = page.getByRole("list", { name: /passende vrijwilligersplek(ken)? voor / });
    await list.waitFor();
    // Every role is suggested with why; a role below the client's education carries the warning.
    const cards = list.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3 }) });
    expect(await cards.count()).toBeGreaterThan(1);
    expect(await list.getByText("Waarom dit past:").count()).toBe(await cards.count());
    const first = cards.filter({ hasText: "Let op: deze vrijwilligersplek vraagt minder opleiding" }).first();
    await first
      .getByText(/^Let op: deze vrijwilligersplek vraagt minder opleiding \(.+\) dan de cliënt heeft \(hbo of universiteit\)\./)
      .waitFor();
    await first.getByText(/km van huis$/).waitFor();
    // The warning stands above the reasons, not among them as well.
    expect(await first.getByText(/minder opleiding/).count()).toBe(1);
    await settled(page, "suggestions with the education warning");
    await context.close();
  }, 240_000);
});

import type { SuggestionsOutput } from "@shared/schemas/matching.js";
import type { MeOutput } from "@shared/schemas/users.js";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiCaller, apiAs } from "./api.js";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage } from "./browser.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let browser: Browser;
let consultant: ApiCaller;
let hostOrganisationId: string;
const WAREHOUSE = "Magazijnmedewerker voedselbank";

beforeAll(async () => {
  server = await startServer();
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
  await page.setViewportSize({ width: 360, height: 780 });
  const width = part
    ? Math.round((await part.evaluate((element) => element.getBoundingClientRect().right)) ?? 0)
    : await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `width at 360 px on ${what}`).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A Charlois client of the consultant, just through an intake without limits, to whom the warehouse role is suggested. */
async function clientOfferedTheWarehouse(): Promise<{ id: string; givenName: string; familyName: string }> {
  const clients = await consultant<{ items: { id: string; givenName: string; familyName: string }[] }>(
    "GET",
    "/clients?district=Charlois&assignedToMe=true&pageSize=40",
  );
  for (const client of clients.body.items) {
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
    if (items.some((s) => s.title === WAREHOUSE) && items.some((s) => s.organisationId === hostOrganisationId && s.title !== WAREHOUSE))
      return client;
  }
  throw new Error("no client of the consultant is offered the warehouse role");
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
    const list = page.getByRole("list", { name: /passende vacatures? voor / });
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

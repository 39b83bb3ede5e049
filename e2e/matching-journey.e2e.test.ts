import { expectDefined } from "@server/testing/expect-defined.js";
import type { MatchPlanOutput } from "@shared/schemas/matching.js";
import type { PlacementOutput } from "@shared/schemas/placements.js";
import type { MeOutput } from "@shared/schemas/users.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiCaller, apiAs } from "./api.js";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage, textOf } from "./browser.js";
import { openMenuItem } from "./menu.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let browser: Browser;

interface Suggestion {
  roleId: string;
  title: string;
  organisationId: string;
  organisationName: string;
}

interface Target {
  client: { id: string; givenName: string; familyName: string };
  suggestion: Suggestion;
}

/**
 * A client of the demo consultant with a suggestion at the demo host's organisation, so the host can see the
 * referral afterwards; preferably one where that suggestion is the best one.
 */
async function clientWithHostSuggestion(consultant: ApiCaller, organisationId: string): Promise<Target> {
  const clients = await consultant<{ items: Target["client"][] }>("GET", "/clients?pageSize=200");
  let fallback: Target | null = null;
  for (const client of clients.body.items) {
    const answer = await consultant<{ items: Suggestion[] }>("GET", `/clients/${client.id}/suggestions?limit=10`);
    expect(answer.status, `suggestions of ${client.id}`).toBe(200);
    const atHost = answer.body.items.find((item) => item.organisationId === organisationId);
    if (!atHost) continue;
    if (answer.body.items[0] === atHost) return { client, suggestion: atHost };
    fallback ??= { client, suggestion: atHost };
  }
  if (!fallback) throw new Error("no client of the consultant has a suggestion at the host's organisation");
  return fallback;
}

let target: Target;

beforeAll(async () => {
  // The host answers referrals right after they are made: no hold for undoing.
  server = await startServer({ undoHoldMinutes: 0 });
  browser = await launchBrowser();
  const host = await apiAs(server.baseUrl, "organisatie@demo.local");
  const me = await host<MeOutput>("GET", "/me");
  const organisationId = expectDefined(me.body.organisationId, "the host's organisation");
  target = await clientWithHostSuggestion(await apiAs(server.baseUrl, "consulent@demo.local"), organisationId);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const errorSummary = (page: Page) => page.getByText(/Er (is|zijn) \d+ fout/);
const proposalsTable = (page: Page) => page.getByRole("table", { name: /^Voorstellen: \d+/ });

async function settled(page: Page, what: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page, what);
}

describe("matching: suggestions for one client, and a placement plan for a district", () => {
  it("a consultant proposes a client for a suggested role, and the host sees the referral", async () => {
    const { client, suggestion } = target;
    const roleAt = `${suggestion.title} bij ${suggestion.organisationName}`;
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    await page.goto(`/clients/${client.id}`);
    await expectHeading(page, `${client.givenName} ${client.familyName}`);
    await page
      .getByRole("navigation", { name: /^Dossier van / })
      .getByRole("link", { name: "Suggesties" })
      .click();
    await page.getByRole("heading", { level: 2, name: "Suggesties" }).waitFor();
    const list = page.getByRole("list", { name: /passende vrijwilligersplek(ken)? voor / });
    await list.waitFor();
    await page.getByText(/^Nog .+ uur per week vrij\. Reisafstand: tot .+ km van huis\./).waitFor();
    await page.getByRole("heading", { level: 3, name: "Niet getoond" }).waitFor();
    await settled(page, "client suggestions");

    // Every suggestion says why it fits, in plain words.
    const card = list.getByRole("listitem", { name: roleAt }).first();
    await card.getByText(/^\d+(,\d+)? km van huis$/).waitFor();
    await card.getByText(/^Past in de .+ uur die nog vrij zijn \(.+ uur per week\)$/).waitFor();
    await card.getByText(/^Organisatie biedt (lichte|gewone|intensieve) begeleiding$/).waitFor();
    await card.getByText(/^\d+ van 100$/).waitFor();

    await card.getByRole("button", { name: /^Voorstellen/ }).click();
    const ask = page.getByRole("dialog", { name: "Voorstel versturen?" });
    expect(await ask.textContent()).toContain(
      `Dit voorstel gaat naar ${suggestion.organisationName}: ${client.givenName} ${client.familyName} voor het vrijwilligerswerk ‘${suggestion.title}’.`,
    );
    await ask.getByRole("button", { name: "Ja, voorstel versturen" }).click();
    await page
      .getByText(`${client.givenName} is voorgesteld voor ${suggestion.title} bij ${suggestion.organisationName}.`, { exact: false })
      .waitFor();
    // The proposed role is no longer suggested, once the suggestions are read again.
    await expect.poll(() => page.getByRole("listitem", { name: roleAt }).count(), { timeout: 15_000 }).toBe(0);
    await settled(page, "suggestion proposed");

    await page.getByRole("link", { name: "Naar Plaatsingen" }).click();
    await page
      .getByRole("table", { name: /^Plaatsingen van / })
      .getByText(suggestion.title)
      .waitFor();
    await settled(page, "client placements after proposing a suggestion");
    await context.close();

    const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
    const placements = await consultant<{ items: PlacementOutput[] }>("GET", `/placements?clientId=${client.id}&status=proposed`);
    expect(placements.body.items.map((placement) => placement.roleId)).toContain(suggestion.roleId);

    // The host of the role's organisation sees the referral on its start page.
    const host = await newPage(browser, server.baseUrl);
    await logIn(host.page, "organisatie@demo.local");
    await expectHeading(host.page, "Aanmeldingen");
    await host.page.getByRole("region", { name: `${client.givenName} voor ${suggestion.title}` }).waitFor();
    await settled(host.page, "host referrals with the proposed suggestion");
    await host.context.close();
  }, 180_000);

  it("a team lead makes a plan for Charlois, reads the shortfall, follows one proposal and not another", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "teamleider@demo.local");
    await openMenuItem(page, "Plaatsingsplannen");
    await expectHeading(page, "Plaatsingsplannen");
    await page.getByText("Er zijn nog geen plannen gemaakt.").waitFor();
    // A team lead plans for the districts of the team, never the whole city.
    expect(await page.getByLabel("Gebied").locator("option").allInnerTexts()).toEqual(["Charlois", "Overschie"]);
    await settled(page, "placement plans, none yet");

    await page.getByLabel("Gebied").selectOption("Charlois");
    await page.getByRole("button", { name: "Plan maken" }).click();
    await expectHeading(page, "Plaatsingsplan Charlois");
    // The progress shows until the plan is done (a small district is done within a second or two).
    const progress = page.getByRole("progressbar", { name: "Voortgang van het plan" });
    const done = page.getByText("Het plan is klaar.");
    await progress.or(done).first().waitFor();
    await done.waitFor({ timeout: 30_000 });
    expect(await progress.count()).toBe(0);

    const shortfall = page.getByRole("table", { name: "Per gebied: wie een voorstel kreeg, wie niet, en waarom niet" });
    await shortfall.waitFor();
    for (const header of [
      "Gebied",
      "Konden mee doen",
      "Voorgesteld",
      "Geen voorstel",
      "Te weinig plekken",
      "Te weinig begeleiding",
      "Te ver weg",
      "Uren passen niet",
      "Dagen te lang",
      "Te veel dagen",
      "Werk past niet bij wat de cliënt kan",
      "Andere reden",
      "Bindt het meest",
    ]) {
      await shortfall.getByRole("columnheader", { name: header, exact: true }).waitFor();
    }
    await shortfall.getByRole("rowheader", { name: "Charlois" }).waitFor();
    await proposalsTable(page).waitFor();
    await settled(page, "plan done, with shortfall and proposals");

    const counts = page.getByText(/^Open: \d+\. Gevolgd: \d+\. Niet gevolgd: \d+\.$/);
    const pendingBefore = Number((await textOf(counts)).match(/^Open: (\d+)/)?.[1]);
    expect(pendingBefore).toBeGreaterThanOrEqual(2);

    // Follow the first proposal: the client is referred to the role.
    const rows = proposalsTable(page).locator("tbody tr:not(.nv-table__group)");
    const first = rows.nth(0);
    const firstName = (await textOf(first.locator("th a"))).trim();
    await first.getByRole("button", { name: /^Volgen/ }).click();
    await page.getByRole("dialog", { name: "Voorstel versturen?" }).getByRole("button", { name: "Ja, voorstel versturen" }).click();
    await page.getByText(new RegExp(`^U volgt het voorstel\\. ${firstName} is aangemeld bij `)).waitFor();
    await first.getByText("Gevolgd", { exact: true }).waitFor();
    await first.getByRole("link", { name: /^Naar de plaatsing/ }).waitFor();
    await settled(page, "proposal followed");

    // Not following the second one asks for the reason.
    const second = rows.nth(1);
    const secondName = (await textOf(second.locator("th a"))).trim();
    await second.getByRole("button", { name: /^Niet volgen/ }).click();
    await page.getByRole("heading", { level: 3, name: new RegExp(`^Niet volgen: ${secondName} voor `) }).waitFor();
    await page.getByRole("button", { name: "Niet volgen", exact: true }).click();
    await errorSummary(page).waitFor();
    expect(await page.getByLabel("Waarom volgt u dit voorstel niet?").getAttribute("aria-invalid")).toBe("true");
    await expectNoAxeViolations(page, "not following without a reason");
    await page.getByLabel("Waarom volgt u dit voorstel niet?").selectOption({ label: "Eerst een andere stap in het plan" });
    await page.getByLabel("Toelichting").fill("De cliënt begint volgende maand met een cursus.");
    await page.getByRole("button", { name: "Niet volgen", exact: true }).click();
    await page.getByText(`U volgt het voorstel voor ${secondName} niet. De reden is vastgelegd.`).waitFor();
    await second.getByText("Niet gevolgd door consulent of teamleider", { exact: true }).waitFor();
    await second
      .getByText("Waarom niet gevolgd: Eerst een andere stap in het plan. De cliënt begint volgende maand met een cursus.")
      .waitFor();
    await page.getByText(`Open: ${pendingBefore - 2}. Gevolgd: 1. Niet gevolgd: 1.`).waitFor();
    await settled(page, "proposal not followed");

    // The status filter shows only what was not followed.
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Niet gevolgd door consulent of teamleider" });
    await page.getByRole("table", { name: "Voorstellen: 1" }).waitFor();
    await settled(page, "proposals not followed");

    // The list of plans shows the result.
    await page.getByRole("link", { name: "Naar alle plaatsingsplannen" }).click();
    await expectHeading(page, "Plaatsingsplannen");
    const plans = page.getByRole("table", { name: "Laatste plannen: 1" });
    await plans
      .getByRole("row", { name: /Charlois/ })
      .getByText("Klaar")
      .waitFor();
    await settled(page, "placement plans with one done");
    await context.close();

    const lead = await apiAs(server.baseUrl, "teamleider@demo.local");
    const list = await lead<{ items: MatchPlanOutput[] }>("GET", "/match-plans");
    expect(list.body.items[0]).toMatchObject({ district: "Charlois", status: "done", proposals: { accepted: 1, rejected: 1 } });
  }, 180_000);
});

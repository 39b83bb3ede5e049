import { recordEffectsHistory } from "@server/testing/effects-history.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage, textOf } from "./browser.js";
import { expectNoSidewaysScroll } from "./layout.js";
import { openMenuItem } from "./menu.js";
import { startServer, type TestServer } from "./server.js";

// The researcher reads the effect estimates: the page explains them, shows each outcome as a chart and a table, and
// reads at 360 px without sideways scrolling.

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const clients = await server.db.kysely
    .selectFrom("clients")
    .select("id")
    .where("district", "=", "Charlois")
    .orderBy("id")
    .limit(80)
    .execute();
  await recordEffectsHistory(
    server.db.kysely,
    clients.map((c) => c.id),
    3,
  );
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits until the estimates are in: the WHO-5 table's placement row shows a figure. */
async function openEstimates(page: Page): Promise<string> {
  await expectHeading(page, "Effecten van activiteiten");
  const row = page
    .locator("#effects-table-who5-caption")
    .locator("xpath=..")
    .getByRole("row", { name: /vrijwilligerswerk \(plaatsing\)/ });
  await row.waitFor({ timeout: 60_000 });
  await page.waitForLoadState("networkidle");
  return textOf(row);
}

describe("effect estimates page", () => {
  it("shows the researcher the estimates with intervals and counts, a chart with a description, the method and the caveats", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "onderzoeker@demo.local");
    await page.getByRole("link", { name: "Bekijk de geschatte effecten van activiteiten" }).click();
    const placementRow = await openEstimates(page);
    // An estimate with its interval ("+2,95 … tot …") and counts, not "too few".
    expect(placementRow).toMatch(/[+−-]?\d+,\d\d.*tot/);
    await expect(page.getByText("dit is geen experiment", { exact: false }).first().isVisible()).resolves.toBe(true);
    const chart = page.getByRole("img", { name: "Grafiek: geschat effect op de WHO-5-score per activiteit" });
    await chart.waitFor();
    expect(await chart.getAttribute("aria-describedby")).toBeTruthy();
    await page.getByRole("heading", { level: 2, name: "Hoe we rekenen" }).waitFor();
    const caveats = await textOf(page.getByRole("heading", { level: 2, name: "Waar u op moet letten" }).locator("xpath=.."));
    expect(caveats).toContain("Dit is geen experiment");
    expect(caveats).toContain("Met minder dan 20 cliënten");
    await expectNoAxeViolations(page, "effect estimates");

    await page.setViewportSize({ width: 360, height: 780 });
    await page.reload();
    await openEstimates(page);
    await expectNoAxeViolations(page, "effect estimates at 360 px");
    await expectNoSidewaysScroll(page, "effect estimates");
    await context.close();
  }, 120_000);

  it("lets a consultant choose a district, from the menu", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    await openMenuItem(page, "Effecten");
    await openEstimates(page);
    await page.getByLabel("Gebied", { exact: true }).selectOption("Overschie");
    await page.getByRole("button", { name: "Toon schatting" }).click();
    await page.waitForURL(/district=Overschie/);
    await page.waitForLoadState("networkidle");
    // The demo consultant has no clients in Overschie: no estimates, only counts of none (once the new figures are in).
    const placementRow = page
      .locator("#effects-table-who5-caption")
      .locator("xpath=..")
      .getByRole("row", { name: /vrijwilligerswerk \(plaatsing\)/ });
    await placementRow.filter({ hasText: "Te weinig mensen voor een schatting" }).waitFor({ timeout: 60_000 });
    expect(await textOf(placementRow)).toMatch(/Te weinig mensen voor een schatting\s*0\s*0\s*0$/);
    await expectNoAxeViolations(page, "effect estimates of a district outside the consultant's");
    await context.close();
  }, 120_000);
});

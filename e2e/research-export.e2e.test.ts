import fs from "node:fs";
import { expectDefined } from "@server/testing/expect-defined.js";
import { RESEARCH_EXPORT_COLUMNS } from "@shared/schemas/research-export.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage } from "./browser.js";
import { expectNoSidewaysScroll } from "./layout.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Axe finds nothing, and a reader at 360 px never has to scroll sideways. */
async function settled(page: Page, what: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page, what);
  await expectNoSidewaysScroll(page, what);
}

describe("the researcher's research file", () => {
  it("makes a file for a period, follows its progress, and downloads it and its dictionary, at 360 px", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "onderzoeker@demo.local");
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto("/research-export");
    await expectHeading(page, "Onderzoeksbestand");
    await page.getByRole("heading", { name: "Hoe wij de privacy van mensen beschermen" }).waitFor();
    await page.getByRole("table", { name: "Kolommen van het onderzoeksbestand" }).getByRole("rowheader", { name: "pseudonym" }).waitFor();
    await settled(page, "research file");

    await page.getByRole("button", { name: "Bestand maken" }).click();
    await page.getByRole("status").filter({ hasText: "Het bestand is klaar." }).waitFor({ timeout: 60_000 });
    await page.getByText("Regels (persoon-maanden)").waitFor();
    await settled(page, "research file ready");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Bestand downloaden (CSV)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^onderzoeksbestand-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = fs
      .readFileSync(expectDefined(await download.path(), "the CSV"), "utf8")
      .trim()
      .split(/\r\n/);
    expect(lines[0]).toBe(RESEARCH_EXPORT_COLUMNS.join(","));
    expect(lines.length).toBeGreaterThan(1);

    const [dictionary] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Woordenboek downloaden (JSON)" }).first().click(),
    ]);
    const columns = JSON.parse(fs.readFileSync(expectDefined(await dictionary.path(), "the dictionary"), "utf8")).columns;
    expect(columns.map((c: { name: string }) => c.name)).toEqual([...RESEARCH_EXPORT_COLUMNS]);
    await context.close();
  }, 180_000);

  it("refuses a period that ends before it starts, naming the field", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "onderzoeker@demo.local");
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto("/research-export");
    await page.getByLabel("Eerste dag").fill("2026-03-01");
    await page.getByLabel("Laatste dag").fill("2026-02-01");
    await page.getByRole("button", { name: "Bestand maken" }).click();
    // The error summary at the top of the form links to the field, which says what is wrong.
    await page
      .getByRole("link", { name: /ligt vóór de begindatum/ })
      .first()
      .waitFor();
    await expect.poll(() => page.getByLabel("Laatste dag").getAttribute("aria-invalid")).toBe("true");
    await settled(page, "research file with an error");
    await context.close();
  }, 120_000);
});

import type { StatisticsOverview } from "@shared/schemas/statistics.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./api.js";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage } from "./browser.js";
import { expectNoSidewaysScroll } from "./layout.js";
import { openMenuItem } from "./menu.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const year = new Date().getFullYear() - 1;
const query = `from=${year}-01-01&to=${year}-12-31&groupBy=quarter`;

/** Nothing on the page is wider than the window: no sideways scrolling on a phone. */
/** The funnel's table as the page shows it, against the same figures from the API (hidden cells read "verborgen"). */
async function expectFunnelMatchesApi(page: Page, overview: StatisticsOverview): Promise<void> {
  const funnel = overview.tables.find((table) => table.id === "funnel");
  expect(funnel?.rows.length).toBe(4);
  const table = page.getByRole("table", { name: "Van uitnodiging tot activiteit" });
  const rows = table.locator("tbody tr");
  expect(await rows.count()).toBe(5);
  const format = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });
  for (const [r, row] of (funnel?.rows ?? []).entries()) {
    const cells = await rows.nth(r).locator("td").allTextContents();
    expect(cells).toEqual(row.values.map((value) => (value === null ? "verborgen" : format.format(value))));
  }
  const totals = await rows.nth(4).locator("td").allTextContents();
  expect(totals).toEqual((funnel?.totals ?? []).map((value) => (value === null ? "verborgen" : format.format(value))));
}

async function openDashboard(email: string, what: string): Promise<Page> {
  const { page } = await newPage(browser, server.baseUrl);
  await logIn(page, email);
  await openMenuItem(page, "Cijfers");
  await expectHeading(page, "Cijfers");
  await page.goto(`/statistics?${query}`);
  await expectHeading(page, "Cijfers");
  await page.getByRole("table", { name: "Van uitnodiging tot activiteit" }).waitFor();
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page, what);
  return page;
}

describe("the figures dashboard", () => {
  it("shows the researcher a chart and a table for every figure, small counts hidden, the coarser choice and the CSV", async () => {
    const page = await openDashboard("onderzoeker@demo.local", "figures as researcher");
    const api = await apiAs(server.baseUrl, "onderzoeker@demo.local");
    const overview = (await api<StatisticsOverview>("GET", `/statistics/overview?${query}`)).body;
    await expectFunnelMatchesApi(page, overview);
    expect(await page.locator(".nv-statistics__figure").count()).toBe(overview.tables.length);
    expect(await page.locator('.nv-chart svg[role="img"]').count()).toBeGreaterThan(10);
    await page.getByText(/Aantallen kleiner dan 5 tonen we niet/).waitFor();
    const download = page.getByRole("link", { name: "Download alle cijfers als CSV-bestand" });
    expect(await download.getAttribute("href")).toContain("format=csv");
    const csv = await page.evaluate(async (href) => (await fetch(href ?? "")).text(), await download.getAttribute("href"));
    expect(csv.split("\r\n")[0]).toMatch(/^table,line,period,/);
    // The annual report to the council, for the year shown, is one click away and is a PDF.
    const report = page.getByRole("link", { name: /Download het jaarverslag \d{4} voor de gemeenteraad/ });
    const reportAnswer = await page.evaluate(
      async (href) => {
        const response = await fetch(href ?? "");
        return { status: response.status, type: response.headers.get("content-type"), start: (await response.text()).slice(0, 5) };
      },
      await report.getAttribute("href"),
    );
    expect(reportAnswer).toEqual({ status: 200, type: "application/pdf", start: "%PDF-" });
    if (overview.coarser) {
      await page.getByRole("button", { name: /Toon per jaar/ }).click();
      await page.waitForURL(/groupBy=year/);
      await page.getByRole("table", { name: "Van uitnodiging tot activiteit" }).locator("tbody tr").nth(1).waitFor();
      await page.waitForLoadState("networkidle");
      await expectNoAxeViolations(page, "figures per year as researcher");
    }
    await expectNoSidewaysScroll(page, "figures as researcher");
    await page.context().close();
  }, 120_000);

  it("shows a team lead the figures of their districts, every cell readable, also at 360 px", async () => {
    const page = await openDashboard("teamleider@demo.local", "figures as team lead");
    const api = await apiAs(server.baseUrl, "teamleider@demo.local");
    const overview = (await api<StatisticsOverview>("GET", `/statistics/overview?${query}`)).body;
    expect(overview.suppressedBelow).toBeNull();
    await expectFunnelMatchesApi(page, overview);
    const districts = await page.getByLabel("Gebied", { exact: true }).locator("option").allTextContents();
    expect(districts).toEqual(["Hele stad (of uw gebieden)", "Charlois", "Overschie"]);
    await expectNoSidewaysScroll(page, "figures as team lead");
    await page.setViewportSize({ width: 360, height: 844 });
    await expectNoAxeViolations(page, "figures as team lead at 360 px");
    await page.context().close();
  }, 120_000);
});

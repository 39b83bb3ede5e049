import fs from "node:fs";
import { expectDefined } from "@server/testing/expect-defined.js";
import type { MeOutput } from "@shared/schemas/users.js";
import { PDFParse } from "pdf-parse";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./api.js";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage } from "./browser.js";
import { expectNoSidewaysScroll } from "./layout.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let browser: Browser;
let clientId: string;
let consultantName: string;

async function settled(page: Page, what: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expectNoAxeViolations(page, what);
  await expectNoSidewaysScroll(page, what);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const self = await apiAs(server.baseUrl, "klant@demo.local");
  clientId = expectDefined((await self<MeOutput>("GET", "/me")).body.clientId, "the client behind the account");
  // The consultant opens the client's record: the access log has something to say.
  const consultant = await apiAs(server.baseUrl, "consulent@demo.local");
  consultantName = (await consultant<MeOutput>("GET", "/me")).body.displayName;
  expect((await consultant("GET", `/clients/${clientId}`)).status).toBe(200);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the client's data and rights on a phone", () => {
  it("downloads everything held as a PDF and reads who opened the file, from the start page", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await page.setViewportSize({ width: 360, height: 780 });
    await logIn(page, "klant@demo.local");
    await page.getByRole("link", { name: "Mijn gegevens en wie ze bekeek" }).click();
    await expectHeading(page, "Mijn gegevens");
    await settled(page, "my data");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Download als PDF/ }).click()]);
    const file = expectDefined(await download.path(), "the downloaded PDF");
    const text = (await new PDFParse({ data: fs.readFileSync(file) }).getText()).text.replace(/\s+/g, " ");
    expect(text).toContain("Uw gegevens bij de gemeente");
    expect(text).toContain("Wie heeft uw dossier bekeken of veranderd?");
    expect(text).toContain(`Consulent: ${consultantName}`);
    expect(download.suggestedFilename()).toMatch(/^mijn-gegevens-\d{4}-\d{2}-\d{2}\.pdf$/);

    await page.getByRole("link", { name: "Wie heeft mijn dossier bekeken" }).click();
    await expectHeading(page, "Wie heeft mijn dossier bekeken");
    const entry = page
      .getByRole("listitem")
      .filter({ hasText: `Consulent: ${consultantName}` })
      .first();
    await entry.getByText("Uw gegevens zijn bekeken om u te helpen.").waitFor();
    await settled(page, "who opened my file");
    await context.close();
  }, 120_000);

  it("reads the rights in plain words from the start page", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await page.setViewportSize({ width: 360, height: 780 });
    await logIn(page, "klant@demo.local");
    await page.getByRole("link", { name: "Uw rechten" }).click();
    await expectHeading(page, "Uw rechten");
    await page.getByRole("heading", { name: "Wat mag u weigeren?" }).waitFor();
    await page.getByText(/binnen zes weken/).waitFor();
    await page.getByText(/Juridisch Loket/).waitFor();
    await settled(page, "your rights");
    await context.close();
  }, 120_000);

  it("the consultant opens the same access log from the client's record", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    await page.goto(`/clients/${clientId}`);
    await page.getByRole("link", { name: /^Wie heeft dit dossier bekeken/ }).click();
    await expectHeading(page, "Wie heeft dit dossier bekeken");
    await page.getByText("Uw gegevens zijn bekeken om u te helpen.").first().waitFor();
    await page.waitForLoadState("networkidle");
    await expectNoAxeViolations(page, "the access log as staff see it");
    await context.close();
  }, 120_000);
});

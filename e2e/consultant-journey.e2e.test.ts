import { expectDefined } from "@server/testing/expect-defined.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage, textOf } from "./browser.js";
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

/** Nothing on the page is wider than the window: no sideways scrolling on a phone. */
async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 844 });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `page width at ${width} px`).toBeLessThanOrEqual(width);
}

describe("a consultant changes a client's phone number, and the admin finds it in the audit log", () => {
  it("runs from login to audit log", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);

    await page.goto("/");
    await expectHeading(page, "Inloggen");
    await expectNoAxeViolations(page, "login");
    await logIn(page, "consulent@demo.local");

    // The day starts at the work queue; the caseload is one click away and holds only the consultant's district.
    await expectHeading(page, "Werkvoorraad");
    await openMenuItem(page, "Cliënten");
    await expectHeading(page, "Cliënten");
    expect(await page.title()).toBe("Cliënten – Naar Vermogen");
    const table = page.getByRole("table", { name: /Cliënten: \d+ gevonden/ });
    await table.waitFor();
    const districts = await table.locator("tbody tr td:nth-child(4)").allInnerTexts();
    expect(districts.length).toBeGreaterThan(0);
    expect(new Set(districts)).toEqual(new Set(["Charlois"]));
    await expectNoAxeViolations(page, "caseload");

    // Search by the family name of the second row, so the search really narrows the list.
    const target = await textOf(table.locator("tbody tr").nth(1).getByRole("link"));
    const familyName = (target.split(",")[0] ?? "").trim();
    await page.getByRole("searchbox", { name: "Zoeken" }).fill(familyName);
    // The previous page stays visible while the search runs; wait until every row matches.
    const names = () => table.locator("tbody tr th").allInnerTexts();
    await expect.poll(async () => (await names()).every((row) => row.toLowerCase().includes(familyName.toLowerCase()))).toBe(true);
    // The search text (it may be a BSN) stays out of the address bar.
    expect(page.url()).not.toContain(encodeURIComponent(familyName));
    const match = table.getByRole("link", { name: target });

    // Open the record.
    await match.first().click();
    const [givenName] = target
      .split(",")
      .slice(1)
      .map((s) => s.trim());
    const fullName = `${givenName} ${familyName}`;
    await expectHeading(page, fullName);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await expectNoAxeViolations(page, "client detail");
    const clientId = expectDefined(page.url().split("/clients/")[1], "the client id in the URL");

    // Edit the phone number.
    await page.getByRole("link", { name: "Gegevens wijzigen" }).click();
    await expectHeading(page, `${fullName} wijzigen`);
    await expectNoAxeViolations(page, "client edit");
    const phone = page.getByLabel("Telefoonnummer (niet verplicht)");
    await phone.fill("010 765 4321");

    // The languages by name: a common one ticked with the keyboard, another chosen from the list of all.
    const languages = page.getByRole("group", { name: /^Talen/ });
    const arabic = languages.getByRole("checkbox", { name: "Arabisch" });
    if (await arabic.isChecked()) await arabic.uncheck();
    await arabic.focus();
    await page.keyboard.press("Space");
    expect(await arabic.isChecked()).toBe(true);
    await page.getByLabel("Andere taal").selectOption({ label: "Tamil" });
    await page.getByRole("button", { name: "Taal toevoegen" }).click();
    expect(await languages.getByRole("checkbox", { name: "Tamil" }).isChecked()).toBe(true);
    await expectNoAxeViolations(page, "client edit with languages chosen");
    await expectNoSidewaysScroll(page, 360);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();

    // Back on the record, with the new number.
    await expectHeading(page, fullName);
    await page.getByText("De gegevens zijn opgeslagen.").waitFor();
    const phoneValue = page.locator("dt", { hasText: "Telefoonnummer" }).locator("xpath=following-sibling::dd[1]");
    expect(await textOf(phoneValue)).toBe("010 765 4321");
    const languagesValue = page.locator("dt", { hasText: /^Talen$/ }).locator("xpath=following-sibling::dd[1]");
    expect(await textOf(languagesValue)).toMatch(/Arabisch.*Tamil/);
    await expectNoAxeViolations(page, "client detail after save");

    // Log out: back at the login page.
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await expectHeading(page, "Inloggen");
    expect(new URL(page.url()).pathname).toBe("/login");

    // The admin finds the change (and the read) in the client's audit trail.
    await logIn(page, "admin@demo.local");
    // An administrator opens a client's record only for a task, named first.
    await page.goto(`/clients/${clientId}`);
    await expectHeading(page, "Waarom opent u dit dossier?");
    await page.getByLabel("Taak").selectOption({ label: "Hulpvraag van een medewerker" });
    await page.getByRole("button", { name: "Dossier openen" }).click();
    await expectHeading(page, fullName);
    await page.getByRole("link", { name: "Auditlog van deze cliënt" }).click();
    await expectHeading(page, "Auditlog");
    const audit = page.getByRole("table", { name: /Gebeurtenissen: \d+ gevonden/ });
    await audit.waitFor();
    await page.getByText(`Gekozen: ${fullName}`).waitFor();
    const actions = await audit.locator("tbody tr td:nth-child(3)").allInnerTexts();
    expect(actions).toContain("Gegevens van cliënt gewijzigd");
    expect(actions).toContain("Dossier van cliënt geopend");
    const updateRow = audit.locator("tbody tr", { hasText: "Gegevens van cliënt gewijzigd" });
    expect(await textOf(updateRow)).toContain("Consulent");
    expect(await textOf(updateRow)).toContain("phone");
    await expectNoAxeViolations(page, "audit log");

    // The category filter narrows to the write.
    await page.getByLabel("Soort").selectOption("write");
    await page.getByRole("button", { name: "Filteren" }).click();
    // (The demo history's own writes on this client, such as an attribution heard, stay listed beside it.)
    await expect.poll(async () => audit.locator("tbody tr td:nth-child(3)").allInnerTexts()).not.toContain("Dossier van cliënt geopend");
    expect(await audit.locator("tbody tr td:nth-child(3)").allInnerTexts()).toContain("Gegevens van cliënt gewijzigd");

    await context.close();
  }, 120_000);
});

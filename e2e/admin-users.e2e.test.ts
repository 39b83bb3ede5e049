import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage, textOf } from "./browser.js";
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

async function fillAccount(page: Page, email: string, name: string, role: string): Promise<void> {
  await page.goto("/users/new");
  await expectHeading(page, "Nieuwe gebruiker");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Naam").fill(name);
  await page.getByLabel("Rol", { exact: true }).selectOption(role);
  await page.getByLabel("Wachtwoord", { exact: true }).fill("een lange zin als wachtwoord");
}

describe("account administration", () => {
  it("creates accounts with each kind of binding, and deactivates one", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "admin@demo.local");

    // A consultant needs districts: without one, the server's field error appears beside the group.
    await fillAccount(page, "nieuw.consulent@demo.local", "Nieuwe Consulent", "consultant");
    await page.getByRole("button", { name: "Gebruiker aanmaken" }).click();
    await page.getByText("Kies minstens één gebied voor een consulent of teamleider.").first().waitFor();
    await expectNoAxeViolations(page, "new consultant without districts");
    await page.getByRole("checkbox", { name: "Noord", exact: true }).check();
    await page.getByRole("checkbox", { name: "Delfshaven" }).check();
    await page.getByRole("button", { name: "Gebruiker aanmaken" }).click();
    await expectHeading(page, "Nieuwe Consulent");
    await page.getByText("De gebruiker is aangemaakt.").waitFor();
    expect(await page.getByRole("checkbox", { name: "Noord", exact: true }).isChecked()).toBe(true);

    // Deactivate it.
    await page.getByRole("button", { name: "Account uitschakelen" }).click();
    await page.getByRole("button", { name: "Account weer inschakelen" }).waitFor();
    await page.goto("/users");
    await page.getByRole("searchbox", { name: "Zoek op naam of e-mailadres" }).fill("nieuw.consulent");
    const row = page.locator("tbody tr", { hasText: "nieuw.consulent@demo.local" });
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    expect(await textOf(row)).toContain("Uitgeschakeld");

    // A host account is bound to an organisation found by name.
    await fillAccount(page, "nieuw.host@demo.local", "Nieuwe Host", "host");
    await page.getByLabel("Zoek organisatie op naam").fill("Wielewaal");
    await page.getByRole("radio", { name: /Wielewaal/ }).check();
    await page.getByRole("button", { name: "Gebruiker aanmaken" }).click();
    await expectHeading(page, "Nieuwe Host");

    // A client account is bound to a client record found by postcode.
    await fillAccount(page, "nieuw.klant@demo.local", "Nieuwe Klant", "client");
    await page.getByLabel("Zoek cliënt op naam, BSN of postcode").fill("3081");
    await page.getByRole("radio").first().check();
    await page.getByRole("button", { name: "Gebruiker aanmaken" }).click();
    await expectHeading(page, "Nieuwe Klant");

    // The new client account logs in and sees its start page.
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await logIn(page, "nieuw.klant@demo.local", "een lange zin als wachtwoord");
    await expectHeading(page, "Wat moet ik doen?");
    await context.close();
  }, 120_000);

  it("shows the request id when the server fails", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "admin@demo.local");
    await page.route("**/api/v1/users?*", (route) =>
      route.fulfill({
        status: 503,
        contentType: "application/problem+json",
        body: JSON.stringify({ status: 503, title: "Unavailable", detail: "Down", code: "internalError", requestId: "req-4711" }),
      }),
    );
    await page.goto("/users");
    await page.getByText(/Er ging iets mis aan onze kant.*req-4711/).waitFor({ timeout: 15_000 });
    await expectNoAxeViolations(page, "server error message");
    await context.close();
  }, 60_000);
});

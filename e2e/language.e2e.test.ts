import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../src/web/i18n/en.json" with { type: "json" };
import nl from "../src/web/i18n/nl.json" with { type: "json" };
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage } from "./browser.js";
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

describe("language switch", () => {
  it("switches the UI to English, keeps it after a reload, and back to Dutch", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "admin@demo.local");
    await expectHeading(page, "Cliënten");
    expect(await page.getAttribute("html", "lang")).toBe("nl");

    await page.getByRole("button", { name: "English" }).click();
    await expectHeading(page, "Clients");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.title()).toBe("Clients – Naar Vermogen");
    const nav = page.getByRole("navigation", { name: "Main menu" });
    // The links in closed groups count too: the whole menu is in English, not only what is open.
    const links = await nav.getByRole("link", { includeHidden: true }).allTextContents();
    expect(links).toEqual(expect.arrayContaining(["Clients", "Organisations", "Vacancies", "Users", "Audit log"]));
    const groups = await nav.locator("button.nv-nav__toggle").allTextContents();
    expect(groups).toEqual(["Organisations", "Planning", "Oversight"]);
    // Every item in English: none of the Dutch menu texts stays behind.
    // Words that are the same in both languages ("Team") say nothing about the switch.
    const dutch = Object.entries(nl.nav)
      .filter(([key, text]) => en.nav[key as keyof typeof en.nav] !== text)
      .map(([, text]) => text);
    expect([...links, ...groups].filter((text) => dutch.includes(text))).toEqual([]);
    await page.getByRole("searchbox", { name: "Search" }).waitFor();
    await page.getByRole("button", { name: "Log out" }).waitFor();
    await expectNoAxeViolations(page, "caseload in English");

    await page.reload();
    await expectHeading(page, "Clients");
    expect(await page.getAttribute("html", "lang")).toBe("en");

    await openMenuItem(page, "Audit log");
    await expectHeading(page, "Audit log");
    await page.getByRole("button", { name: "Filter" }).waitFor();

    await page.getByRole("button", { name: "Nederlands" }).click();
    await expectHeading(page, "Auditlog");
    expect(await page.getAttribute("html", "lang")).toBe("nl");
    await context.close();
  }, 60_000);
});

describe("session", () => {
  it("tells the user when the login is wrong and when there were too many attempts", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await page.goto("/login");
    await expectHeading(page, "Inloggen");
    await page.getByLabel("E-mailadres").fill("consulent2@demo.local");
    await page.getByLabel("Wachtwoord").fill("wrong password");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await page.getByText("Het e-mailadres of het wachtwoord klopt niet.").waitFor();
    await expectNoAxeViolations(page, "login failed");

    // The server throttles an account after repeated failures; the UI says so instead of "wrong password".
    for (let i = 0; i < 12; i++) {
      await Promise.all([
        page.waitForResponse((response) => response.url().endsWith("/api/v1/sessions")),
        page.getByRole("button", { name: "Inloggen" }).click(),
      ]);
    }
    await page.getByText(/Te veel mislukte pogingen|U heeft te vaak geprobeerd/).waitFor();
    await context.close();
  }, 60_000);

  it("sends the user to the login page when the session ends, and back afterwards", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "consulent@demo.local");
    await page.goto("/clients");
    await expectHeading(page, "Cliënten");

    // The session cookie disappears (expiry, logout elsewhere): the next call answers 401.
    await context.clearCookies();
    await page.getByRole("button", { name: "Volgende pagina" }).click();
    await expectHeading(page, "Inloggen");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/clients?page=2");

    await page.getByLabel("E-mailadres").fill("consulent@demo.local");
    await page.getByLabel("Wachtwoord").fill("demo");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expectHeading(page, "Cliënten");
    expect(new URL(page.url()).searchParams.get("page")).toBe("2");
    await context.close();
  }, 60_000);
});

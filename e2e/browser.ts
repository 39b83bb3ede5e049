import AxeBuilder from "@axe-core/playwright";
import { expectDefined } from "@server/testing/expect-defined.js";
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";

const CHROMIUM = "/usr/bin/chromium";

/** Launches Debian's headless Chromium with everything that would reach the network switched off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A fresh browser context (own cookies and storage) on the test server, in Dutch like a Rotterdam desktop. */
export async function newPage(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: "nl-NL", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  return { context, page };
}

/** Runs axe (WCAG 2.1 A and AA) on the page as it is now and fails with a readable list of violations. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 5)
        .join("\n    ")}`,
  );
  expect(summary, `axe violations on ${what} (${page.url()})`).toEqual([]);
}

/** Waits until the page's h1 has the given text, i.e. the page and its data have rendered. */
export async function expectHeading(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole("heading", { level: 1, name: text }).waitFor();
}

/** Logs in through the login form with the demo password and waits for the first page after it. */
export async function logIn(page: Page, email: string, password = "demo"): Promise<void> {
  await page.goto("/login");
  await expectHeading(page, "Inloggen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("button", { name: "Uitloggen" }).waitFor();
}

/** An element's text as the page holds it; Playwright waits for the element, and only a document has no text. */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? "";
}

/** Where a link on the page goes; a link without an href fails the journey. */
export async function hrefOf(link: Locator): Promise<string> {
  return expectDefined(await link.getAttribute("href"), "the link's href");
}

import { expectDefined } from "@server/testing/expect-defined.js";
import type { MeOutput } from "@shared/schemas/users.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiAs } from "./api.js";
import { expectNoAxeViolations, launchBrowser, logIn, newPage } from "./browser.js";
import { expectNoSidewaysScroll } from "./layout.js";
import { startServer, type TestServer } from "./server.js";

// Every page of the client's own portal, as the demo client meets it: on a 360 px phone, at 200 % zoom (a 1280 px
// window zoomed to 200 % is 640 CSS pixels wide), and with the keyboard alone.

let server: TestServer;
let browser: Browser;
let clientId: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const self = await apiAs(server.baseUrl, "klant@demo.local");
  clientId = expectDefined((await self<MeOutput>("GET", "/me")).body.clientId, "the client behind the account");
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const portalPages = (): [string, string][] => [
  ["/", "start page"],
  ["/my-plan", "my plan and placement"],
  ["/my-check-in", "check-in"],
  ["/my-placements", "my placements"],
  ["/activity-proposals", "propose an activity"],
  ["/my-decisions", "my decisions"],
  ["/my-data", "my data"],
  [`/clients/${clientId}/access-log`, "who opened my file"],
  ["/my-contact-details", "contact details"],
  ["/rights", "your rights"],
];

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.getByRole("heading", { level: 1 }).waitFor();
  await page.waitForLoadState("networkidle");
}

/**
 * Presses Tab through the page and returns the controls in `main` that it never reached. Of a group of radio
 * buttons one is a tab stop (the arrow keys move within it), so a group counts as reached when one of them is.
 */
async function unreachableByTab(page: Page): Promise<string[]> {
  const count = await page.evaluate(() => {
    const controls = Array.from(
      document.querySelectorAll<HTMLElement>("main a[href], main button, main input, main select, main textarea, main summary"),
    ).filter((el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0);
    controls.forEach((el, index) => {
      const radio = el instanceof HTMLInputElement && el.type === "radio" ? `radio:${el.name}` : `${index}`;
      el.dataset.tabCheck = radio;
    });
    return controls.length;
  });
  const reached = new Set<string>();
  await page.locator("body").focus();
  for (let i = 0; i < count + 40; i++) {
    await page.keyboard.press("Tab");
    const key = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.tabCheck ?? null);
    if (key) reached.add(key);
  }
  return page.evaluate(
    (seen) =>
      Array.from(document.querySelectorAll<HTMLElement>("[data-tab-check]"))
        .filter((el) => !seen.includes(el.dataset.tabCheck ?? ""))
        .map((el) => `${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute("aria-label") || el.id).trim().slice(0, 40)}"`),
    [...reached],
  );
}

describe("the client's portal pages", () => {
  it("fit a 360 px phone with no sideways scroll and pass axe", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await page.setViewportSize({ width: 360, height: 780 });
    await logIn(page, "klant@demo.local");
    for (const [path, what] of portalPages()) {
      await open(page, path);
      await expectNoSidewaysScroll(page, what);
      await expectNoAxeViolations(page, `${what} at 360 px`);
    }
    await context.close();
  }, 180_000);

  it("fit at 200 % zoom with no sideways scroll", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await page.setViewportSize({ width: 640, height: 450 });
    await logIn(page, "klant@demo.local");
    for (const [path, what] of portalPages()) {
      await open(page, path);
      await expectNoSidewaysScroll(page, `${what} at 200 % zoom`, [640]);
    }
    await context.close();
  }, 180_000);

  it("let every control be reached with the keyboard alone", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, "klant@demo.local");
    for (const [path, what] of portalPages()) {
      await open(page, path);
      expect(await unreachableByTab(page), `controls Tab never reaches on ${what}`).toEqual([]);
    }
    await context.close();
  }, 180_000);
});

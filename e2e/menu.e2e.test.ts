import { expectDefined } from "@server/testing/expect-defined.js";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectHeading, expectNoAxeViolations, launchBrowser, logIn, newPage, textOf } from "./browser.js";
import { focused } from "./keyboard.js";
import { mainMenu, openMenuItem } from "./menu.js";
import { startServer, type TestServer } from "./server.js";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The row of the menu: its list's height, the tallest of its items, and the items' distinct tops. */
async function rowOf(page: Page): Promise<{ listHeight: number; itemHeight: number; tops: number[] }> {
  const items = mainMenu(page).locator(".nv-nav__list > li");
  const boxes = await Promise.all((await items.all()).map(async (item) => expectDefined(await item.boundingBox(), "a menu item's box")));
  const list = expectDefined(await mainMenu(page).locator(".nv-nav__list").boundingBox(), "the menu's box");
  return {
    listHeight: list.height,
    itemHeight: Math.max(...boxes.map((box) => box.height)),
    tops: [...new Set(boxes.map((box) => Math.round(box.y)))],
  };
}

async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

function group(page: Page, name: string): Locator {
  return mainMenu(page).getByRole("button", { name, exact: true });
}

describe("the main menu", () => {
  it.each([
    ["teamleider@demo.local", "Werkvoorraad", ["Cliënten", "Organisaties", "Planning", "Toezicht"]],
    ["admin@demo.local", "Cliënten", ["Organisaties", "Planning", "Toezicht"]],
    ["consulent@demo.local", "Werkvoorraad", ["Cliënten", "Organisaties", "Planning", "Toezicht"]],
  ])(
    "stands in one row at 1,280 px for %s, in groups",
    async (email, start, groups) => {
      const { context, page } = await newPage(browser, server.baseUrl);
      await logIn(page, email);
      await expectHeading(page, start);
      const buttons = mainMenu(page).locator("button.nv-nav__toggle");
      expect(await buttons.allInnerTexts()).toEqual(groups);
      // The start page stays one click away as the first plain link.
      expect(await textOf(mainMenu(page).getByRole("link").first())).toBe("Werkvoorraad");
      const row = await rowOf(page);
      expect(row.tops, "the menu's items stand on one line").toHaveLength(1);
      expect(row.listHeight).toBeLessThan(row.itemHeight * 1.5);
      expect(await mainMenu(page).getByRole("button", { name: "Menu", exact: true }).isVisible()).toBe(false);
      await context.close();
    },
    60_000,
  );

  it("opens a group as a disclosure, marks the group of the current page, and passes axe with a group open", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "teamleider@demo.local");
    await expectHeading(page, "Werkvoorraad");
    const oversight = group(page, "Toezicht");
    expect(await oversight.getAttribute("aria-expanded")).toBe("false");
    const listId = expectDefined(await oversight.getAttribute("aria-controls"), "the group's list");
    const list = page.locator(`[id="${listId}"]`);
    expect(await list.isVisible()).toBe(false);
    await oversight.click();
    expect(await oversight.getAttribute("aria-expanded")).toBe("true");
    await list.getByRole("link", { name: "Maatregelen", exact: true }).waitFor();
    expect(await list.getByRole("link").allInnerTexts()).toEqual(["Team", "Vrijstellingen", "Maatregelen", "Cijfers", "Effecten"]);
    await expectNoAxeViolations(page, "the team lead's menu with Toezicht open");
    // The open list lies over the page without widening it.
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);

    // Opening another group closes the first; a click elsewhere closes it.
    await group(page, "Planning").click();
    expect(await oversight.getAttribute("aria-expanded")).toBe("false");
    expect(await group(page, "Planning").getAttribute("aria-expanded")).toBe("true");
    await page.getByRole("heading", { level: 1 }).click();
    expect(await group(page, "Planning").getAttribute("aria-expanded")).toBe("false");

    // After following a link the group closes, and its button and the link show where one is.
    expect(await openMenuItem(page, "Team")).toBe(2);
    await expectHeading(page, "Team");
    expect(await oversight.getAttribute("aria-expanded")).toBe("false");
    expect(await oversight.getAttribute("aria-current")).toBe("true");
    expect(await group(page, "Cliënten").getAttribute("aria-current")).toBeNull();
    expect(await list.getByRole("link", { name: "Team", includeHidden: true }).getAttribute("aria-current")).toBe("page");
    // A plain link in the row is one click.
    expect(await openMenuItem(page, "Werkvoorraad")).toBe(1);
    await expectHeading(page, "Werkvoorraad");
    expect(await oversight.getAttribute("aria-current")).toBeNull();
    await context.close();
  }, 60_000);

  it("works by keyboard: Tab to a group, Enter and Space open and close it, Escape closes it and returns focus", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await logIn(page, "teamleider@demo.local");
    await expectHeading(page, "Werkvoorraad");
    await mainMenu(page).getByRole("link", { name: "Werkvoorraad" }).focus();
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "BUTTON", text: "Cliënten" });
    const clients = group(page, "Cliënten");
    await page.keyboard.press("Enter");
    expect(await clients.getAttribute("aria-expanded")).toBe("true");
    // The group's links follow its button in the Tab order.
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "A", text: "Mijn dag" });
    await page.keyboard.press("Escape");
    expect(await clients.getAttribute("aria-expanded")).toBe("false");
    expect(await focused(page)).toMatchObject({ tag: "BUTTON", text: "Cliënten" });
    await page.keyboard.press("Space");
    expect(await clients.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Space");
    expect(await clients.getAttribute("aria-expanded")).toBe("false");
    // Tabbing past an open group's last link closes it.
    await page.keyboard.press("Enter");
    for (const link of ["Mijn dag", "Cliënten", "Uitnodigen"]) {
      await page.keyboard.press("Tab");
      expect(await focused(page)).toMatchObject({ tag: "A", text: link });
    }
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "BUTTON", text: "Organisaties" });
    expect(await clients.getAttribute("aria-expanded")).toBe("false");
    // Enter on a link follows it.
    await page.keyboard.press("Enter");
    for (const link of ["Bemiddelingsbureaus", "Organisaties"]) {
      await page.keyboard.press("Tab");
      expect(await focused(page)).toMatchObject({ tag: "A", text: link });
    }
    await page.keyboard.press("Enter");
    await expectHeading(page, "Organisaties");
    expect(await group(page, "Organisaties").getAttribute("aria-expanded")).toBe("false");
    await context.close();
  }, 60_000);

  it("folds behind one Menu button at 360 px, without sideways scroll closed or open, and by keyboard", async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await page.setViewportSize({ width: 360, height: 800 });
    await logIn(page, "admin@demo.local");
    await expectHeading(page, "Cliënten");
    const menuButton = mainMenu(page).getByRole("button", { name: "Menu", exact: true });
    expect(await menuButton.getAttribute("aria-expanded")).toBe("false");
    expect(await mainMenu(page).getByRole("link").count()).toBe(0);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, "the admin's menu folded at 360 px");

    await menuButton.focus();
    await page.keyboard.press("Enter");
    expect(await menuButton.getAttribute("aria-expanded")).toBe("true");
    await group(page, "Toezicht").waitFor();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "A", text: "Werkvoorraad" });
    await group(page, "Toezicht").click();
    await mainMenu(page).getByRole("link", { name: "Auditlog" }).waitFor();
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, "the admin's menu open at 360 px with Toezicht open");
    // Escape closes the group first, then the menu, each returning focus to its button.
    await page.keyboard.press("Escape");
    expect(await focused(page)).toMatchObject({ tag: "BUTTON", text: "Toezicht" });
    await page.keyboard.press("Escape");
    expect(await menuButton.getAttribute("aria-expanded")).toBe("false");
    expect(await focused(page)).toMatchObject({ tag: "BUTTON", text: "Menu" });

    // Following a link folds the menu again: three clicks from folded to the page.
    expect(await openMenuItem(page, "Gebruikers")).toBe(3);
    await expectHeading(page, "Gebruikers");
    expect(await menuButton.getAttribute("aria-expanded")).toBe("false");
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await context.close();
  }, 60_000);

  it.each([
    ["klant@demo.local", ["Start", "Mijn plan", "Mijn besluiten"]],
    ["organisatie@demo.local", ["Aanmeldingen", "Plaatsingen", "Vrijwilligersplekken"]],
    ["onderzoeker@demo.local", ["Start", "Cijfers", "Effecten", "Onderzoeksbestand"]],
    ["bemiddelaar@demo.local", null],
  ])(
    "keeps a flat row of links for %s, at 1,280 px and at 360 px",
    async (email, links) => {
      const { context, page } = await newPage(browser, server.baseUrl);
      await logIn(page, email);
      await mainMenu(page).getByRole("link").first().waitFor();
      expect(await mainMenu(page).getByRole("button").count()).toBe(0);
      const shown = await mainMenu(page).getByRole("link").allInnerTexts();
      if (links) expect(shown).toEqual(links);
      else expect(shown.length).toBeGreaterThan(0);
      console.log(`${email}: ${shown.join(" · ")}`);
      const row = await rowOf(page);
      expect(row.tops, "the menu's items stand on one line").toHaveLength(1);
      await page.setViewportSize({ width: 360, height: 800 });
      expect(await mainMenu(page).getByRole("link").allInnerTexts()).toEqual(shown);
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
      await context.close();
    },
    60_000,
  );
});

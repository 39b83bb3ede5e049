import type { Locator, Page } from "playwright-core";

/** The main menu, in Dutch or English. */
export function mainMenu(page: Page): Locator {
  return page.getByRole("navigation", { name: /^(Hoofdmenu|Main menu)$/ });
}

/**
 * Follows a link of the main menu as a user does: opens the "Menu" button when the menu is folded (narrow screens)
 * and the group holding the link when it is in one, then clicks the link. Returns the clicks it took, so a journey
 * that counts clicks counts these too.
 */
export async function openMenuItem(page: Page, link: string): Promise<number> {
  const menu = mainMenu(page);
  const target = menu.getByRole("link", { name: link, exact: true, includeHidden: true });
  // The menu stands once the caller is known; until then there is nothing to open.
  await menu.waitFor();
  let clicks = 0;
  const menuButton = menu.getByRole("button", { name: "Menu", exact: true });
  if ((await menuButton.isVisible()) && (await menuButton.getAttribute("aria-expanded")) === "false") {
    await menuButton.click();
    await page.locator(`[id="${await menuButton.getAttribute("aria-controls")}"]`).waitFor();
    clicks += 1;
  }
  if (!(await target.isVisible())) {
    await (await groupHolding(page, link)).click();
    clicks += 1;
  }
  await target.click();
  return clicks + 1;
}

/** The disclosure button of the menu group whose list holds the link. */
export async function groupHolding(page: Page, link: string): Promise<Locator> {
  const toggles = mainMenu(page).locator("button[aria-controls]");
  for (const toggle of await toggles.all()) {
    const listId = await toggle.getAttribute("aria-controls");
    if (!listId) continue;
    const list = page.locator(`[id="${listId}"]`);
    const held = list.getByRole("link", { name: link, exact: true, includeHidden: true });
    // The "Menu" button controls the whole list; a group's own list holds the link directly.
    if ((await list.locator("button[aria-controls]").count()) === 0 && (await held.count()) > 0) return toggle;
  }
  throw new Error(`No group of the main menu holds the link "${link}"`);
}

import type { Locator, Page } from "playwright-core";

/**
 * What a journey costs its user, counted the same way in every journey: the clicks (a choice from a list is one), the
 * pixels scrolled to bring each target into view, and per page read whole its height and the screens one has to
 * scroll past to see it (0 when it fits).
 */
export class Effort {
  clicks = 0;
  scrolledPx = 0;
  screens = 0;
  readonly pages: { page: string; height: number; viewport: number }[] = [];

  async reveal(target: Locator): Promise<void> {
    const page = target.page();
    const before = await page.evaluate(() => window.scrollY);
    await target.scrollIntoViewIfNeeded();
    this.scrolledPx += Math.abs((await page.evaluate(() => window.scrollY)) - before);
  }

  async click(target: Locator): Promise<void> {
    await this.reveal(target);
    await target.click();
    this.clicks += 1;
  }

  async select(target: Locator, label: string): Promise<void> {
    await this.reveal(target);
    await target.selectOption({ label });
    this.clicks += 1;
  }

  /** Notes the page's height at the current viewport and the screens of scrolling it takes to read it whole. */
  async readPage(page: Page, what = page.url()): Promise<void> {
    const { height, viewport } = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      viewport: window.innerHeight,
    }));
    this.screens += Math.max(0, Math.ceil(height / viewport) - 1);
    this.pages.push({ page: what, height, viewport });
  }
}

import type { Page } from "playwright-core";
import { expect } from "vitest";

/** The widths every page must fit without sideways scrolling: a small phone and a laptop. */
export const CHECKED_WIDTHS = [360, 1280] as const;

/**
 * Fails when, at 360 px and at 1,280 px (or at the given widths), the page scrolls sideways (the document is wider than the window) or an
 * element inside `main` reaches past the window's edge. What sits inside a region that clips or scrolls its content
 * (a numbers table in its scroll region) is judged by that region, not by itself. The window's size is restored
 * afterwards.
 */
export async function expectNoSidewaysScroll(page: Page, what: string, widths: readonly number[] = CHECKED_WIDTHS): Promise<void> {
  const original = page.viewportSize();
  for (const width of widths) {
    await page.setViewportSize({ width, height: original?.height ?? 900 });
    const layout = await page.evaluate(async () => {
      // Two frames: what reacts to the new size (container queries, charts) has laid itself out again.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const root = document.documentElement;
      const viewport = root.clientWidth;
      const main = document.querySelector("main");
      const clips = (element: Element) => getComputedStyle(element).overflowX !== "visible";
      const insideClipping = (element: Element) => {
        for (let parent = element.parentElement; parent && parent !== main; parent = parent.parentElement) {
          if (clips(parent)) return true;
        }
        return false;
      };
      const describe = (element: Element) => {
        const name = element.tagName.toLowerCase();
        const id = element.id ? `#${element.id}` : "";
        const classes = [...element.classList].map((c) => `.${c}`).join("");
        const text = (element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
        return `${name}${id}${classes} "${text}" (${Math.round(element.getBoundingClientRect().right)} px)`;
      };
      const wide = [...(main?.querySelectorAll("*") ?? [])]
        .filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && (box.right > viewport + 1 || box.width > viewport + 1);
        })
        .filter((element) => !insideClipping(element))
        .map(describe)
        .slice(0, 8);
      return { viewport, scrollWidth: root.scrollWidth, wide };
    });
    expect(layout.scrollWidth, `${what} scrolls sideways at ${width} px`).toBeLessThanOrEqual(layout.viewport);
    expect(layout.wide, `${what}: wider than the window at ${width} px`).toEqual([]);
  }
  if (original) await page.setViewportSize(original);
}

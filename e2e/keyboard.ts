import type { Page } from "playwright-core";

/** A short description of the focused element: tag, id, and accessible text. */
export function focused(page: Page): Promise<{ tag: string; id: string; text: string; label: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const labels = el && "labels" in el ? Array.from((el as HTMLInputElement).labels ?? []).map((l) => l.textContent ?? "") : [];
    return {
      tag: el?.tagName ?? "",
      id: el?.id ?? "",
      text: (el?.textContent ?? "").trim(),
      label: labels.join(" ").trim(),
    };
  });
}

/** Presses Tab (as a keyboard user would) until the focused element matches; fails after `max` presses. */
export async function tabTo(
  page: Page,
  matches: (el: { tag: string; id: string; text: string; label: string }) => boolean,
  max = 60,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (matches(await focused(page))) return;
  }
  throw new Error(`Tab never reached the wanted element; last focus: ${JSON.stringify(await focused(page))}`);
}

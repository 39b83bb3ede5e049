import type { ReactNode } from "react";

interface ScrollRegionProps {
  /** Id of the element (usually the table's caption) that names the region. */
  labelledBy?: string;
  /** The region's name, when no element on the page carries it. */
  label?: string;
  children: ReactNode;
}

/** A named region around a wide table that scrolls sideways and can be scrolled with the keyboard. */
export function ScrollRegion({ labelledBy, label, children }: ScrollRegionProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll a region by focusing it (axe scrollable-region-focusable)
    <section className="nv-table-scroll" aria-labelledby={labelledBy} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

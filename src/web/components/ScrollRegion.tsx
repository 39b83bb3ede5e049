import { type ReactNode, useRef } from "react";
import { useStackedTables } from "./stackedTable.js";

interface ScrollRegionProps {
  /** Id of the element (usually the table's caption) that names the region. */
  labelledBy?: string;
  /** The region's name, when no element on the page carries it. */
  label?: string;
  children: ReactNode;
}

/**
 * A named region around a table. On a narrow region the table's rows become cards, each cell labelled with its
 * column's header (`useStackedTables`, `.nv-table` in app.css); a table marked `nv-table--grid` instead scrolls
 * sideways here, and the region can be scrolled with the keyboard.
 */
export function ScrollRegion({ labelledBy, label, children }: ScrollRegionProps) {
  const ref = useRef<HTMLElement>(null);
  useStackedTables(ref);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users scroll a region by focusing it (axe scrollable-region-focusable)
    <section ref={ref} className="nv-table-scroll" aria-labelledby={labelledBy} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

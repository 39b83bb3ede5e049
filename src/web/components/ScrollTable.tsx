import type { ReactNode } from "react";
import { ScrollRegion } from "./ScrollRegion.js";
import { GRID_TABLE_CLASS } from "./stackedTable.js";

interface ScrollTableProps {
  /** Base for the caption's id, which also names the scrollable region. */
  id: string;
  caption: ReactNode;
  /** Column headers, already translated. */
  headers: string[];
  /** Extra table classes, e.g. `nv-table--top`. */
  className?: string;
  /**
   * Keeps the table a grid that scrolls sideways on a narrow screen, instead of showing each row as a card: only for
   * figures read down their columns, which cards would tear apart.
   */
  grid?: boolean;
  /** The body rows. */
  children: ReactNode;
}

/**
 * A captioned NL Design System table with one row of column headers, in a region that shows its rows as cards when
 * it is narrow (or, for a `grid`, scrolls sideways with the keyboard).
 */
export function ScrollTable({ id, caption, headers, className, grid, children }: ScrollTableProps) {
  const captionId = `${id}-caption`;
  const classes = ["utrecht-table", "utrecht-table--html-table", "nv-table", grid ? GRID_TABLE_CLASS : "", className ?? ""];
  return (
    <ScrollRegion labelledBy={captionId}>
      <table className={classes.filter(Boolean).join(" ")}>
        <caption id={captionId} className="utrecht-table__caption">
          {caption}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            {headers.map((header) => (
              <th scope="col" className="utrecht-table__header-cell" key={header}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">{children}</tbody>
      </table>
    </ScrollRegion>
  );
}

import type { ReactNode } from "react";
import { ScrollRegion } from "./ScrollRegion.js";

interface ScrollTableProps {
  /** Base for the caption's id, which also names the scrollable region. */
  id: string;
  caption: ReactNode;
  /** Column headers, already translated. */
  headers: string[];
  /** Extra table classes, e.g. `nv-table--top`. */
  className?: string;
  /** The body rows. */
  children: ReactNode;
}

/** A captioned NL Design System table in a keyboard-scrollable region, with one row of column headers. */
export function ScrollTable({ id, caption, headers, className, children }: ScrollTableProps) {
  const captionId = `${id}-caption`;
  return (
    <ScrollRegion labelledBy={captionId}>
      <table className={`utrecht-table utrecht-table--html-table nv-table${className ? ` ${className}` : ""}`}>
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

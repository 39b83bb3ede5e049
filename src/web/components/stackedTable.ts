import { type RefObject, useLayoutEffect } from "react";

/** Tables with this class stay a grid that scrolls sideways on a narrow screen instead of becoming cards. */
export const GRID_TABLE_CLASS = "nv-table--grid";

/** A header cell's visible words: without what only screen readers hear (sort state) or what they skip (arrows). */
function headerLabel(cell: HTMLTableCellElement): string {
  if (cell.dataset.label !== undefined) return cell.dataset.label;
  const copy = cell.cloneNode(true) as HTMLElement;
  for (const hidden of copy.querySelectorAll(".nv-visually-hidden, [aria-hidden='true']")) hidden.remove();
  return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
}

function setAttribute(element: Element, name: string, value: string | null): void {
  if (value === null) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

/** The role a cell keeps when a narrow screen shows it as a block. */
function cellRole(cell: HTMLTableCellElement, inHead: boolean): string {
  if (cell.tagName !== "TH") return "cell";
  if (inHead) return "columnheader";
  return cell.getAttribute("scope") === "col" ? "columnheader" : "rowheader";
}

/**
 * Prepares a table to become a stack of cards on a narrow screen (see `.nv-table` in app.css): every body cell gets
 * its column's header as `data-label`, which the stylesheet shows before the value, and table, row groups, rows and
 * cells get their roles written out, because a table shown as blocks loses them in some browsers. A cell spanning
 * the whole row (a group heading, a row's details) has no label.
 */
export function labelTable(table: HTMLTableElement): void {
  if (table.classList.contains(GRID_TABLE_CLASS)) return;
  const head = table.tHead;
  const headerRow = head?.rows[head.rows.length - 1];
  const labels: string[] = [];
  for (const cell of headerRow?.cells ?? []) {
    const label = headerLabel(cell);
    for (let span = 0; span < Math.max(1, cell.colSpan); span++) labels.push(label);
  }
  setAttribute(table, "role", "table");
  for (const group of [head, ...table.tBodies, table.tFoot]) {
    if (!group) continue;
    setAttribute(group, "role", "rowgroup");
    for (const row of group.rows) {
      setAttribute(row, "role", "row");
      let column = 0;
      for (const cell of row.cells) {
        setAttribute(cell, "role", cellRole(cell, group === head));
        const spansRow = cell.colSpan >= labels.length && labels.length > 1;
        const label = group === head || spansRow ? "" : (labels[column] ?? "");
        setAttribute(cell, "data-label", label ? label : null);
        column += Math.max(1, cell.colSpan);
      }
    }
  }
}

/** Labels the tables inside the element now and whenever its rows or headers change. */
export function useStackedTables(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const labelAll = () => {
      for (const table of element.querySelectorAll("table")) labelTable(table);
    };
    labelAll();
    // Only rows and text are watched: the labels and roles written here change attributes, which do not call back.
    const observer = new MutationObserver(labelAll);
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [ref]);
}

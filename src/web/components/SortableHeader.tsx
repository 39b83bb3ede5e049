import { useTranslation } from "react-i18next";

interface SortableHeaderProps<S extends string> {
  label: string;
  /** The ascending sort key; descending is the same key with a leading minus. */
  sortKey: S;
  current: string;
  onSort: (sort: string) => void;
}

/** A column header that sorts the table by its column; announces the current direction with aria-sort. */
export function SortableHeader<S extends string>({ label, sortKey, current, onSort }: SortableHeaderProps<S>) {
  const { t } = useTranslation();
  const ascending = current === sortKey;
  const descending = current === `-${sortKey}`;
  const ariaSort = ascending ? "ascending" : descending ? "descending" : undefined;
  const arrow = ascending ? "▲" : descending ? "▼" : "↕";
  return (
    <th scope="col" className="utrecht-table__header-cell" aria-sort={ariaSort}>
      <button type="button" className="nv-sort-button" onClick={() => onSort(ascending ? `-${sortKey}` : sortKey)}>
        {label}
        <span aria-hidden="true" className="nv-sort-button__arrow">
          {arrow}
        </span>
        <span className="nv-visually-hidden">
          {ascending ? t("table.sortedAscending") : descending ? t("table.sortedDescending") : t("table.sortable")}
        </span>
      </button>
    </th>
  );
}

import { useSearchParams } from "react-router";
import { PAGE_SIZES } from "./Pagination.js";

const DEFAULT_PAGE_SIZE = 25;

function positive(value: string | null, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? number : fallback;
}

/**
 * A list's filters, page and page size as they live in the query string, so back, reload and shared links keep
 * them. Any change that does not name a page goes back to page 1; defaults are left out of the address.
 */
export function usePagedSearch<F extends string = never>(filters: readonly F[] = []) {
  const [search, setSearch] = useSearchParams();
  const size = positive(search.get("pageSize"), DEFAULT_PAGE_SIZE);
  const page = positive(search.get("page"), 1);
  const pageSize = (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE;
  const values = Object.fromEntries(filters.map((name) => [name, search.get(name) ?? ""])) as Record<F, string>;

  function update(changes: Partial<Record<F, string>> & { page?: number; pageSize?: number }) {
    const next = { ...values, page: 1, pageSize, ...changes } as Record<string, string | number>;
    const entries = Object.entries(next)
      .map(([name, value]): [string, string] => [
        name,
        (name === "page" && value === 1) || (name === "pageSize" && value === DEFAULT_PAGE_SIZE) ? "" : String(value),
      ])
      .filter(([, value]) => value !== "");
    setSearch(new URLSearchParams(entries), { replace: true });
  }

  return { values, page, pageSize, update };
}

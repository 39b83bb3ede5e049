import { CLIENT_SORTS } from "@shared/schemas/clients.js";
import { PAGE_SIZES } from "@web/components/Pagination.js";
import { useLocation, useSearchParams } from "react-router";

export type ClientSort = (typeof CLIENT_SORTS)[number];

/**
 * The caseload filters as they live in the URL, so back, reload and shared links keep them; all but the search text,
 * which may be a BSN or a name and so stays out of the address bar, the browser's history and the server's logs. It
 * lives in the history entry's state instead, which back and reload keep as well.
 */
export interface CaseloadParams {
  q: string;
  district: string;
  cohort: "" | "true" | "false";
  mine: boolean;
  sort: ClientSort;
  page: number;
  pageSize: number;
}

function positive(value: string | null, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? number : fallback;
}

/**
 * Reads and writes the caseload filters in the query string; any filter change goes back to page 1. `mineByDefault`:
 * the list opens on "only my clients" (a consultant's start), and the address says so only when it differs.
 */
export function useCaseloadParams(mineByDefault = false): [CaseloadParams, (changes: Partial<CaseloadParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const state: unknown = useLocation().state;
  const q = state && typeof state === "object" && "q" in state && typeof state.q === "string" ? state.q : "";
  const sort = search.get("sort");
  const cohort = search.get("cohort");
  const pageSize = positive(search.get("pageSize"), 25);
  const params: CaseloadParams = {
    q,
    district: search.get("district") ?? "",
    cohort: cohort === "true" || cohort === "false" ? cohort : "",
    mine: search.has("mine") ? search.get("mine") === "true" : mineByDefault,
    sort: CLIENT_SORTS.includes(sort as ClientSort) ? (sort as ClientSort) : "familyName",
    page: positive(search.get("page"), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : 25,
  };

  function update(changes: Partial<CaseloadParams>) {
    const next = { ...params, ...changes };
    if (!("page" in changes)) next.page = 1;
    const entries: [string, string][] = [
      ["district", next.district],
      ["cohort", next.cohort],
      ["mine", next.mine === mineByDefault ? "" : String(next.mine)],
      ["sort", next.sort === "familyName" ? "" : next.sort],
      ["page", next.page === 1 ? "" : String(next.page)],
      ["pageSize", next.pageSize === 25 ? "" : String(next.pageSize)],
    ];
    // Typing in the search box replaces the history entry instead of adding one per keystroke pause.
    setSearch(new URLSearchParams(entries.filter(([, value]) => value !== "")), {
      replace: !("page" in changes),
      state: next.q ? { q: next.q } : null,
    });
  }

  return [params, update];
}

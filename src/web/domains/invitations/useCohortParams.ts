import { PAGE_SIZES } from "@web/components/Pagination.js";
import { useSearchParams } from "react-router";

/** The cohort filters as they live in the URL. By default: my own clients who were never invited. */
export interface CohortParams {
  minYears: string;
  district: string;
  notInvited: boolean;
  mine: boolean;
  page: number;
  pageSize: number;
}

export const MIN_YEARS_CHOICES = ["", "1", "2", "3", "5", "10"] as const;

function positive(value: string | null, fallback: number): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? number : fallback;
}

/** Reads and writes the cohort filters in the query string; a filter change goes back to page 1. */
export function useCohortParams(): [CohortParams, (changes: Partial<CohortParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const minYears = search.get("minYears") ?? "";
  const pageSize = positive(search.get("pageSize"), 50);
  const params: CohortParams = {
    minYears: (MIN_YEARS_CHOICES as readonly string[]).includes(minYears) ? minYears : "",
    district: search.get("district") ?? "",
    notInvited: search.get("notInvited") !== "false",
    mine: search.get("mine") !== "false",
    page: positive(search.get("page"), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : 50,
  };

  function update(changes: Partial<CohortParams>) {
    const next = { ...params, ...changes };
    if (!("page" in changes)) next.page = 1;
    const entries: [string, string][] = [
      ["minYears", next.minYears],
      ["district", next.district],
      ["notInvited", next.notInvited ? "" : "false"],
      ["mine", next.mine ? "" : "false"],
      ["page", next.page === 1 ? "" : String(next.page)],
      ["pageSize", next.pageSize === 50 ? "" : String(next.pageSize)],
    ];
    setSearch(new URLSearchParams(entries.filter(([, value]) => value !== "")), { replace: !("page" in changes) });
  }

  return [params, update];
}

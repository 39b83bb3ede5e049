import { AUDIT_CATEGORIES, type AuditCategory } from "@shared/enums.js";
import { PAGE_SIZES } from "@web/components/Pagination.js";
import { useSearchParams } from "react-router";

/** The audit log filters as they live in the URL, so a client record can link straight to its trail. */
export interface AuditFilters {
  clientId: string;
  actorId: string;
  category: AuditCategory | "";
  action: string;
  fromDate: string;
  toDate: string;
}

export const AUDIT_FILTER_FIELDS = ["clientId", "actorId", "category", "action", "fromDate", "toDate"] as const;

/** Reads the filters, page and page size from the query string, with a setter for each. */
export function useAuditParams() {
  const [search, setSearch] = useSearchParams();
  const category = search.get("category") ?? "";
  const filters: AuditFilters = {
    clientId: search.get("clientId") ?? "",
    actorId: search.get("actorId") ?? "",
    category: (AUDIT_CATEGORIES as readonly string[]).includes(category) ? (category as AuditCategory) : "",
    action: search.get("action") ?? "",
    fromDate: search.get("fromDate") ?? "",
    toDate: search.get("toDate") ?? "",
  };
  const page = Math.max(1, Number(search.get("page")) || 1);
  const sizeParam = Number(search.get("pageSize"));
  const pageSize = (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : 50;

  function write(next: AuditFilters, nextPage: number, nextPageSize: number) {
    const entries = [
      ...AUDIT_FILTER_FIELDS.map((field) => [field, next[field].trim()] as [string, string]),
      ["page", nextPage === 1 ? "" : String(nextPage)] as [string, string],
      ["pageSize", nextPageSize === 50 ? "" : String(nextPageSize)] as [string, string],
    ];
    setSearch(new URLSearchParams(entries.filter(([, value]) => value !== "")));
  }

  return {
    filters,
    page,
    pageSize,
    setFilters: (next: AuditFilters) => write(next, 1, pageSize),
    setPage: (next: number) => write(filters, next, pageSize),
    setPageSize: (next: number) => write(filters, 1, next),
  };
}

import type { accessLogPage } from "@shared/schemas/privacy.js";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, apiUrl } from "@web/api/client.js";
import type { z } from "zod";

export type AccessLogPage = z.infer<typeof accessLogPage>;

/** One page of who read or changed the client's record, newest first. */
export function useAccessLog(clientId: string, page: number, pageSize: number) {
  return useQuery({
    queryKey: ["access-log", clientId, page, pageSize],
    queryFn: () => api<AccessLogPage>(`/clients/${clientId}/access-log`, { query: { page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

/** Where the browser downloads everything held on the client, as JSON or as a readable PDF. */
export function dataExportUrl(clientId: string, format: "json" | "pdf"): string {
  return apiUrl(`/clients/${clientId}/data-export`, { format });
}

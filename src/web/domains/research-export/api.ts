import type { ResearchExportDictionary, ResearchExportInput, ResearchExportOutput } from "@shared/schemas/research-export.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiUrl } from "@web/api/client.js";

// Polling interval while an export is being made.
const POLL_MS = 1000;

/** An export is still being made while it is queued or running. */
export function isExportBusy(item: Pick<ResearchExportOutput, "status">): boolean {
  return item.status === "queued" || item.status === "running";
}

/** Starts an export for a period; the answer is the export, queued. */
export function useStartResearchExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ResearchExportInput) => api<ResearchExportOutput>("/research-exports", { method: "POST", body: input }),
    onSuccess: (item) => queryClient.setQueryData(["research-exports", item.id], item),
  });
}

/** One export; asked again every second while it is being made. */
export function useResearchExport(id: string | null) {
  return useQuery({
    queryKey: ["research-exports", id],
    queryFn: () => api<ResearchExportOutput>(`/research-exports/${id}`),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && isExportBusy(query.state.data) ? POLL_MS : false),
  });
}

/** The data dictionary: every column of the file. */
export function useResearchDictionary() {
  return useQuery({
    queryKey: ["research-export", "dictionary"],
    queryFn: () => api<ResearchExportDictionary>("/research-export/dictionary"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Where the browser downloads an export's CSV (the session cookie authenticates it). */
export const researchExportFileUrl = (id: string) => apiUrl(`/research-exports/${id}/file`);

/** Where the browser downloads the data dictionary as JSON. */
export const researchDictionaryUrl = apiUrl("/research-export/dictionary");

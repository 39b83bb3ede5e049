import type { ClientStatusSummary } from "@shared/schemas/client-status.js";
import type { ClientCreateInput, ClientOutput, ClientUpdateInput, clientPage, clientSearchInput } from "@shared/schemas/clients.js";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

export type ClientPage = z.infer<typeof clientPage>;
export type ClientListParams = z.input<typeof clientSearchInput>;

/**
 * One page of the caseload; the previous page stays on screen while the next one loads. The search goes in a POST
 * body, never in a URL: its text may be a BSN.
 */
export function useClientList(params: ClientListParams, enabled = true) {
  return useQuery({
    queryKey: ["clients", "list", params],
    queryFn: () => api<ClientPage>("/clients/_search", { method: "POST", body: params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** One client record (each read is audited on the server; an administrator's with the task they named). */
export function useClient(id: string, enabled = true) {
  return useQuery({
    queryKey: ["clients", "one", id],
    queryFn: () => api<ClientOutput>(`/clients/${id}`),
    enabled,
  });
}

/** The head of a client's record: consultant, address, ladder rung, what runs and what is due (an audited read). */
export function useStatusSummary(id: string, enabled = true) {
  return useQuery({
    queryKey: ["clients", "status", id],
    queryFn: () => api<ClientStatusSummary>(`/clients/${id}/status-summary`),
    enabled,
  });
}

/** Changes some fields of a client; the cached record and lists are refreshed afterwards. */
export function useUpdateClient(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ClientUpdateInput) => api<ClientOutput>(`/clients/${id}`, { method: "PATCH", body: input }),
    onSuccess: (client) => {
      queryClient.setQueryData(["clients", "one", id], client);
      void queryClient.invalidateQueries({ queryKey: ["clients", "list"] });
    },
  });
}

/** Registers a new client. */
export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ClientCreateInput) => api<ClientOutput>("/clients", { method: "POST", body: input }),
    onSuccess: (client) => {
      queryClient.setQueryData(["clients", "one", client.id], client);
      void queryClient.invalidateQueries({ queryKey: ["clients", "list"] });
    },
  });
}

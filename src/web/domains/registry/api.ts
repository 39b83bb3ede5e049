import type { ClientOutput } from "@shared/schemas/clients.js";
import type { BenefitEndInput, ImportReport, StatePensionAgeRow, statePensionAgesOutput } from "@shared/schemas/registry.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiUrl, uploadWithProgress } from "@web/api/client.js";
import type { z } from "zod";

export type StatePensionAges = z.infer<typeof statePensionAgesOutput>;

/** Imports a registry file from the benefits administration, telling the share uploaded so far. */
export function useImportClients(onProgress: (share: number) => void) {
  return useMutation({
    mutationFn: (file: File | null) => {
      const form = new FormData();
      if (file) form.append("file", file);
      return uploadWithProgress<ImportReport>("/client-imports", form, onProgress);
    },
  });
}

/** The address of the registry export; the session cookie authorises the (audited) download. */
export const exportUrl = () => apiUrl("/client-exports");

/** The state pension age table. */
export function useStatePensionAges() {
  return useQuery({ queryKey: ["state-pension-ages"], queryFn: () => api<StatePensionAges>("/state-pension-ages") });
}

/** Replaces the state pension age table (admins). */
export function useSaveStatePensionAges() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: StatePensionAgeRow[]) => api<StatePensionAges>("/state-pension-ages", { method: "PUT", body: { items } }),
    onSuccess: (data) => queryClient.setQueryData(["state-pension-ages"], data),
  });
}

/** Records that the client's benefit ended; the record comes back with it. */
export function useEndBenefit(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BenefitEndInput) => api<ClientOutput>(`/clients/${clientId}/benefit-end`, { method: "POST", body: input }),
    onSuccess: (client) => {
      queryClient.setQueryData(["clients", "one", clientId], client);
      void queryClient.invalidateQueries({ queryKey: ["clients", "list"] });
    },
  });
}

/** Undoes the recorded end of the client's benefit while its letter is inside: what it stopped is open again. */
export function useUndoBenefitEnd(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<ClientOutput>(`/clients/${clientId}/benefit-end`, { method: "DELETE" }),
    onSuccess: (client) => {
      queryClient.setQueryData(["clients", "one", clientId], client);
      for (const key of [["clients", "list"], ["placements"], ["plans", clientId], ["letters"]])
        void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

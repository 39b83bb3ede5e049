import type { ClientOutput } from "@shared/schemas/clients.js";
import type { teamOverview } from "@shared/schemas/work-queue.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

export type TeamOverview = z.infer<typeof teamOverview>;

/** The team lead's consultants with caseload size and queue length. */
export function useTeam(enabled = true) {
  return useQuery({ queryKey: ["team"], queryFn: () => api<TeamOverview>("/team"), enabled });
}

/** Gives a client to another consultant of the team. */
export function useReassignClient(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (consultantId: string) => api<ClientOutput>(`/clients/${clientId}/consultant`, { method: "PUT", body: { consultantId } }),
    onSuccess: (client) => {
      queryClient.setQueryData(["clients", "one", clientId], client);
      void queryClient.invalidateQueries({ queryKey: ["clients", "list"] });
      void queryClient.invalidateQueries({ queryKey: ["team"] });
      void queryClient.invalidateQueries({ queryKey: ["work-queue"] });
    },
  });
}

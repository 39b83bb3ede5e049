import type { WorkQueueDispositionInput, workQueueDispositionOutput, workQueuePage, workQueueQuery } from "@shared/schemas/work-queue.js";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

export type WorkQueuePage = z.infer<typeof workQueuePage>;
export type WorkQueueParams = Partial<z.infer<typeof workQueueQuery>>;
export type WorkQueueDisposition = z.infer<typeof workQueueDispositionOutput>;

/** One page of the work queue, most urgent first; team leads may ask for one consultant's queue. */
export function useWorkQueue(params: WorkQueueParams) {
  return useQuery({
    queryKey: ["work-queue", params],
    queryFn: () => api<WorkQueuePage>("/work-queue", { query: params }),
    placeholderData: keepPreviousData,
  });
}

/** Marks one reason on a client's queue done, or snoozes it until a date with a note; the queue then loads again. */
export function useSetAside(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WorkQueueDispositionInput) =>
      api<WorkQueueDisposition>(`/clients/${clientId}/work-queue-dispositions`, { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["work-queue"] }),
  });
}

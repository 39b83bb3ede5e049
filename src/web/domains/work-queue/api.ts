import type { workQueuePage, workQueueQuery } from "@shared/schemas/work-queue.js";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

export type WorkQueuePage = z.infer<typeof workQueuePage>;
export type WorkQueueParams = Partial<z.infer<typeof workQueueQuery>>;

/** One page of the work queue, most urgent first; team leads may ask for one consultant's queue. */
export function useWorkQueue(params: WorkQueueParams) {
  return useQuery({
    queryKey: ["work-queue", params],
    queryFn: () => api<WorkQueuePage>("/work-queue", { query: params }),
    placeholderData: keepPreviousData,
  });
}

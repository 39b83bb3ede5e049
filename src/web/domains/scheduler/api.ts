import type { SchedulerRunOutput } from "@shared/schemas/scheduler.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";

/** The last 50 runs of the periodic work, newest first (admins). */
export function useSchedulerRuns() {
  return useQuery({ queryKey: ["scheduler", "runs"], queryFn: () => api<{ items: SchedulerRunOutput[] }>("/scheduler/runs") });
}

/** Runs the daily job now; 409 while another process runs it. */
export function useRunDailyJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<SchedulerRunOutput>("/scheduler/runs", { method: "POST", body: { job: "daily" } }),
    onSettled: () => {
      for (const key of [["scheduler", "runs"], ["work-queue"]]) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

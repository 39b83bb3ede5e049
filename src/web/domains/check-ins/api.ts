import type { CheckInInput, checkInList, checkInOutput } from "@shared/schemas/check-ins.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

export type CheckIn = z.infer<typeof checkInOutput>;

/** A client's check-ins, newest first (WHO-5 is health data: a sensitive read). */
export function useCheckIns(clientId: string) {
  return useQuery({ queryKey: ["check-ins", clientId], queryFn: () => api<z.infer<typeof checkInList>>(`/clients/${clientId}/check-ins`) });
}

/** Records a check-in; a low WHO-5 score or a new rung shows up in the queue and the ladder. */
export function useRecordCheckIn(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CheckInInput) => api<CheckIn>(`/clients/${clientId}/check-ins`, { method: "POST", body: input }),
    onSuccess: () => {
      for (const key of [["check-ins", clientId], ["ladder", clientId], ["work-queue"], ["team"]]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
  });
}

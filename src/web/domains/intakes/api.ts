import type { IntakeInput, intakeList, intakeOutput, ladderHistory } from "@shared/schemas/intakes.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

export type Intake = z.infer<typeof intakeOutput>;
export type LadderHistory = z.infer<typeof ladderHistory>;

/** A client's intakes, newest first (a sensitive read, logged by the server). */
export function useIntakes(clientId: string) {
  return useQuery({ queryKey: ["intakes", clientId], queryFn: () => api<z.infer<typeof intakeList>>(`/clients/${clientId}/intakes`) });
}

/** The participation ladder history, oldest first. */
export function useLadder(clientId: string) {
  return useQuery({ queryKey: ["ladder", clientId], queryFn: () => api<LadderHistory>(`/clients/${clientId}/ladder-assessments`) });
}

/** Records an intake; its capacity becomes the client's capacity, so the record and plans are refreshed. */
export function useRecordIntake(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: IntakeInput) => api<Intake>(`/clients/${clientId}/intakes`, { method: "POST", body: input }),
    onSuccess: () => {
      for (const key of [
        ["intakes", clientId],
        ["ladder", clientId],
        ["clients", "one", clientId],
        ["plans", clientId],
        ["appointments", clientId],
        ["work-queue"],
      ]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
  });
}

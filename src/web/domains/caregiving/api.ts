import type { CaregivingInput, CaregivingOutput, caregivingList } from "@shared/schemas/caregiving.js";
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

export type { CaregivingOutput };
export type CaregivingList = z.infer<typeof caregivingList>;

/** A client's caregiving (mantelzorg), by relation only. */
export function useCaregiving(clientId: string) {
  return useQuery({
    queryKey: ["caregiving", clientId],
    queryFn: () => api<CaregivingList>(`/clients/${clientId}/caregiving`),
  });
}

function refresh(queryClient: QueryClient, clientId: string) {
  // Caregiving beyond customary care is the contribution and counts towards capacity; judged customary care, it is
  // a decision with a letter.
  for (const key of [
    ["caregiving", clientId],
    ["letters", clientId],
    ["decisions", "client", clientId],
    ["clients", clientId],
    ["plans", clientId],
    ["accountability", clientId],
  ])
    void queryClient.invalidateQueries({ queryKey: key });
}

/** Records caregiving with the consultant's judgement of whether it goes beyond customary care. */
export function useRecordCaregiving(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CaregivingInput) => api<CaregivingOutput>(`/clients/${clientId}/caregiving`, { method: "POST", body: input }),
    onSuccess: () => refresh(queryClient, clientId),
  });
}

/** Ends caregiving on a date. */
export function useEndCaregiving(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, endedOn }: { id: string; endedOn: string }) =>
      api<CaregivingOutput>(`/caregiving/${id}/end`, { method: "POST", body: { endedOn } }),
    onSuccess: () => refresh(queryClient, clientId),
  });
}

/** Undoes recording caregiving judged customary care while its letter is still inside: record, letter and decision go. */
export function useUndoCaregiving(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/caregiving/${id}/undo`, { method: "POST" }),
    onSuccess: () => refresh(queryClient, clientId),
  });
}

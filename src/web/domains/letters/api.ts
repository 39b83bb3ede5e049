import type { deliveryInput, LetterOutput } from "@shared/schemas/letters.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, apiUrl } from "@web/api/client.js";
import type { z } from "zod";

export type DeliveryInput = z.infer<typeof deliveryInput>;

/** The address of a letter's stored PDF; the session cookie authorises the download. */
export function letterPdfUrl(letterId: string): string {
  return apiUrl(`/letters/${letterId}/pdf`);
}

/** All letters of an invitation batch in one PDF, for printing. */
export function batchLettersUrl(batchId: string): string {
  return apiUrl(`/invitation-batches/${batchId}/letters`);
}

/** The registered mail list (aangetekend-lijst) of an invitation batch, as CSV. */
export function registeredMailListUrl(batchId: string): string {
  return apiUrl(`/invitation-batches/${batchId}/registered-mail-list`);
}

/** A client's letters, newest first. */
export function useLetters(clientId: string) {
  return useQuery({
    queryKey: ["letters", clientId],
    queryFn: () => api<{ items: LetterOutput[] }>(`/clients/${clientId}/letters`),
  });
}

/** Records a registered letter's tracking number and what became of it. */
export function useRecordDelivery(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ letterId, input }: { letterId: string; input: DeliveryInput }) =>
      api<LetterOutput>(`/letters/${letterId}/deliveries`, { method: "POST", body: input }),
    onSuccess: (letter) => {
      queryClient.setQueryData<{ items: LetterOutput[] }>(["letters", clientId], (current) =>
        current ? { items: current.items.map((item) => (item.id === letter.id ? letter : item)) } : current,
      );
      void queryClient.invalidateQueries({ queryKey: ["work-queue"] });
    },
  });
}

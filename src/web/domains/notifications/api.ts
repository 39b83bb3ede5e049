import type { ContactDetailsInput, ContactDetailsOutput, NotificationOutput, NotificationStatus } from "@shared/schemas/notifications.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";

/** A client's phone, e-mail, language and choice of messages. */
export function useContactDetails(clientId: string | undefined) {
  return useQuery({
    queryKey: ["clients", clientId, "contact"],
    queryFn: () => api<ContactDetailsOutput>(`/clients/${clientId}/contact`),
    enabled: Boolean(clientId),
  });
}

/** Changes them; the server refuses a wrong address naming the field. */
export function useChangeContactDetails(clientId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactDetailsInput) => api<ContactDetailsOutput>(`/clients/${clientId}/contact`, { method: "PATCH", body }),
    onSuccess: (data) => queryClient.setQueryData(["clients", clientId, "contact"], data),
  });
}

/** A page of the outbox (administrators). */
export function useNotifications(query: { status: NotificationStatus | ""; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ["notifications", query],
    queryFn: () =>
      api<{ items: NotificationOutput[]; page: number; pageSize: number; total: number }>("/notifications", {
        query: { ...(query.status ? { status: query.status } : {}), page: query.page, pageSize: query.pageSize },
      }),
  });
}

/** Puts a failed message back in line. */
export function useRetryNotification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<NotificationOutput>(`/notifications/${id}/retry`, { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["notifications"] }),
  });
}

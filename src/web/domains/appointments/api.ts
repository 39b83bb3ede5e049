import type { AppointmentOutput } from "@shared/schemas/appointments.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";

export type AttendanceStatus = "attended" | "missed" | "cancelled";

/** A client's appointments. */
export function useAppointments(clientId: string, enabled = true) {
  return useQuery({
    queryKey: ["appointments", clientId],
    queryFn: () => api<{ items: AppointmentOutput[] }>(`/clients/${clientId}/appointments`),
    enabled,
  });
}

/** Records whether the client came (or that the appointment is off). */
export function useRecordAttendance(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: AttendanceStatus }) =>
      api<AppointmentOutput>(`/appointments/${id}`, { method: "PATCH", body: { status } }),
    onSuccess: (appointment) => {
      queryClient.setQueryData<{ items: AppointmentOutput[] }>(["appointments", clientId], (current) =>
        current ? { items: current.items.map((item) => (item.id === appointment.id ? appointment : item)) } : current,
      );
      void queryClient.invalidateQueries({ queryKey: ["work-queue"] });
    },
  });
}

/** True once an appointment has started: only then can attendance be recorded. */
export function hasStarted(appointment: AppointmentOutput, now = Date.now()): boolean {
  return Date.parse(appointment.startsAt) <= now;
}

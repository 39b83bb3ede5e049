import type { MyAppointmentList } from "@shared/schemas/appointments.js";
import { useQuery } from "@tanstack/react-query";
import { api } from "@web/api/client.js";

/** The caller's own appointments from today up to and including Sunday, with each client's name. */
export function useMyAppointments() {
  return useQuery({ queryKey: ["appointments", "mine"], queryFn: () => api<MyAppointmentList>("/me/appointments") });
}

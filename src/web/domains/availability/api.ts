import type { availabilityInput, availabilityOutput } from "@shared/schemas/appointments.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

export type Availability = z.infer<typeof availabilityOutput>;
export type AvailabilityInput = z.input<typeof availabilityInput>;

const KEY = ["availability"] as const;

/** The logged-in consultant's weekly availability. */
export function useAvailability() {
  return useQuery({ queryKey: KEY, queryFn: () => api<Availability>("/me/availability") });
}

/** Replaces the whole weekly pattern. */
export function useSaveAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AvailabilityInput) => api<Availability>("/me/availability", { method: "PUT", body: input }),
    onSuccess: (saved) => queryClient.setQueryData(KEY, saved),
  });
}

import type { Ordinance, OrdinanceVersionInput, ordinanceOverview } from "@shared/schemas/ordinance.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

export type OrdinanceOverview = z.infer<typeof ordinanceOverview>;

/** The ordinance version in force today and every version, newest first. */
export function useOrdinance() {
  return useQuery({ queryKey: ["ordinance"], queryFn: () => api<OrdinanceOverview>("/ordinance") });
}

/** Adds an ordinance version from a date on (admins). */
export function useAddOrdinanceVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrdinanceVersionInput) => api<Ordinance>("/ordinance/versions", { method: "POST", body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["ordinance"] }),
  });
}

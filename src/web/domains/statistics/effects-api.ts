import type { StatisticsEffects } from "@shared/schemas/statistics.js";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@web/api/client.js";

/** The filters of the effect estimates page; an empty string is "not chosen". */
export interface EffectsFilters {
  from: string;
  to: string;
  district: string;
}

/** The effect estimates with their intervals and counts; computed on the server in a few seconds, so kept a while. */
export function useStatisticsEffects({ from, to, district }: EffectsFilters) {
  return useQuery({
    queryKey: ["statistics", "effects", from, to, district],
    queryFn: () => api<StatisticsEffects>("/statistics/effects", { query: { from, to, district } }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

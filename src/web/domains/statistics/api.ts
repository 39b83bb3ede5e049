import type { StatisticsGroupBy, StatisticsOverview } from "@shared/schemas/statistics.js";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, apiUrl } from "@web/api/client.js";

/** What the dashboard asks for: a period, the whole city or one district, and how periods are grouped. */
export interface OverviewChoice {
  from: string;
  to: string;
  district: string;
  groupBy: StatisticsGroupBy;
}

const query = (choice: OverviewChoice) => ({
  from: choice.from,
  to: choice.to,
  district: choice.district || undefined,
  groupBy: choice.groupBy,
});

/** The figures of the chosen period; researchers get small counts hidden. */
export function useStatisticsOverview(choice: OverviewChoice) {
  return useQuery({
    queryKey: ["statistics", "overview", choice],
    queryFn: () => api<StatisticsOverview>("/statistics/overview", { query: query(choice) }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** The address of the same figures as one CSV file (the session cookie authenticates the download). */
export function overviewCsvUrl(choice: OverviewChoice): string {
  return apiUrl("/statistics/overview", { ...query(choice), format: "csv" });
}

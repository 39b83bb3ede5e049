import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "./client.js";

export const ME_KEY = ["me"] as const;

/** Creates the app's query client: no retries on 4xx, and a 401 anywhere ends the session in the UI. */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    // A 401 means the session ended (idle timeout, logout elsewhere): forget who we were, which sends the
    // router to the login page.
    if (error instanceof ApiError && error.status === 401) client.setQueryData(ME_KEY, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

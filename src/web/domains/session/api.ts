import type { LoginMethodsOutput } from "@shared/schemas/login-methods.js";
import type { MeOutput, passwordChangeInput, sessionOutput } from "@shared/schemas/users.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, apiUrl, setCsrfToken } from "@web/api/client.js";
import { ME_KEY } from "@web/api/queryClient.js";
import type { z } from "zod";

type SessionOutput = z.infer<typeof sessionOutput>;
type PasswordChangeInput = z.infer<typeof passwordChangeInput>;

async function fetchMe(): Promise<MeOutput | null> {
  try {
    const me = await api<MeOutput>("/me");
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    // Not logged in is a state, not an error.
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

/** Who is logged in: the user, null when nobody is, undefined while loading. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** Logs in with email and password; on success the session cookie is set and `useMe` knows the user. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api<SessionOutput>("/sessions", { method: "POST", body: input }),
    onSuccess: (session) => {
      setCsrfToken(session.user.csrfToken);
      queryClient.setQueryData(ME_KEY, session.user);
    },
  });
}

/** Ends the session on the server and forgets every cached answer in the browser. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>("/sessions/current", { method: "DELETE" }),
    onSettled: () => {
      setCsrfToken(undefined);
      queryClient.setQueryData(ME_KEY, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
    },
  });
}

/** Changes the caller's own password. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (input: PasswordChangeInput) => api<void>("/me/password", { method: "PUT", body: input }),
  });
}

/** Which ways in the login page offers (DigiD and the staff login only where the server has them configured). */
export function useLoginMethods() {
  return useQuery({ queryKey: ["login-methods"], queryFn: () => api<LoginMethodsOutput>("/login-methods"), staleTime: 5 * 60_000 });
}

/** Where the browser goes to log in through a provider, and back to `next` afterwards. */
export function providerLoginUrl(provider: "digid" | "staff", next: string): string {
  return apiUrl(`/login-methods/${provider}/start`, { next: next === "/" ? undefined : next });
}

/** Where the browser goes to log out at the provider too. */
export function providerLogoutUrl(provider: "digid" | "staff"): string {
  return apiUrl(`/login-methods/${provider}/logout`);
}

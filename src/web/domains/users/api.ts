import type { clientPage } from "@shared/schemas/clients.js";
import type { UserCreateInput, UserOutput, UserUpdateInput, userListQuery, userPage } from "@shared/schemas/users.js";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

type UserPage = z.infer<typeof userPage>;
type ClientPage = z.infer<typeof clientPage>;
export type UserListParams = Partial<z.infer<typeof userListQuery>>;

/** A page of accounts (admin). */
export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: ["users", "list", params],
    queryFn: () => api<UserPage>("/users", { query: params }),
    placeholderData: keepPreviousData,
  });
}

/** One account (admin). */
export function useUser(id: string) {
  return useQuery({ queryKey: ["users", "one", id], queryFn: () => api<UserOutput>(`/users/${id}`) });
}

/** Creates an account with its role binding. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserCreateInput) => api<UserOutput>("/users", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["users", "list"] }),
  });
}

/** Changes an account: name, role, binding, status or password. */
export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UserUpdateInput) => api<UserOutput>(`/users/${id}`, { method: "PATCH", body: input }),
    onSuccess: (user) => {
      queryClient.setQueryData(["users", "one", id], user);
      void queryClient.invalidateQueries({ queryKey: ["users", "list"] });
    },
  });
}

/** Clients matching a name, BSN or postcode, for binding a client account to its record. */
export function useClientSearch(q: string) {
  return useQuery({
    queryKey: ["clients", "list", { q, pageSize: 10 }],
    queryFn: () => api<ClientPage>("/clients/_search", { method: "POST", body: { q, pageSize: 10 } }),
    placeholderData: keepPreviousData,
    enabled: q.length >= 2,
  });
}

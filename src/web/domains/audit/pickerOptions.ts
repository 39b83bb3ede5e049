import type { clientPage } from "@shared/schemas/clients.js";
import type { userPage } from "@shared/schemas/users.js";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";
import type { PickerOption } from "./SearchPicker.js";

/** Accounts whose name or email holds the text, for the audit log's person filter. */
export function usePersonOptions(q: string): { options: PickerOption[]; isFetching: boolean } {
  const query = useQuery({
    queryKey: ["users", "list", { q, pageSize: 20 }],
    queryFn: () => api<z.infer<typeof userPage>>("/users", { query: { q, pageSize: 20 } }),
    placeholderData: keepPreviousData,
    enabled: q.length >= 2,
  });
  const options = (query.data?.items ?? []).map((user) => ({ id: user.id, label: `${user.displayName} (${user.email})` }));
  return { options: q.length >= 2 ? options : [], isFetching: query.isFetching };
}

/** Clients whose name or postcode holds the text, for the audit log's client filter (a list, not a record read). */
export function useClientOptions(q: string): { options: PickerOption[]; isFetching: boolean } {
  const query = useQuery({
    queryKey: ["clients", "list", { q, pageSize: 20 }],
    queryFn: () => api<z.infer<typeof clientPage>>("/clients", { query: { q, pageSize: 20 } }),
    placeholderData: keepPreviousData,
    enabled: q.length >= 2,
  });
  const options = (query.data?.items ?? []).map((client) => ({
    id: client.id,
    label: `${client.givenName} ${client.familyName}${client.district ? `, ${client.district}` : ""}`,
  }));
  return { options: q.length >= 2 ? options : [], isFetching: query.isFetching };
}

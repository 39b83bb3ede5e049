import type { auditListQuery, auditPage } from "@shared/schemas/audit.js";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

type AuditPage = z.infer<typeof auditPage>;
export type AuditListParams = Partial<z.infer<typeof auditListQuery>>;

/** A page of the audit log (admin), newest first. */
export function useAuditEvents(params: AuditListParams) {
  return useQuery({
    queryKey: ["audit-events", params],
    queryFn: () => api<AuditPage>("/audit-events", { query: params }),
    placeholderData: keepPreviousData,
  });
}

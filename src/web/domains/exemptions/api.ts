import type {
  ExemptionDecisionInput,
  ExemptionInput,
  ExemptionOutput,
  ExemptionRequestInput,
  exemptionEndInput,
  exemptionExtensionRefusalInput,
  exemptionList,
  exemptionPage,
  MedicalAdviceInput,
} from "@shared/schemas/exemptions.js";
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

export type ExemptionPage = z.infer<typeof exemptionPage>;
export type ExemptionEndInput = z.infer<typeof exemptionEndInput>;
export type ExemptionExtensionRefusalInput = z.input<typeof exemptionExtensionRefusalInput>;
export type ExemptionList = z.infer<typeof exemptionList>;

const listKey = (clientId: string) => ["exemptions", "client", clientId];

/** A client's exemptions, with their decision, co-signature and evidence. */
export function useExemptions(clientId: string) {
  return useQuery({ queryKey: listKey(clientId), queryFn: () => api<ExemptionList>(`/clients/${clientId}/exemptions`) });
}

/** Exemptions waiting for a team lead's second signature, with the client's name. */
export function useAwaitingCoSign(page: number, pageSize: number) {
  return useQuery({
    queryKey: ["exemptions", "awaitingCoSign", page, pageSize],
    queryFn: () => api<ExemptionPage>("/exemptions", { query: { status: "awaitingCoSign", page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

function refresh(queryClient: QueryClient, clientId: string) {
  // An exemption changes capacity, cohorts and the work queue as well as its own list.
  for (const key of [["exemptions"], ["clients", clientId], ["plans", clientId], ["letters", clientId], ["work-queue"]])
    void queryClient.invalidateQueries({ queryKey: key });
}

/** Records an exemption the consultant decided. */
export function useRecordExemption(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ExemptionInput) => api<ExemptionOutput>(`/clients/${clientId}/exemptions`, { method: "POST", body: input }),
    onSuccess: () => refresh(queryClient, clientId),
  });
}

/** Asks for an exemption: the client themselves, or a consultant on their behalf. */
export function useRequestExemption(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ExemptionRequestInput) =>
      api<ExemptionOutput>(`/clients/${clientId}/exemption-requests`, { method: "POST", body: input }),
    onSuccess: () => refresh(queryClient, clientId),
  });
}

type Action =
  | { kind: "decisions"; input: ExemptionDecisionInput }
  | { kind: "co-signatures" }
  | { kind: "end"; input: ExemptionEndInput }
  | { kind: "extension-refusal"; input: ExemptionExtensionRefusalInput }
  | { kind: "medical-advice"; input: MedicalAdviceInput };

/** One step in an exemption's life: medical advice, deciding a request, the second signature, ending it early. */
export function useExemptionAction(exemption: Pick<ExemptionOutput, "id" | "clientId">) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: Action) =>
      api<ExemptionOutput>(`/exemptions/${exemption.id}/${action.kind}`, {
        method: "POST",
        body: action.kind === "co-signatures" ? undefined : action.input,
      }),
    onSuccess: () => refresh(queryClient, exemption.clientId),
  });
}

/** Undoes an exemption's last decision, co-signature, early end or refused extension while its letter is inside. */
export function useUndoExemption(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // Nothing back (204) when the recording is undone: the exemption is gone.
    mutationFn: (exemptionId: string) => api<ExemptionOutput | undefined>(`/exemptions/${exemptionId}/undo`, { method: "POST" }),
    // Also when refused: the letter may have left meanwhile, and the page should say so.
    onSettled: () => refresh(queryClient, clientId),
  });
}

/** Reloads a client's exemptions, e.g. after evidence was uploaded. */
export function useReloadExemptions(clientId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: listKey(clientId) });
}

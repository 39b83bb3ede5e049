import type {
  consentExtensionInput,
  DecisionOutput,
  decisionList,
  hearingWaiverInput,
  latenessInput,
  ObjectionInput,
  ObjectionOutcomeInput,
  ObjectionOutput,
  objectionHearingInput,
  postponementInput,
} from "@shared/schemas/decisions.js";
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

export type DecisionList = z.infer<typeof decisionList>;
export type LatenessInput = z.infer<typeof latenessInput>;
export type PostponementInput = z.infer<typeof postponementInput>;
export type ConsentExtensionInput = z.infer<typeof consentExtensionInput>;
export type ObjectionHearingInput = z.infer<typeof objectionHearingInput>;
export type HearingWaiverInput = z.infer<typeof hearingWaiverInput>;

/** A client's decisions (besluiten), newest first, each with its objection if there is one. */
export function useClientDecisions(clientId: string) {
  return useQuery({
    queryKey: ["decisions", "client", clientId],
    queryFn: () => api<DecisionList>(`/clients/${clientId}/decisions`),
  });
}

/** One decision: what the objection page shows about the decision objected to. */
export function useDecision(id: string | null | undefined) {
  return useQuery({
    queryKey: ["decisions", id],
    queryFn: () => api<DecisionOutput>(`/decisions/${id}`),
    enabled: Boolean(id),
  });
}

/** One objection with its terms, hearing and the caller's abilities. */
export function useObjection(id: string) {
  return useQuery({ queryKey: ["objections", id], queryFn: () => api<ObjectionOutput>(`/objections/${id}`) });
}

function refresh(queryClient: QueryClient) {
  // An objection step sends letters, moves the work queue and can change the decision it is about (a sanction too).
  for (const key of [["decisions"], ["objections"], ["sanctions"], ["letters"], ["work-queue"]])
    void queryClient.invalidateQueries({ queryKey: key });
}

/** Registers an objection against a decision: by the client through the portal, or by staff on their behalf. */
export function useRegisterObjection(decisionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ObjectionInput) => api<ObjectionOutput>(`/decisions/${decisionId}/objections`, { method: "POST", body: input }),
    onSuccess: () => refresh(queryClient),
  });
}

/** One step in the objection procedure, each its own route under `/objections/{id}/`. */
export type ObjectionAction =
  | { kind: "lateness"; input: LatenessInput }
  | { kind: "postponement"; input: PostponementInput }
  | { kind: "consent-extension"; input: ConsentExtensionInput }
  | { kind: "hearing-invitation" }
  | { kind: "hearings"; input: ObjectionHearingInput }
  | { kind: "hearing-waiver"; input: HearingWaiverInput }
  | { kind: "outcome"; input: ObjectionOutcomeInput };

/** Takes a step on an objection; the answer is the objection as it now stands. */
export function useObjectionAction(objectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ObjectionAction) =>
      api<ObjectionOutput>(`/objections/${objectionId}/${action.kind}`, {
        method: "POST",
        body: action.kind === "hearing-invitation" ? undefined : action.input,
      }),
    onSuccess: (objection) => {
      queryClient.setQueryData(["objections", objectionId], objection);
      refresh(queryClient);
    },
  });
}

/** A step that sent the client a letter, undone by deleting it while the letter is inside: the route under `/objections/{id}/`. */
export type ObjectionUndo = "postponement" | "hearing-invitation" | "outcome";

/** Undoes a step that sent a letter; the answer is the objection as it was before the step. */
export function useUndoObjectionStep(objectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (step: ObjectionUndo) => api<ObjectionOutput>(`/objections/${objectionId}/${step}`, { method: "DELETE" }),
    onSuccess: (objection) => {
      queryClient.setQueryData(["objections", objectionId], objection);
      refresh(queryClient);
    },
  });
}

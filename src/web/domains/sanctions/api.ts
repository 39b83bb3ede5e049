import type {
  hearingInput,
  reconsiderationInput,
  SanctionDecisionInput,
  SanctionLetterStep,
  SanctionOutput,
  SanctionProposalInput,
  sanctionList,
  sanctionPage,
} from "@shared/schemas/sanctions.js";
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";
import type { z } from "zod";

export type SanctionPage = z.infer<typeof sanctionPage>;
export type SanctionList = z.infer<typeof sanctionList>;
export type HearingInput = z.infer<typeof hearingInput>;
export type ReconsiderationInput = z.infer<typeof reconsiderationInput>;

const listKey = (clientId: string) => ["sanctions", "client", clientId];

/** A client's sanctions, newest first, with hearing and decision. */
export function useSanctions(clientId: string) {
  return useQuery({ queryKey: listKey(clientId), queryFn: () => api<SanctionList>(`/clients/${clientId}/sanctions`) });
}

/** Proposals waiting for a team lead's decision, with the client's name. */
export function useProposedSanctions(page: number, pageSize: number) {
  return useQuery({
    queryKey: ["sanctions", "proposed", page, pageSize],
    queryFn: () => api<SanctionPage>("/sanctions", { query: { status: "proposed", page, pageSize } }),
    placeholderData: keepPreviousData,
  });
}

function refresh(queryClient: QueryClient, clientId: string) {
  // A sanction step sends letters and changes the work queue and the team lead's list as well as its own.
  for (const key of [["sanctions"], ["letters", clientId], ["work-queue"]]) void queryClient.invalidateQueries({ queryKey: key });
}

/** A consultant proposes a sanction; a rule may refuse it (409 with the rule as code). */
export function useProposeSanction(clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SanctionProposalInput) => api<SanctionOutput>(`/clients/${clientId}/sanctions`, { method: "POST", body: input }),
    onSuccess: () => refresh(queryClient, clientId),
  });
}

/** One step in a sanction's due process. */
export type SanctionAction =
  | { kind: "hearing-invitation" }
  | { kind: "hearing"; input: HearingInput }
  | { kind: "decision"; input: SanctionDecisionInput }
  | { kind: "reconsideration"; input: ReconsiderationInput };

/** Puts a sanction as the server answered it into the client's list at once, then refreshes what the step changed. */
function settle(queryClient: QueryClient, saved: SanctionOutput) {
  queryClient.setQueryData<SanctionList>(listKey(saved.clientId), (list) =>
    list ? { ...list, items: list.items.map((item) => (item.id === saved.id ? saved : item)) } : list,
  );
  refresh(queryClient, saved.clientId);
}

/** Invites to the hearing, records it, decides or reconsiders; an objection goes against the decision (decisions/). */
export function useSanctionAction(sanction: Pick<SanctionOutput, "id" | "clientId">) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: SanctionAction) =>
      api<SanctionOutput>(`/sanctions/${sanction.id}/${action.kind}`, {
        method: "POST",
        body: action.kind === "hearing-invitation" ? undefined : action.input,
      }),
    onSuccess: (saved) => settle(queryClient, saved),
  });
}

const UNDO_PATHS: Record<SanctionLetterStep, string> = {
  hearingInvitation: "hearing-invitation",
  decision: "decision",
  reconsideration: "reconsideration",
};

/** Undoes the sanction's latest step that sent a letter (its `undoStep`), while the server allows it (`abilities.undo`). */
export function useUndoSanctionStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step }: { id: string; step: SanctionLetterStep }) =>
      api<SanctionOutput>(`/sanctions/${id}/${UNDO_PATHS[step]}`, { method: "DELETE" }),
    onSuccess: (saved) => settle(queryClient, saved),
  });
}

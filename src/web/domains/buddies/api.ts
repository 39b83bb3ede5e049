import type {
  BuddyAgreementInput,
  BuddyList,
  BuddyMeetingInput,
  BuddyOutput,
  BuddyPairingInput,
  BuddyPairingList,
} from "@shared/schemas/buddies.js";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@web/api/client.js";

/** The buddies (maatjes) of the caller's districts. */
export function useBuddies(enabled = true) {
  return useQuery({ queryKey: ["buddies"], queryFn: () => api<BuddyList>("/buddies?pageSize=200"), enabled });
}

/** A client's buddy pairings, from the client's side: my buddy, or the person I support. */
export function useClientPairings(clientId: string) {
  return useQuery({
    queryKey: ["buddy-pairings", clientId],
    queryFn: () => api<BuddyPairingList>(`/clients/${clientId}/buddy-pairings`),
    enabled: clientId !== "",
  });
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    for (const key of [["buddies"], ["buddy-pairings"], ["contributions"], ["letters"], ["decisions"]])
      void queryClient.invalidateQueries({ queryKey: key });
  };
}

/** Makes a client a buddy: the server makes the agreement, its decision and letter. */
export function useMakeBuddy(clientId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: BuddyAgreementInput) => api<BuddyOutput>(`/clients/${clientId}/buddies`, { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

/** Undoes a buddy agreement while its letter is inside: the agreement, its contribution, decision and letter go. */
export function useUndoAgreement() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (buddyId: string) => api<unknown>(`/buddies/${buddyId}/undo`, { method: "POST", body: {} }),
    onSuccess: refresh,
  });
}

/** Asks again, shortly after a letter was downloaded to print, whether the agreement can still be undone. */
export function useRecheckPairings(clientId: string) {
  const queryClient = useQueryClient();
  return () => {
    setTimeout(() => void queryClient.invalidateQueries({ queryKey: ["buddy-pairings", clientId] }), 1000);
  };
}

/** Pairs a client with a buddy. */
export function usePair() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: BuddyPairingInput) => api<unknown>("/buddy-pairings", { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

/** Ends a pairing; no reason is asked. */
export function useEndPairing() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (pairingId: string) => api<unknown>(`/buddy-pairings/${pairingId}/end`, { method: "POST", body: {} }),
    onSuccess: refresh,
  });
}

/** Records a meeting of a pair: the day and how long. */
export function useRecordMeeting(pairingId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: BuddyMeetingInput) => api<unknown>(`/buddy-pairings/${pairingId}/meetings`, { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

/** Ends a buddy's own agreement (and with it their pairings); no reason is asked. */
export function useEndAgreement() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (buddyId: string) => api<unknown>(`/buddies/${buddyId}/end`, { method: "POST", body: {} }),
    onSuccess: refresh,
  });
}

import type { ApiCaller } from "./api.js";

/**
 * What a refused contribution rests on for a client: the confirmed plan that asked it, or else a delivered letter
 * to them ("no letter" is no ground: 409 letterRequired).
 */
export async function contributionAskedBy(caller: ApiCaller, clientId: string): Promise<{ planId: string } | { letterId: string }> {
  const plans = await caller<{ items: { id: string; status: string; confirmedOn: string | null }[] }>("GET", `/clients/${clientId}/plans`);
  const plan = plans.body.items.find((p) => p.status === "confirmed" && p.confirmedOn !== null);
  if (plan) return { planId: plan.id };
  const letters = await caller<{ items: { id: string; deliveryStatus: string }[] }>("GET", `/clients/${clientId}/letters`);
  const letter = letters.body.items.find((l) => l.deliveryStatus === "delivered");
  if (letter) return { letterId: letter.id };
  throw new Error("the client has neither a confirmed plan nor a delivered letter to rest a refused contribution on");
}

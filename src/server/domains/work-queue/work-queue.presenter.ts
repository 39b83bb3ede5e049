import type { Actor } from "@server/auth/actor.js";
import type { WorkQueueDispositionRow } from "@server/db/schema.js";
import {
  WORK_QUEUE_DISPOSITIONS,
  WORK_QUEUE_REASONS,
  type WorkQueueItem,
  type workQueueDispositionOutput,
} from "@shared/schemas/work-queue.js";
import type { z } from "zod";
import { workQueuePolicy } from "./work-queue.policy.js";

/** A queue item with what the caller may do with it: every item on the queue can be marked done or snoozed. */
export function presentQueueItem(actor: Actor, item: Omit<WorkQueueItem, "abilities">): WorkQueueItem {
  const mayAct = workQueuePolicy.setAside.allows(actor);
  return { ...item, abilities: { markDone: mayAct, snooze: mayAct } };
}

const oneOf = <T extends string>(list: readonly T[], value: string): T => {
  const found = list.find((v) => v === value);
  if (!found) throw new Error(`Unknown value ${value}`);
  return found;
};

/** A reason marked done or snoozed, as the API shows it. */
export function presentDisposition(row: WorkQueueDispositionRow): z.infer<typeof workQueueDispositionOutput> {
  return {
    id: row.id,
    clientId: row.client_id,
    reason: oneOf(WORK_QUEUE_REASONS, row.reason),
    disposition: oneOf(WORK_QUEUE_DISPOSITIONS, row.disposition),
    signalSince: row.signal_since,
    snoozedUntil: row.snoozed_until,
    note: row.note,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

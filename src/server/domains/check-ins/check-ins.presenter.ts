import { parseJsonColumn } from "@server/db/json.js";
import type { CheckInRow } from "@server/db/schema.js";
import type { checkInOutput } from "@shared/schemas/check-ins.js";
import { z } from "zod";
import { isWho5Low, scoreWho5 } from "./check-ins.rules.js";

type CheckInOutput = z.infer<typeof checkInOutput>;

/** Every outgoing field of a check-in, with the WHO-5 score, its attention flag and who entered it. */
export function presentCheckIn(row: CheckInRow): CheckInOutput {
  const who5 = parseJsonColumn(z.array(z.number().int()), row.who5_items);
  const { raw, percentage } = scoreWho5(who5);
  return {
    id: row.id,
    clientId: row.client_id,
    planId: row.plan_id,
    heldOn: row.held_on,
    channel: row.channel,
    howItGoes: row.how_it_goes,
    who5,
    who5Raw: raw,
    who5Percentage: percentage,
    needsAttention: isWho5Low(who5),
    readyForNextStep: row.ready_for_next_step === 1,
    enteredBy: row.entered_by,
    needsHelp: row.help_requested === 1,
    helpNote: row.help_note,
    createdAt: row.created_at,
  };
}

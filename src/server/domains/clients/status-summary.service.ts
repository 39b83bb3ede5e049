import type { RequestContext } from "@server/auth/actor.js";
import type { ClientRow, Database, ExemptionRow, PlanStepRow } from "@server/db/schema.js";
import type { WaitingItem } from "@shared/schemas/overview.js";
import type { Kysely } from "kysely";
import { recordAudit } from "../audit/audit.service.js";
import { ladderAssessmentsOf } from "../intakes/intakes.repo.js";
import { confirmedPlanOf, currentPlacementsOf, waitingFor } from "../overview/overview.service.js";
import { findUserById } from "../users/users.repo.js";
import { ACTIVE_STEP_STATUSES, isOneOf } from "../vocabulary.js";
import { exemptionsInForceOf, requireVisibleClient } from "./clients.repo.js";

/** What the head of a client's record rests on, loaded once for the presenter. */
export interface StatusSummaryFacts {
  client: ClientRow;
  consultant: Awaited<ReturnType<typeof findUserById>>;
  ladder: Awaited<ReturnType<typeof ladderAssessmentsOf>>[number] | undefined;
  steps: PlanStepRow[];
  placements: Awaited<ReturnType<typeof currentPlacementsOf>>;
  exemptions: Pick<ExemptionRow, "id" | "type" | "scope" | "end_date">[];
  deadlines: WaitingItem[];
}

/**
 * The status of a client for the head of their record: consultant, latest ladder rung, the plan steps, placements and
 * exemptions in force, and what waits for the client's answer. It shows exemptions and sanction deadlines, so the
 * read is audited as sensitive.
 */
export async function loadStatusSummary(db: Kysely<Database>, ctx: RequestContext, clientId: string): Promise<StatusSummaryFacts> {
  const client = await requireVisibleClient(db, ctx.actor, clientId);
  const today = ctx.clock.today();
  const { steps } = await confirmedPlanOf(db, clientId);
  const facts: StatusSummaryFacts = {
    client,
    consultant: client.consultant_id ? await findUserById(db, client.consultant_id) : undefined,
    ladder: (await ladderAssessmentsOf(db, clientId)).at(-1),
    steps: steps.filter((s) => isOneOf(ACTIVE_STEP_STATUSES, s.status)),
    placements: await currentPlacementsOf(db, clientId),
    exemptions: await exemptionsInForceOf(db, clientId, today),
    deadlines: await waitingFor(db, clientId, today),
  };
  await recordAudit(db, ctx, {
    action: "client.statusSummary",
    category: "read:sensitive",
    clientId,
    subjectType: "client",
    subjectId: clientId,
  });
  return facts;
}

import type { Actor } from "@server/auth/actor.js";
import type { AccountabilityRequestOutput } from "@shared/schemas/accountability.js";
import { accountabilityAbilities } from "./accountability.rules.js";
import type { AccountabilityView } from "./accountability.service.js";

/** An accountability request with the activity in words, its terms, its proof and the caller's abilities. */
export function presentAccountabilityRequest(actor: Actor, view: AccountabilityView): AccountabilityRequestOutput {
  const { row } = view;
  return {
    id: row.id,
    clientId: row.client_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    activity: view.activity,
    requestedOn: row.requested_on,
    remindedOn: row.reminded_on,
    overdueOn: view.overdueOn,
    overdue: view.overdue,
    ordinanceVersion: row.ordinance_version,
    letterId: row.letter_id,
    reminderLetterId: row.reminder_letter_id,
    status: row.status,
    respondedOn: row.responded_on,
    response: row.response,
    documents: view.documents,
    createdAt: row.created_at,
    abilities: accountabilityAbilities(actor, row),
  };
}

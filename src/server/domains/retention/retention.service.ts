import { nowIso } from "@server/clock.js";
import { lockClient } from "@server/db/locks.repo.js";
import type { Database } from "@server/db/schema.js";
import { inTransaction } from "@server/db/transaction.js";
import type { RetentionSettings } from "@shared/schemas/ordinance.js";
import type { RetentionCounts } from "@shared/schemas/scheduler.js";
import type { Kysely } from "kysely";
import { recordSystemAudit, type SystemRun } from "../audit/audit.service.js";
import { eraseEndedPairingContactsBefore } from "../buddies/buddies.repo.js";
import { deleteExpensesBefore } from "../expenses/expenses.repo.js";
import { deleteExpiredSessions } from "../sessions/sessions.repo.js";
import {
  decisionsWithObjectionsAbout,
  deleteAssignmentsEndedBefore,
  deleteAuditEventsBefore,
  deleteDocuments,
  deleteMessagesDoneBefore,
  deleteResearchExportsFinishedBefore,
  deleteUnfollowedProposalsBefore,
  deleteWorkQueueNotesBefore,
  eraseCheckInNotesBefore,
  evidenceWithSubjects,
} from "./retention.repo.js";
import {
  AGENCY_ASSIGNMENT_MONTHS,
  BUDDY_CONTACT_MONTHS,
  type EvidenceFacts,
  evidenceExpired,
  firstKeptExpenseYear,
  MESSAGE_MONTHS,
  RESEARCH_EXPORT_MONTHS,
  retentionCutoff,
  retentionCutoffInstant,
  WORK_QUEUE_NOTE_MONTHS,
} from "./retention.rules.js";

type EvidenceRow = Awaited<ReturnType<typeof evidenceWithSubjects>>[number];

/** The day a document's subject closed, or null while it is open. */
function closedOn(row: EvidenceRow): string | null {
  if (row.exemption_status === "ended") return row.exemption_ended_on;
  if (row.exemption_status === "refused") return row.exemption_decided_at?.slice(0, 10) ?? null;
  if (row.request_status === "confirmed" || row.request_status === "stopped") return row.request_responded_on ?? row.request_requested_on;
  // An activity proposal closes when it is decided; its decision's objection terms then run as any other's.
  if (row.proposal_decided_on) return row.proposal_decided_on;
  return null;
}

const later = (a: string | null, b: string | null) => (a === null ? b : b === null || a >= b ? a : b);

/** Evidence (of one client, when named) past its period, by the rule in `evidenceExpired`. */
async function expiredEvidence(db: Kysely<Database>, today: string, months: number, clientId?: string): Promise<EvidenceRow[]> {
  const documents = await evidenceWithSubjects(db, clientId);
  const decisions = await decisionsWithObjectionsAbout(db, [...new Set(documents.map((d) => d.subject_id))]);
  const facts = new Map<string, Omit<EvidenceFacts, "closedOn">>();
  for (const d of decisions) {
    const seen = facts.get(d.subject_id) ?? { lastObjectionTermEndsOn: null, lastObjectionDecidedOn: null, objectionOpen: false };
    facts.set(d.subject_id, {
      lastObjectionTermEndsOn: later(seen.lastObjectionTermEndsOn, d.objection_term_ends_on),
      lastObjectionDecidedOn: later(seen.lastObjectionDecidedOn, d.outcome_on),
      objectionOpen: seen.objectionOpen || (d.objection_id !== null && d.outcome === null),
    });
  }
  const none = { lastObjectionTermEndsOn: null, lastObjectionDecidedOn: null, objectionOpen: false };
  return documents.filter((row) => evidenceExpired({ closedOn: closedOn(row), ...(facts.get(row.subject_id) ?? none) }, today, months));
}

/**
 * Removes or anonymises what has passed the retention periods of the ordinance in force on `date`: expired
 * sessions, old audit events, the free text of old check-ins, evidence past its period (each removal audited for
 * its client), the unfollowed proposals of old match plans, the messages to clients sent or failed long ago and the
 * research exports (with their files) finished long ago, work-queue items marked a year ago. Letters and decisions stay. Idempotent: a second
 * run on the same date finds nothing left and counts zeros.
 */
export async function applyRetention(
  db: Kysely<Database>,
  run: SystemRun,
  date: string,
  retention: RetentionSettings,
): Promise<RetentionCounts> {
  const sessions = await deleteExpiredSessions(db, nowIso(run.clock));
  const auditEvents = await inTransaction(db, (trx) => deleteAuditEventsBefore(trx, retentionCutoffInstant(date, retention.auditMonths)));
  const checkInNotes = await eraseCheckInNotesBefore(db, retentionCutoff(date, retention.checkInNoteMonths));
  let evidenceDocuments = 0;
  const clients = [...new Set((await expiredEvidence(db, date, retention.evidenceMonths)).map((d) => d.client_id))].sort();
  for (const clientId of clients) {
    evidenceDocuments += await inTransaction(db, async (trx) => {
      // An objection or an exemption's change takes the client's lock too: the facts are read again under it.
      await lockClient(trx, clientId);
      const evidence = await expiredEvidence(trx, date, retention.evidenceMonths, clientId);
      const removed = await deleteDocuments(
        trx,
        evidence.map((d) => d.id),
      );
      for (const document of evidence) {
        await recordSystemAudit(trx, run, {
          action: "document.remove",
          category: "write",
          clientId,
          subjectType: "document",
          subjectId: document.id,
          details: { reason: "retention", evidenceMonths: retention.evidenceMonths },
        });
      }
      return removed;
    });
  }
  const matchProposals = await deleteUnfollowedProposalsBefore(db, retentionCutoffInstant(date, retention.matchProposalMonths));
  const messages = await deleteMessagesDoneBefore(db, retentionCutoffInstant(date, MESSAGE_MONTHS));
  const agencyAssignments = await deleteAssignmentsEndedBefore(db, retentionCutoff(date, AGENCY_ASSIGNMENT_MONTHS));
  const researchExports = await deleteResearchExportsFinishedBefore(db, retentionCutoffInstant(date, RESEARCH_EXPORT_MONTHS));
  const workQueueNotes = await deleteWorkQueueNotesBefore(db, retentionCutoffInstant(date, WORK_QUEUE_NOTE_MONTHS));
  const buddyContacts = await eraseEndedPairingContactsBefore(db, retentionCutoff(date, BUDDY_CONTACT_MONTHS));
  const expenseAllowances = await deleteExpensesBefore(db, firstKeptExpenseYear(date));
  const counts = {
    sessions,
    auditEvents,
    checkInNotes,
    evidenceDocuments,
    matchProposals,
    messages,
    agencyAssignments,
    researchExports,
    workQueueNotes,
    buddyContacts,
    expenseAllowances,
  };
  await recordSystemAudit(db, run, { action: "retention.apply", category: "write", details: { ...counts, ...retention } });
  return counts;
}

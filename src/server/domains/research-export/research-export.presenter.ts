import type { ResearchExportOutput, ResearchExportSummary } from "@shared/schemas/research-export.js";
import type { ResearchExportRow } from "./research-export.repo.js";

/** Every field of an export its researcher gets: the period, progress and, when done, what was released. */
export function presentResearchExport(row: ResearchExportRow): ResearchExportOutput {
  return {
    id: row.id,
    from: row.period_from,
    to: row.period_to,
    status: row.status,
    progress: row.progress,
    summary: row.summary ? (JSON.parse(row.summary) as ResearchExportSummary) : null,
    error: row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    abilities: { download: row.status === "done" },
  };
}

import { randomUUID } from "node:crypto";
import fs from "node:fs";
import type { RequestContext } from "@server/auth/actor.js";
import type { Policy } from "@server/auth/policy.js";
import { systemClock } from "@server/clock.js";
import type { Database } from "@server/db/schema.js";
import { registryPolicy } from "@server/domains/registry/registry.policy.js";
import { exportClients } from "@server/domains/registry/registry-export.service.js";
import { importClients } from "@server/domains/registry/registry-import.service.js";
import { actorFromUser } from "@server/domains/sessions/sessions.service.js";
import { findUserByEmail } from "@server/domains/users/users.repo.js";
import { AppError } from "@server/http/errors.js";
import type { ImportReport } from "@shared/schemas/registry.js";
import { SingleBar } from "cli-progress";
import type { Kysely } from "kysely";
import { openDatabase } from "./database.js";

interface RegistryCommandOptions {
  file: string;
  as: string;
  report?: string;
  database?: string;
  pgSchema?: string;
}

/** The admin in whose name the command runs: the audit log says who imported or exported. */
async function adminContext(db: Kysely<Database>, email: string, policy: Policy): Promise<RequestContext> {
  const user = await findUserByEmail(db, email.toLowerCase());
  if (!user?.active) throw new Error(`no active account ${email}`);
  const actor = actorFromUser(user, systemClock.today());
  if (!policy.allows(actor)) throw new Error(`${email} is not an admin: only an admin imports or exports the registry`);
  return { actor, requestId: `cli-${randomUUID()}`, clock: systemClock };
}

/** The report's refused rows, one line each: line number, column and reason. */
function refusalLines(report: ImportReport): string[] {
  return report.rows
    .filter((r) => r.outcome === "refused")
    .map((r) => `  regel ${r.line}: ${r.refusals.map((f) => `${f.column}: ${f.reason} (${f.code})`).join("; ")}`);
}

/**
 * `naar-vermogen import-clients`: reads the benefits administration's registry file, with a progress bar on a
 * terminal, and prints the counts and every refused row; `--report` writes the whole row report as JSON.
 * A wrong header writes nothing and exits with 1.
 */
export async function runImportClients(options: RegistryCommandOptions): Promise<void> {
  const db = await openDatabase(options.database, options.pgSchema);
  try {
    const ctx = await adminContext(db.kysely, options.as, registryPolicy.importClients);
    const content = fs.readFileSync(options.file);
    const total = Math.max(
      0,
      content
        .toString("latin1")
        .split("\n")
        .filter((l) => l.trim() !== "").length - 1,
    );
    const bar = new SingleBar({
      format: "{phase} [{bar}] {value}/{total} rijen",
      hideCursor: true,
      noTTYOutput: false,
      stream: process.stderr,
    });
    const interactive = process.stderr.isTTY;
    if (interactive) bar.start(total, 0, { phase: "lezen    " });
    const report = await importClients(db.kysely, ctx, {
      content,
      source: "cli",
      onProgress: (phase, done) => {
        if (!interactive) return;
        bar.update(Math.min(done, total), { phase: phase === "read" ? "lezen    " : "schrijven" });
      },
    });
    if (interactive) bar.stop();
    console.log(
      `${report.rows.length} rijen (${report.encoding}): ${report.created} nieuw, ${report.updated} gewijzigd, ${report.unchanged} ongewijzigd, ${report.refused} geweigerd, ${report.moved} verhuisd naar een ander gebied.`,
    );
    for (const line of refusalLines(report)) console.log(line);
    if (options.report) fs.writeFileSync(options.report, `${JSON.stringify(report, null, 2)}\n`);
  } catch (error) {
    if (error instanceof AppError && error.invalidParams) {
      throw new Error(`${error.detail}\n${error.invalidParams.map((p) => `  ${p.name}: ${p.reason}`).join("\n")}`);
    }
    throw error;
  } finally {
    await db.destroy();
  }
}

/** `naar-vermogen export-clients`: writes the whole registry in the import's format. */
export async function runExportClients(options: Omit<RegistryCommandOptions, "report">): Promise<void> {
  const db = await openDatabase(options.database, options.pgSchema);
  try {
    const ctx = await adminContext(db.kysely, options.as, registryPolicy.exportClients);
    const csv = await exportClients(db.kysely, ctx);
    fs.writeFileSync(options.file, csv);
    console.log(`${csv.split("\r\n").length - 2} cliënten geschreven naar ${options.file}.`);
  } finally {
    await db.destroy();
  }
}

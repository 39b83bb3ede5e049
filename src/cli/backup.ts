import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "@server/config.js";
import { type BackupFacts, backupSqlite, restoreSqlite, sqliteFileOf } from "@server/db/backup.js";

const megabytes = (file: string) => `${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB`;

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

function describe(facts: BackupFacts): string {
  const behind = facts.behind ? "; the server brings it up to date at its next start" : "";
  return `${count(facts.clients, "client")}, ${count(facts.users, "account")}, migration ${facts.migration}${behind}`;
}

/** `naar-vermogen backup`: an online copy of the SQLite database, while servers may keep running. */
export async function runBackup(options: { out: string; database?: string }): Promise<void> {
  const source = sqliteFileOf(options.database ?? loadConfig().DATABASE_URL);
  const out = path.resolve(options.out);
  const started = performance.now();
  console.log(`Backing up ${source} …`);
  const facts = await backupSqlite(source, out);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Wrote ${out} (${megabytes(out)}; ${describe(facts)}) in ${seconds} s.`);
}

/** `naar-vermogen restore`: checks a backup and puts it in place of the SQLite database. */
export async function runRestore(options: { in: string; database?: string; force?: boolean }): Promise<void> {
  const target = sqliteFileOf(options.database ?? loadConfig().DATABASE_URL);
  const input = path.resolve(options.in);
  const facts = restoreSqlite(input, target, { force: options.force ?? false });
  console.log(`Restored ${input} to ${target} (${megabytes(target)}; ${describe(facts)}).`);
}

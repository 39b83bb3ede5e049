import { Command, InvalidArgumentError } from "commander";
import type { runBackup, runRestore } from "./backup.js";
import type { runDaily } from "./daily.js";
import type { runMatch } from "./match.js";
import type { runExportClients, runImportClients } from "./registry.js";
import type { runSeed } from "./seed.js";
import type { runUserCreate } from "./users.js";

// Each command loads its modules when it runs, so `--help` and argument errors never load the server, the database
// drivers or the PDF library (see bench/cli.ts for the start-up target).

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number ≥ 0");
  return n;
}

function calendarDate(value: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError("expected a date as YYYY-MM-DD");
  }
  return value;
}

const program = new Command()
  .name("naar-vermogen")
  .description("Naar Vermogen administration: demo population, accounts, the daily job, matching, backups, API document.")
  .showHelpAfterError();

program
  .command("seed")
  .description("Create the synthetic Rotterdam-like demo population in an empty database")
  .option("--seed <n>", "random seed: the same seed gives the same population", integer, 20261128)
  .option("--clients <n>", "number of long-term clients", integer, 18000)
  .option("--database <url>", "database URL (default: DATABASE_URL or the SQLite file in ./data)")
  .option("--password <text>", "password for every demo account (default: NV_DEMO_PASSWORD or demo)")
  .action(async (options: Parameters<typeof runSeed>[0]) => (await import("./seed.js")).runSeed(options));

program
  .command("create-user")
  .description("Create an account, e.g. the first admin of a production installation")
  .requiredOption("--email <email>", "login email")
  .requiredOption("--name <name>", "display name")
  .requiredOption("--role <role>", "admin, consultant, teamLead, host, client or researcher")
  .option("--district <district...>", "districts, for consultants and team leads")
  .option("--organisation <id>", "organisation id, for host users")
  .option("--client <id>", "client id, for client users")
  .option("--database <url>", "database URL (default: DATABASE_URL or the SQLite file in ./data)")
  .addHelpText("after", "\nThe password is read from NV_NEW_PASSWORD, or asked for on the terminal.")
  .action(async (options: Parameters<typeof runUserCreate>[0]) => (await import("./users.js")).runUserCreate(options));

program
  .command("run-daily")
  .description("Run the daily job (accountability requests, reminders, expiring exemptions) once")
  .option("--date <yyyy-mm-dd>", "the date to run for, today or earlier (default: today in Amsterdam)", calendarDate)
  .option("--manual", "run even when today's scheduled run has succeeded")
  .option("--database <url>", "database URL (default: DATABASE_URL or the SQLite file in ./data)")
  .option("--pg-schema <name>", "PostgreSQL schema to work in (default: the server's search path)")
  .action(async (options: Parameters<typeof runDaily>[0]) => (await import("./daily.js")).runDaily(options));

program
  .command("match")
  .description("Solve a placement instance: the most clients placed, then the least total cost")
  .requiredOption("--instance <file>", "instance JSON: clientCount, roleCount, places, pairStart, pairRole, pairCost")
  .requiredOption("--out <file>", "where to write { placed, cost, assignment }")
  .action(async (options: Parameters<typeof runMatch>[0]) => (await import("./match.js")).runMatch(options));

program
  .command("import-clients")
  .description("Import the client registry from the benefits administration's CSV file (see the README for its columns)")
  .requiredOption("--file <file>", "the registry CSV: semicolons, UTF-8 or Windows-1252, the Dutch header line")
  .requiredOption("--as <email>", "the admin account the import is recorded under")
  .option("--report <file>", "write the report of every row as JSON")
  .option("--database <url>", "database URL (default: DATABASE_URL or the SQLite file in ./data)")
  .option("--pg-schema <name>", "PostgreSQL schema to work in (default: the server's search path)")
  .action(async (options: Parameters<typeof runImportClients>[0]) => (await import("./registry.js")).runImportClients(options));

program
  .command("export-clients")
  .description("Export the client registry in the import's CSV format")
  .requiredOption("--file <file>", "the CSV file to write (replaced if it exists)")
  .requiredOption("--as <email>", "the admin account the export is recorded under")
  .option("--database <url>", "database URL (default: DATABASE_URL or the SQLite file in ./data)")
  .option("--pg-schema <name>", "PostgreSQL schema to work in (default: the server's search path)")
  .action(async (options: Parameters<typeof runExportClients>[0]) => (await import("./registry.js")).runExportClients(options));

program
  .command("backup")
  .description("Copy the SQLite database to a file, while servers may keep running (PostgreSQL: pg_dump, see the README)")
  .requiredOption("--out <file>", "the backup file to write (replaced if it exists)")
  .option("--database <url>", "database URL (default: DATABASE_URL or the SQLite file in ./data)")
  .action(async (options: Parameters<typeof runBackup>[0]) => (await import("./backup.js")).runBackup(options));

program
  .command("restore")
  .description("Check a backup file and put it in place of the SQLite database (PostgreSQL: pg_restore, see the README)")
  .requiredOption("--in <file>", "the backup file, as written by backup")
  .option("--database <url>", "database URL (default: DATABASE_URL or the SQLite file in ./data)")
  .option("--force", "replace an existing database (never one a running server has open)")
  .action(async (options: Parameters<typeof runRestore>[0]) => (await import("./backup.js")).runRestore(options));

program
  .command("openapi")
  .description("Write the OpenAPI 3.1 document of the API")
  .option("--out <file>", "file to write (default: standard output)")
  .action(async (options: { out?: string }) => (await import("./openapi.js")).writeOpenApi(options.out));

try {
  await program.parseAsync();
} catch (error) {
  console.error(`naar-vermogen: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

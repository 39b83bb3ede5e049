import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The tests run the command as a user does: bin/naar-vermogen.js starting the compiled build in dist/node/.
const root = path.resolve(import.meta.dirname, "../..");
const bin = path.join(root, "bin/naar-vermogen.js");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nv-cli-"));
beforeAll(() => {
  // Build once up front when the sources changed, so no test pays for (or races) a build of its own.
  const build = spawnSync(process.execPath, [path.join(root, "scripts/build.mjs"), "--if-stale", "node"], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`the build failed:\n${build.stderr}`);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, ...env }, timeout: 60_000 });
  return { status: result.status, out: result.stdout + result.stderr };
}

describe("naar-vermogen CLI", () => {
  it("prints help listing its commands, from the build without rebuilding it", () => {
    const { status, out } = run(["--help"]);
    expect(status).toBe(0);
    expect(out).not.toMatch(/Building/);
    for (const command of ["seed", "create-user", "run-daily", "match", "import-clients", "export-clients", "backup", "restore", "openapi"])
      expect(out).toContain(command);
  });

  it("runs in a single Node process", () => {
    // A preload that every Node process started with these options runs once: it counts the processes.
    const preload = path.join(dir, "count-process.cjs");
    fs.writeFileSync(preload, 'process.stderr.write("node process started\\n");\n');
    const { status, out } = run(["--help"], { NODE_OPTIONS: `--require ${preload}` });
    expect(status).toBe(0);
    expect(out.match(/node process started/g)).toHaveLength(1);
  });

  it("rebuilds the CLI when a source is newer than the build, and only then", () => {
    const source = path.join(root, "src/cli/index.ts");
    const now = new Date();
    fs.utimesSync(source, now, now);
    const first = run(["--help"]);
    expect(first.status, first.out).toBe(0);
    expect(first.out).toMatch(/Building the server and the command line/);
    expect(run(["--help"]).out).not.toMatch(/Building/);
  });

  it("exits non-zero with a clear message on bad input", () => {
    const bad = run(["seed", "--clients", "many"]);
    expect(bad.status).not.toBe(0);
    expect(bad.out).toMatch(/--clients.*whole number/s);
    const unknown = run(["frobnicate"]);
    expect(unknown.status).not.toBe(0);
    expect(unknown.out).toMatch(/unknown command/i);
  });

  it("seeds an empty database, and refuses to seed it twice", () => {
    const database = `sqlite:${path.join(dir, "seed.sqlite")}`;
    const first = run(["seed", "--clients", "30", "--seed", "4", "--database", database]);
    expect(first.status, first.out).toBe(0);
    expect(first.out).toMatch(/Created 30 clients/);
    const second = run(["seed", "--clients", "30", "--database", database]);
    expect(second.status).not.toBe(0);
    expect(second.out).toMatch(/already has accounts/);
  }, 60_000);

  it("exports the registry and imports the export back unchanged, as an admin only, and refuses a wrong header", () => {
    const database = `sqlite:${path.join(dir, "registry.sqlite")}`;
    expect(run(["seed", "--clients", "30", "--seed", "5", "--database", database]).status).toBe(0);
    const file = path.join(dir, "register.csv");
    const exported = run(["export-clients", "--file", file, "--as", "admin@demo.local", "--database", database]);
    expect(exported.status, exported.out).toBe(0);
    const rows = fs.readFileSync(file, "utf8").trim().split("\r\n").length - 1;
    expect(exported.out).toContain(`${rows} cliënten geschreven`);
    const report = path.join(dir, "report.json");
    const imported = run(["import-clients", "--file", file, "--as", "admin@demo.local", "--report", report, "--database", database]);
    expect(imported.status, imported.out).toBe(0);
    expect(imported.out).toContain(`${rows} rijen (utf-8): 0 nieuw, 0 gewijzigd, ${rows} ongewijzigd, 0 geweigerd`);
    expect(JSON.parse(fs.readFileSync(report, "utf8")).unchanged).toBe(rows);

    const asConsultant = run(["import-clients", "--file", file, "--as", "consulent@demo.local", "--database", database]);
    expect(asConsultant.status).not.toBe(0);
    expect(asConsultant.out).toMatch(/not an admin/);
    const wrong = path.join(dir, "wrong.csv");
    fs.writeFileSync(wrong, fs.readFileSync(file, "utf8").replace("Achternaam", "Familienaam"));
    const refused = run(["import-clients", "--file", wrong, "--as", "admin@demo.local", "--database", database]);
    expect(refused.status).not.toBe(0);
    expect(refused.out).toMatch(/header\[2\]: Column 3 must be "Achternaam"/);
  }, 90_000);

  it("creates an account, refusing a role binding that does not fit", () => {
    const database = `sqlite:${path.join(dir, "users.sqlite")}`;
    const env = { NV_NEW_PASSWORD: "een-lang-genoeg-wachtwoord" };
    const ok = run(
      ["create-user", "--email", "Beheer@Gemeente.example", "--name", "Beheer", "--role", "admin", "--database", database],
      env,
    );
    expect(ok.status, ok.out).toBe(0);
    expect(ok.out).toContain("beheer@gemeente.example");
    const noDistrict = run(
      ["create-user", "--email", "c@gemeente.example", "--name", "C", "--role", "consultant", "--database", database],
      env,
    );
    expect(noDistrict.status).not.toBe(0);
    expect(noDistrict.out).toMatch(/district/i);
    const shortPassword = run(["create-user", "--email", "d@gemeente.example", "--name", "D", "--role", "admin", "--database", database], {
      NV_NEW_PASSWORD: "kort",
    });
    expect(shortPassword.status).not.toBe(0);
    expect(shortPassword.out).toMatch(/password/);
  }, 60_000);

  it("refuses to run the daily job for a date in the future, or for something that is no date, and writes no run", () => {
    const file = path.join(dir, "daily.sqlite");
    const database = `sqlite:${file}`;
    const future = run(["run-daily", "--date", "2999-01-01", "--manual", "--database", database]);
    expect(future.status).not.toBe(0);
    expect(future.out).toMatch(/date: Run the daily job for today \(\d{4}-\d{2}-\d{2}\) or an earlier date/);
    const runs = new Database(file, { readonly: true }).prepare("SELECT count(*) AS n FROM scheduler_runs").get() as { n: number };
    expect(runs.n).toBe(0);
    const notADate = run(["run-daily", "--date", "2026-02-30", "--database", database]);
    expect(notADate.status).not.toBe(0);
    expect(notADate.out).toMatch(/--date.*YYYY-MM-DD/s);
    const past = run(["run-daily", "--date", "2026-01-05", "--manual", "--database", database]);
    expect(past.status, past.out).toBe(0);
    expect(JSON.parse(past.out.trim().split("\n").at(-1) ?? "")).toMatchObject({ outcome: "ran", status: "succeeded" });
  }, 60_000);

  it("backs up a database and restores it, replacing an existing one only with --force, and leaves PostgreSQL to its tools", () => {
    const original = path.join(dir, "original.sqlite");
    const created = run(
      ["create-user", "--email", "beheer@gemeente.example", "--name", "Beheer", "--role", "admin", "--database", `sqlite:${original}`],
      { NV_NEW_PASSWORD: "een-lang-genoeg-wachtwoord" },
    );
    expect(created.status, created.out).toBe(0);
    const backup = path.join(dir, "backups", "nightly.sqlite");
    const backedUp = run(["backup", "--out", backup, "--database", `sqlite:${original}`]);
    expect(backedUp.status, backedUp.out).toBe(0);
    expect(backedUp.out).toMatch(/Wrote .*nightly\.sqlite \([\d.]+ MB; 0 clients, 1 account, migration \d{8}_\d{4}_\w+\)/);

    const restored = path.join(dir, "restored.sqlite");
    const first = run(["restore", "--in", backup, "--database", `sqlite:${restored}`]);
    expect(first.status, first.out).toBe(0);
    expect(first.out).toMatch(/Restored .*nightly\.sqlite to .*restored\.sqlite/);
    const emails = new Database(restored, { readonly: true }).prepare("SELECT email FROM users").pluck().all();
    expect(emails).toEqual(["beheer@gemeente.example"]);
    const again = run(["restore", "--in", backup, "--database", `sqlite:${restored}`]);
    expect(again.status).toBe(1);
    expect(again.out).toMatch(/restored\.sqlite exists; add --force to replace it/);
    // This test's process holds the database open as a server does (WAL mode, read from): the command, another
    // process, sees it.
    const server = new Database(restored);
    server.pragma("journal_mode = WAL");
    server.prepare("SELECT count(*) FROM users").get();
    const inUse = run(["restore", "--in", backup, "--database", `sqlite:${restored}`, "--force"]);
    server.close();
    expect(inUse.status).toBe(1);
    expect(inUse.out).toMatch(/restored\.sqlite is in use by a running server; stop it before restoring/);
    expect(run(["restore", "--in", backup, "--database", `sqlite:${restored}`, "--force"]).status).toBe(0);

    const postgres = run(["backup", "--out", backup, "--database", "postgres://postgres@127.0.0.1:5432/naarvermogen"]);
    expect(postgres.status).toBe(1);
    expect(postgres.out).toMatch(/for PostgreSQL use pg_dump -Fc and pg_restore --clean \(README: Backup and restore\)/);
  }, 60_000);

  it("writes the OpenAPI document", () => {
    const out = path.join(dir, "openapi.json");
    expect(run(["openapi", "--out", out]).status).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, "utf8")).info.title).toBe("Naar Vermogen API");
  }, 60_000);

  it("solves a matching instance file and refuses a malformed one", () => {
    const instance = path.join(dir, "instance.json");
    const out = path.join(dir, "solution.json");
    fs.writeFileSync(
      instance,
      JSON.stringify({
        clientCount: 3,
        roleCount: 2,
        places: [1, 1],
        pairStart: [0, 2, 3, 4],
        pairRole: [0, 1, 0, 1],
        pairCost: [5, 1, 2, 3],
      }),
    );
    const solved = run(["match", "--instance", instance, "--out", out]);
    expect(solved.status, solved.out).toBe(0);
    expect(solved.out).toMatch(/Placed 2 of 3 clients at cost 3/);
    expect(JSON.parse(fs.readFileSync(out, "utf8"))).toEqual({ placed: 2, cost: 3, assignment: [1, 0, -1] });
    fs.writeFileSync(
      instance,
      JSON.stringify({ clientCount: 1, roleCount: 1, places: [1], pairStart: [0, 1], pairRole: [3], pairCost: [1] }),
    );
    const bad = run(["match", "--instance", instance, "--out", out]);
    expect(bad.status).not.toBe(0);
    expect(bad.out).toMatch(/pairRole holds role indexes/);
  });
});

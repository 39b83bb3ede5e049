// The build: the server and the CLI bundled by esbuild into dist/node/, the web app by Vite into dist/web/.
//
//   node scripts/build.mjs                  build both parts: node (server and CLI) and web
//   node scripts/build.mjs --if-stale       build only the parts whose sources, config or lock file are newer
//   node scripts/build.mjs [--if-stale] node  only the server and CLI (or only `web`)
//
// Plain JavaScript, so building needs no TypeScript loader. The bin and `npm start` import it; esbuild and Vite are
// loaded only when something is actually built, so checking a fresh build costs a few milliseconds.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** The repository root. */
export const ROOT = path.resolve(import.meta.dirname, "..");
/** Where the compiled server and CLI live. */
export const NODE_DIST = path.join(ROOT, "dist/node");
const NODE_STAMP = path.join(NODE_DIST, "build.json");
const WEB_STAMP = path.join(ROOT, "dist/web/index.html");

// Worker thread entries (`*.worker.ts`) are entries of their own, beside the chunks that start them (see
// src/server/worker-thread.ts).
const ENTRY_POINTS = {
  server: "src/server/main.ts",
  cli: "src/cli/index.ts",
  "plan.worker": "src/server/domains/matching/plan.worker.ts",
  "data-export.worker": "src/server/domains/privacy/data-export.worker.ts",
  "letters.worker": "src/server/demo/letters.worker.ts",
  "effects.worker": "src/server/domains/statistics/effects.worker.ts",
  "research-export.worker": "src/server/domains/research-export/research-export.worker.ts",
  "annual-report.worker": "src/server/domains/reports/annual-report.worker.ts",
  "batch-letters.worker": "src/server/domains/invitations/batch-letters.worker.ts",
};

/** What each part is built from besides its sources: a change to any of these makes that part stale. */
const CONFIG = {
  node: ["package.json", "tsconfig.json", "scripts/build.mjs"],
  web: ["src/web", "src/shared", "package.json", "package-lock.json", "vite.config.ts", "tsconfig.json"],
};

// Tests are not part of the build; editing one should not trigger a rebuild.
const isTest = (name) => /\.test\.tsx?$/.test(name);

function mtimeOf(file) {
  return fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
}

function newestMtime(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry, { withFileTypes: true })) {
    if (!isTest(child.name)) newest = Math.max(newest, newestMtime(path.join(entry, child.name)));
  }
  return newest;
}

/** Whether a part ("node" or "web") is missing or older than any of its inputs. */
export function isStale(part) {
  if (part === "web") {
    const built = mtimeOf(WEB_STAMP);
    return built < 0 || CONFIG.web.some((input) => newestMtime(path.join(ROOT, input)) > built);
  }
  // The node build records the files esbuild read. Checking just those keeps this fast enough to run on every
  // `naar-vermogen` command: a new file only matters once an existing (hence changed) file imports it.
  const built = mtimeOf(NODE_STAMP);
  if (built < 0) return true;
  let sources;
  try {
    sources = JSON.parse(fs.readFileSync(NODE_STAMP, "utf8")).sources;
  } catch {
    return true;
  }
  if (!Array.isArray(sources)) return true;
  // Plain concatenation: path.join on each of ~200 paths costs more than all the stat calls together.
  return [...CONFIG.node, ...sources].some((input) => {
    const mtime = mtimeOf(`${ROOT}/${input}`);
    return mtime < 0 || mtime > built;
  });
}

// The bundle lives in dist/node/, but letter templates and the web build are read at run time next to the source
// file that names them (`import.meta.dirname`). Each such use is pointed at that source folder, so the compiled
// server reads the same templates (a municipality may replace them without a rebuild) and finds dist/web.
const sourceDirname = {
  name: "source-dirname",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, "utf8");
      if (!source.includes("import.meta.dirname")) return undefined;
      const relative = path.relative(NODE_DIST, path.dirname(args.path)).split(path.sep).join("/");
      // One line, so the source map's line numbers stay right.
      const prelude = 'import { join as __sourceJoin } from "node:path";';
      const rewritten = source.replaceAll("import.meta.dirname", `__sourceJoin(import.meta.dirname, ${JSON.stringify(relative)})`);
      return { contents: prelude + rewritten, loader: "ts" };
    });
  },
};

/** Bundles the server and the CLI into dist/node/ (dependencies stay in node_modules), replacing the old build at once. */
export async function buildNode() {
  const esbuild = await import("esbuild");
  // Built beside the live build and swapped in whole, so a process starting meanwhile never sees half of each.
  const staging = `${NODE_DIST}.${process.pid}`;
  const started = new Date();
  fs.rmSync(staging, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: ENTRY_POINTS,
    outdir: staging,
    bundle: true,
    // Commands load their modules lazily; splitting keeps those dynamic imports as separate files.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    packages: "external",
    sourcemap: "linked",
    metafile: true,
    logLevel: "warning",
    plugins: [sourceDirname],
  });
  const stamp = path.join(staging, "build.json");
  fs.writeFileSync(stamp, `${JSON.stringify({ builtAt: started.toISOString(), sources: Object.keys(result.metafile.inputs) }, null, 2)}\n`);
  // Dated at the start: a file saved while the build ran is newer than the build and brings the next rebuild.
  fs.utimesSync(stamp, started, started);
  const previous = `${NODE_DIST}.previous.${process.pid}`;
  if (fs.existsSync(NODE_DIST)) fs.renameSync(NODE_DIST, previous);
  try {
    fs.renameSync(staging, NODE_DIST);
  } catch (error) {
    // Another build (a second terminal) swapped its result in between: it is as fresh as this one.
    if (!fs.existsSync(NODE_STAMP)) throw error;
    fs.rmSync(staging, { recursive: true, force: true });
  }
  fs.rmSync(previous, { recursive: true, force: true });
}

/** Builds the web app into dist/web/ with Vite. */
export async function buildWeb() {
  const vite = await import("vite");
  const started = new Date();
  await vite.build({ configFile: path.join(ROOT, "vite.config.ts"), logLevel: "warn" });
  fs.utimesSync(WEB_STAMP, started, started);
}

/** Builds the parts that are stale (or all of them with `force`), saying so on standard error. */
export async function build({ force = false, parts = ["node", "web"] } = {}) {
  for (const part of parts) {
    if (!force && !isStale(part)) continue;
    const started = performance.now();
    process.stderr.write(`Building ${part === "node" ? "the server and the command line" : "the web app"} into dist/ …`);
    await (part === "node" ? buildNode() : buildWeb());
    process.stderr.write(` ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const parts = args.filter((arg) => arg !== "--if-stale");
  const unknown = parts.filter((part) => !(part in CONFIG));
  if (unknown.length > 0) {
    console.error(`build: unknown argument ${unknown.join(" ")} (expected --if-stale, node or web)`);
    process.exit(2);
  }
  await build({ force: !args.includes("--if-stale"), parts: parts.length > 0 ? parts : ["node", "web"] });
}

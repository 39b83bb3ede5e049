#!/usr/bin/env node
// The `naar-vermogen` command: runs the compiled CLI (dist/node/cli.js) in this process. In a checkout whose build is
// missing or older than its sources, it builds the server and CLI first (well under a second), so a fresh clone and
// a `git pull` need no separate build step.
import fs from "node:fs";

const buildScript = new URL("../scripts/build.mjs", import.meta.url);

// Only a checkout has the build script; an installed copy runs the build it came with.
if (fs.existsSync(buildScript)) {
  const { build } = await import(buildScript.href);
  try {
    await build({ parts: ["node"] });
  } catch (error) {
    console.error(`naar-vermogen: the build failed (${error instanceof Error ? error.message : String(error)}); see \`npm run build\`.`);
    process.exit(1);
  }
}

const cli = new URL("../dist/node/cli.js", import.meta.url);
if (!fs.existsSync(cli)) {
  console.error("naar-vermogen: no build in dist/node/; run `npm run build` first.");
  process.exit(1);
}
await import(cli.href);

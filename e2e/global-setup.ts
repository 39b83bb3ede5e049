import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { build } from "vite";

export const CHROMIUM = "/usr/bin/chromium";

// Debian's Chromium is used instead of a downloaded browser: no network access to browser CDNs is needed.
function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM}. Install it with: sudo apt-get install chromium`);
  }
  execSync("apt-get update && apt-get install -y chromium", { stdio: "inherit" });
  if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get install chromium did not provide ${CHROMIUM}`);
}

/** Vitest global setup for the e2e project: a browser to drive and a fresh build of the web app to serve. */
export async function setup(): Promise<void> {
  ensureChromium();
  await build({ configFile: path.resolve(import.meta.dirname, "../vite.config.ts"), logLevel: "warn" });
}

import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser.js";
import { startServer, type TestServer } from "./server.js";

/** What a spec's tests share: the app on its own seeded database, and one browser. */
export interface Running {
  server: TestServer;
  browser: Browser;
}

/**
 * Starts the app and the browser before a spec's first test and closes both after its last. `started` hands them to
 * the spec (`withServerAndBrowser((running) => ({ server, browser } = running))`); a spec that arranges more does so in a
 * `beforeAll` of its own after this one, which runs once they are up.
 */
export function withServerAndBrowser(started: (running: Running) => void, options: Parameters<typeof startServer>[0] = {}): void {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  // Seeding the demo population alone can take two minutes on a busy machine.
  beforeAll(async () => {
    server = await startServer(options);
    browser = await launchBrowser();
    started({ server, browser });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
}

/**
 * Worker thread entry of the research export: receives one `BuildInput`, builds and anonymises the rows, answers
 * with the CSV gzipped and the summary (or the error) and ends. Built as its own entry
 * (`dist/node/research-export.worker.js`).
 */

import { parentPort, workerData } from "node:worker_threads";
import { gzipSync } from "node:zlib";
import { serveWorker } from "../../worker-thread.js";
import { type BuildInput, buildResearchExport } from "./research-export.build.js";

serveWorker(parentPort, workerData as BuildInput, (input, reportProgress) => {
  const built = buildResearchExport(input, reportProgress);
  return { csvGzip: gzipSync(built.csv, { level: 6 }), summary: built.summary };
});

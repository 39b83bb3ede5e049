/**
 * Worker thread entry of the demo's letter pool (`letter-pool.ts`): lays out each letter it is sent as a PDF and
 * answers with its bytes (or the error), until the pool ends it. Built as its own entry (`dist/node/letters.worker.js`).
 */
import { parentPort } from "node:worker_threads";
import { type LetterLayout, renderLetterPdf } from "@server/letters/pdf.js";

const port = parentPort;
if (!port) throw new Error("not started as a worker thread");
port.on("message", async ({ id, layout }: { id: number; layout: LetterLayout }) => {
  try {
    port.postMessage({ id, pdf: await renderLetterPdf(layout) });
  } catch (error) {
    port.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

/**
 * Worker thread entry that puts a batch's letters into one PDF: receives the PDFs in print order, answers with the
 * merged file and ends. Built as its own entry (`dist/node/batch-letters.worker.js`).
 */
import { parentPort, workerData } from "node:worker_threads";
import { mergePdfs } from "../../letters/merge-pdfs.js";
import { serveWorker } from "../../worker-thread.js";

serveWorker(parentPort, workerData, (pdfs: Uint8Array[]) => mergePdfs(pdfs));

/**
 * Worker thread entry of the annual report: receives one `AnnualReportInput`, answers with the PDF's bytes (or the
 * error) and ends. Built as its own entry (`dist/node/annual-report.worker.js`).
 */
import { parentPort, workerData } from "node:worker_threads";
import { serveWorker } from "../../worker-thread.js";
import { renderAnnualReportPdf } from "./annual-report.pdf.js";

serveWorker(parentPort, workerData, renderAnnualReportPdf);

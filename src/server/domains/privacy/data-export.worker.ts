/**
 * Worker thread entry of the readable data export: receives one `DataExportPdfInput`, answers with the PDF's bytes
 * (or the error) and ends. Built as its own entry (`dist/node/data-export.worker.js`).
 */
import { parentPort, workerData } from "node:worker_threads";
import { serveWorker } from "../../worker-thread.js";
import { renderDataExportPdf } from "./data-export.pdf.js";

serveWorker(parentPort, workerData, renderDataExportPdf);

/**
 * Worker thread entry of the effect estimates: receives one `EffectInput`, answers with the estimates (or the error)
 * and ends. Built as its own entry (`dist/node/effects.worker.js`).
 */
import { parentPort, workerData } from "node:worker_threads";
import { serveWorker } from "../../worker-thread.js";
import { estimateEffects } from "./effects.estimate.js";

serveWorker(parentPort, workerData, estimateEffects);

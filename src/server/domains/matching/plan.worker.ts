/**
 * Worker thread entry of a placement plan's computation: receives one `PlanSolveInput`, answers with the
 * `PlanSolveResult` (or the error) and ends. Built as its own entry (`dist/node/plan.worker.js`).
 */
import { parentPort, workerData } from "node:worker_threads";
import { serveWorker } from "../../worker-thread.js";
import { solvePlan } from "./plan-solve.js";

serveWorker(parentPort, workerData, solvePlan);

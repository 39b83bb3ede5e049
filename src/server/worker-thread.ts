import { type MessagePort, Worker } from "node:worker_threads";

/**
 * Heavy synchronous work (a placement plan's solve) runs on a worker thread, so the request thread keeps answering.
 * A worker entry is a file beside its caller named `<name>.worker.ts`; the build bundles it as
 * `dist/node/<name>.worker.js`, beside the chunk of its caller. From the sources (tsx in development, vitest in the
 * tests) the worker runs the TypeScript file through tsx; from the build, the JavaScript file as it is.
 */
export function runInWorker<I, O>(callerUrl: string, name: string, input: I, onProgress?: (share: number) => void): Promise<O> {
  return new Promise<O>((resolve, reject) => {
    const worker = startWorker(callerUrl, name, input);
    let settled = false;
    worker.on("message", (message: { ok: true; value: O } | { ok: false; error: string } | { progress: number }) => {
      if ("progress" in message) {
        onProgress?.(message.progress);
        return;
      }
      settled = true;
      if (message.ok) resolve(message.value);
      else reject(new Error(message.error));
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`worker ${name} stopped with code ${code} before answering`));
    });
  });
}

/** Starts the worker entry `<name>.worker.ts` beside its caller (see runInWorker), from the sources or from the build. */
export function startWorker(callerUrl: string, name: string, workerData?: unknown): Worker {
  const fromSources = callerUrl.endsWith(".ts");
  const entry = new URL(`./${name}.worker.${fromSources ? "ts" : "js"}`, callerUrl);
  return new Worker(fromSources ? throughTsx(entry) : entry, { workerData });
}

// A worker thread does not inherit the loader of the thread that starts it (and Node 20 ignores `--import` in its
// execArgv), so from the sources it starts with a module that imports the entry through tsx's own API.
function throughTsx(entry: URL): URL {
  const code = `import { tsImport } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))};
await tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(import.meta.url)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/**
 * The worker's side: computes `work(workerData)` once (awaited when it is a promise) and posts the answer, or the
 * error's message. The work may report its progress (a share from 0 to 1) to the caller's `onProgress` meanwhile.
 */
export async function serveWorker<I, O>(
  port: MessagePort | null,
  input: I,
  work: (input: I, reportProgress: (share: number) => void) => O | Promise<O>,
): Promise<void> {
  if (!port) throw new Error("not started as a worker thread");
  try {
    port.postMessage({ ok: true, value: await work(input, (share) => port.postMessage({ progress: share })) });
  } catch (error) {
    port.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}

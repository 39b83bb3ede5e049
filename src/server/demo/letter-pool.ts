import type { Worker } from "node:worker_threads";
import type { LetterLayout } from "@server/letters/pdf.js";
import { startWorker } from "../worker-thread.js";

type Answer = { id: number; pdf: Uint8Array } | { id: number; error: string };

/**
 * Worker threads that lay out the demo history's letters, thousands of them, on every core while the main thread goes on
 * with the history. Started at the first letter, so a seed without letters starts none; `close` ends them.
 */
export class LetterPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (pdf: Buffer) => void; reject: (error: Error) => void }>();
  private sent = 0;

  constructor(private readonly size: number) {}

  /** Lays out one letter on the next worker, as `renderLetterPdf` would on this thread. */
  readonly render = (layout: LetterLayout): Promise<Buffer> => {
    if (this.workers.length === 0) this.start();
    const id = this.sent++;
    const worker = this.workers[id % this.workers.length];
    if (!worker) throw new Error("the letter pool has no workers");
    return new Promise<Buffer>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, layout });
    });
  };

  async close(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }

  private start() {
    for (let i = 0; i < this.size; i++) {
      const worker = startWorker(import.meta.url, "letters");
      worker.on("message", (answer: Answer) => {
        const waiter = this.waiting.get(answer.id);
        this.waiting.delete(answer.id);
        if ("pdf" in answer) waiter?.resolve(Buffer.from(answer.pdf.buffer, answer.pdf.byteOffset, answer.pdf.byteLength));
        else waiter?.reject(new Error(answer.error));
      });
      worker.on("error", (error) => {
        for (const waiter of this.waiting.values()) waiter.reject(error);
        this.waiting.clear();
      });
      this.workers.push(worker);
    }
  }
}

/**
 * Worker threads that render Eleventy runs, each taking the next run when it
 * is free. A run's pages do not depend on which thread renders it or in
 * which order, so the site is the same file for file as one rendered in the
 * main thread (a test compares them).
 */
import { Worker } from "node:worker_threads";
import type { EleventyRun } from "./run-eleventy.ts";

/** What every run of a build shares, handed to each worker once. */
export type SharedRunData = Omit<EleventyRun, "articles" | "listPages" | "staticPages">;
/** One run's pages. */
export type PageRun = Pick<EleventyRun, "articles" | "listPages" | "staticPages">;
export type WorkerReply = { done: true } | { done: false; error: string };

interface Slot {
  worker: Worker;
  busy: Promise<void> | null;
}

export class PageWorkers {
  readonly #slots: Slot[];

  constructor(count: number, shared: SharedRunData) {
    this.#slots = Array.from({ length: count }, () => ({
      worker: new Worker(new URL("./render-worker.mjs", import.meta.url), { workerData: shared }),
      busy: null,
    }));
  }

  /**
   * Hands `run` to the first free worker, waiting for one when all are busy;
   * resolves when the run is handed over, with the promise of its end.
   */
  async render(run: PageRun): Promise<{ finished: Promise<void> }> {
    for (;;) {
      const free = this.#slots.find((slot) => slot.busy === null);
      if (free !== undefined) {
        const finished = this.#send(free, run);
        free.busy = finished
          .catch(() => undefined)
          .then(() => {
            free.busy = null;
          });
        return { finished };
      }
      await Promise.race(this.#slots.map((slot) => slot.busy));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }

  #send(slot: Slot, run: PageRun): Promise<void> {
    return new Promise((resolve, reject) => {
      const onMessage = (reply: WorkerReply): void => {
        slot.worker.off("error", onError);
        if (reply.done) resolve();
        else reject(new Error(reply.error));
      };
      const onError = (error: Error): void => {
        slot.worker.off("message", onMessage);
        reject(error);
      };
      slot.worker.once("message", onMessage);
      slot.worker.once("error", onError);
      slot.worker.postMessage(run);
    });
  }
}

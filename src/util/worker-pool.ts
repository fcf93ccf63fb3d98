/**
 * Worker threads running one TypeScript module, for work that is a pure
 * function of its message (parsing seeds, rendering a run of pages): each
 * request goes to the least busy worker and its reply comes back as a
 * promise. The module answers with `answerRequests`.
 */
import { Worker, parentPort, workerData } from "node:worker_threads";

type Answer<Reply> = { id: number; reply: Reply } | { id: number; error: string };

interface Slot {
  worker: Worker;
  inFlight: number;
}

export class WorkerPool<Request, Reply> {
  readonly #slots: Slot[];
  readonly #waiting = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  /** Called whenever a worker answers, so callers waiting for a free worker look again. */
  #onAnswer: (() => void)[] = [];
  #nextId = 0;

  /** `module`: the worker's TypeScript module; `data`: what every worker gets once (`workerInput`). */
  constructor(module: URL, count: number, data: unknown) {
    this.#slots = Array.from({ length: count }, () => {
      const slot: Slot = {
        worker: new Worker(new URL("./ts-worker.mjs", import.meta.url), { workerData: { module: module.href, data } }),
        inFlight: 0,
      };
      slot.worker.on("message", (answer: Answer<Reply>) => {
        slot.inFlight -= 1;
        const waiting = this.#waiting.get(answer.id);
        this.#waiting.delete(answer.id);
        if ("error" in answer) waiting?.reject(new Error(answer.error));
        else waiting?.resolve(answer.reply);
        for (const look of this.#onAnswer.splice(0)) look();
      });
      slot.worker.on("error", (error) => {
        for (const waiting of this.#waiting.values()) waiting.reject(error);
        this.#waiting.clear();
        for (const look of this.#onAnswer.splice(0)) look();
      });
      return slot;
    });
  }

  /** Whether every worker has at least `depth` requests running or queued. */
  saturated(depth: number): boolean {
    return this.#slots.every((slot) => slot.inFlight >= depth);
  }

  /** Resolves once some worker has fewer than `depth` requests running or queued. */
  async whenFree(depth: number): Promise<void> {
    while (this.saturated(depth)) await new Promise<void>((look) => this.#onAnswer.push(look));
  }

  /** The reply to `request` from the least busy worker. */
  run(request: Request): Promise<Reply> {
    const slot = this.#slots.reduce((least, candidate) => (candidate.inFlight < least.inFlight ? candidate : least));
    const id = this.#nextId++;
    slot.inFlight += 1;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ id, request });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }
}

/** In a worker: the `data` the pool handed to every worker. */
export function workerInput<T>(): T {
  return (workerData as { data: T }).data;
}

/** In a worker: answers each request of the pool with `handle`'s result, or the error it threw. */
export function answerRequests<Request, Reply>(handle: (request: Request) => Reply | Promise<Reply>): void {
  parentPort?.on("message", ({ id, request }: { id: number; request: Request }) => {
    const answer = (message: Answer<Reply>): void => parentPort?.postMessage(message);
    Promise.resolve()
      .then(() => handle(request))
      .then(
        (reply) => answer({ id, reply }),
        (error: unknown) =>
          answer({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
}

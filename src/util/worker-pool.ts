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
  /** Requests sent to this worker and not answered yet. */
  pending: Set<number>;
  /** Why the worker stopped (out of memory, an uncaught error, an exit), once it has. */
  dead: Error | null;
}

/** A worker thread stopped before answering: the build cannot go on without its work. */
export class WorkerDiedError extends Error {
  override name = "WorkerDiedError";
}

export class WorkerPool<Request, Reply> {
  readonly #slots: Slot[];
  readonly #waiting = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();
  /** Called whenever a worker answers or stops, so callers waiting for a free worker look again. */
  #onChange: (() => void)[] = [];
  #nextId = 0;
  #closing = false;

  /** `module`: the worker's TypeScript module; `data`: what every worker gets once (`workerInput`). */
  constructor(module: URL, count: number, data: unknown) {
    const name = module.pathname.split("/").pop() ?? "worker";
    this.#slots = Array.from({ length: count }, () => {
      const slot: Slot = {
        worker: new Worker(new URL("./ts-worker.mjs", import.meta.url), { workerData: { module: module.href, data } }),
        pending: new Set(),
        dead: null,
      };
      slot.worker.on("message", (answer: Answer<Reply>) => {
        slot.pending.delete(answer.id);
        const waiting = this.#waiting.get(answer.id);
        this.#waiting.delete(answer.id);
        if ("error" in answer) waiting?.reject(new Error(answer.error));
        else waiting?.resolve(answer.reply);
        this.#changed();
      });
      slot.worker.on("error", (error) => this.#stopped(slot, new WorkerDiedError(`${name} stopped: ${error.message}`)));
      slot.worker.on("exit", (code) => {
        if (!this.#closing) this.#stopped(slot, new WorkerDiedError(`${name} stopped with exit code ${code}`));
      });
      return slot;
    });
  }

  /** A worker stopped: its requests fail, and no request goes to it again. */
  #stopped(slot: Slot, error: Error): void {
    slot.dead ??= error;
    for (const id of slot.pending) {
      this.#waiting.get(id)?.reject(slot.dead);
      this.#waiting.delete(id);
    }
    slot.pending.clear();
    this.#changed();
  }

  #changed(): void {
    for (const look of this.#onChange.splice(0)) look();
  }

  #live(): Slot[] {
    return this.#slots.filter((slot) => slot.dead === null);
  }

  /** Whether every live worker has at least `depth` requests running or queued (false when none lives: `run` then fails). */
  saturated(depth: number): boolean {
    const live = this.#live();
    return live.length > 0 && live.every((slot) => slot.pending.size >= depth);
  }

  /** Resolves once some worker has fewer than `depth` requests running or queued, or no worker lives. */
  async whenFree(depth: number): Promise<void> {
    while (this.saturated(depth)) await new Promise<void>((look) => this.#onChange.push(look));
  }

  /** The reply to `request` from the least busy worker; fails when the worker stops, or when none lives. */
  run(request: Request): Promise<Reply> {
    const live = this.#live();
    if (live.length === 0) return Promise.reject(this.#slots[0]?.dead ?? new WorkerDiedError("no worker thread"));
    const slot = live.reduce((least, candidate) => (candidate.pending.size < least.pending.size ? candidate : least));
    const id = this.#nextId++;
    slot.pending.add(id);
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ id, request });
    });
  }

  async close(): Promise<void> {
    this.#closing = true;
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

/**
 * Worker threads that parse seeds, a batch at a time, while the main thread
 * reads the next files. Parsing is a pure function of a seed's bytes, so the
 * outcomes are the same whichever thread parses them.
 */
import { Worker } from "node:worker_threads";
import type { SeedOptions } from "./parse-seed.ts";
import type { SeedOutcome } from "./read-seeds.ts";

export interface SeedBytes {
  file: string;
  bytes: Uint8Array;
  sha256: string;
}

export interface ParseRequest {
  id: number;
  seeds: SeedBytes[];
}

export interface ParseReply {
  id: number;
  outcomes: SeedOutcome[];
}

interface Slot {
  worker: Worker;
  inFlight: number;
}

export class ParseWorkers {
  readonly #slots: Slot[];
  readonly #waiting = new Map<number, { resolve: (outcomes: SeedOutcome[]) => void; reject: (error: Error) => void }>();
  #nextId = 0;

  constructor(count: number, options: SeedOptions) {
    this.#slots = Array.from({ length: count }, () => {
      const slot: Slot = {
        worker: new Worker(new URL("./parse-worker.mjs", import.meta.url), { workerData: options }),
        inFlight: 0,
      };
      slot.worker.on("message", ({ id, outcomes }: ParseReply) => {
        slot.inFlight -= 1;
        this.#waiting.get(id)?.resolve(outcomes);
        this.#waiting.delete(id);
      });
      slot.worker.on("error", (error) => {
        for (const waiting of this.#waiting.values()) waiting.reject(error);
        this.#waiting.clear();
      });
      return slot;
    });
  }

  /** Whether every worker has a batch waiting behind the one it parses: the caller may as well parse the next itself. */
  get saturated(): boolean {
    return this.#slots.every((slot) => slot.inFlight >= 2);
  }

  /** The outcomes of `seeds`, in the same order, from the least busy worker. */
  parse(seeds: SeedBytes[]): Promise<SeedOutcome[]> {
    const slot = this.#slots.reduce((least, candidate) => (candidate.inFlight < least.inFlight ? candidate : least));
    const id = this.#nextId++;
    slot.inFlight += 1;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ id, seeds } satisfies ParseRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.#slots.map((slot) => slot.worker.terminate()));
  }
}

import { availableParallelism } from "node:os";

/** Worker threads beside the main one: one per core but one (the main thread keeps working), at least one, at most four. */
export function defaultWorkers(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

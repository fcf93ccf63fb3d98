/** A worker that stops (out of memory, an uncaught error, an exit) fails its requests; nothing waits for ever. */
import { afterEach, expect, test } from "vitest";
import { WorkerDiedError, WorkerPool } from "../src/util/worker-pool.ts";

const MODULE = new URL("./fixtures/unstable-worker.ts", import.meta.url);
let pool: WorkerPool<string, string> | null = null;
afterEach(async () => {
  await pool?.close();
  pool = null;
});

test("a worker that exits fails its request; the others go on, and a pool with none left fails at once", async () => {
  pool = new WorkerPool<string, string>(MODULE, 2, null);
  expect(await pool.run("a")).toBe("A");
  await expect(pool.run("exit")).rejects.toThrow(/unstable-worker\.ts stopped with exit code 3/u);
  expect(await pool.run("b")).toBe("B");
  await expect(pool.run("exit")).rejects.toBeInstanceOf(WorkerDiedError);
  await expect(pool.run("c")).rejects.toThrow(/stopped/u);
  // Waiting for a free worker ends: there is none, and `run` says so.
  await pool.whenFree(1);
  expect(pool.saturated(1)).toBe(false);
});

test("an error thrown outside any request stops the worker and fails what it had in hand", async () => {
  pool = new WorkerPool<string, string>(MODULE, 1, null);
  const waiting = pool.whenFree(1);
  await expect(pool.run("throw")).rejects.toThrow(/unstable-worker\.ts stopped: boom outside any request/u);
  await waiting;
  await expect(pool.run("d")).rejects.toBeInstanceOf(WorkerDiedError);
});

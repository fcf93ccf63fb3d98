/**
 * A process for the lock tests. `hold CACHE OUT`: takes the lock, prints
 * "locked", holds it until killed. `race CACHE OUT ROUNDS`: takes and releases
 * the lock ROUNDS times, starting when the file CACHE/go appears (so that
 * the racers start together); inside, it creates a holder file that must not exist
 * (another holder at the same time) and prints one line per such overlap.
 */
import { existsSync } from "node:fs";
import { open, rm } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { lockOutput } from "../src/output/output-lock.ts";

const [mode, cacheDir = "", outDir = "", rounds = "0"] = process.argv.slice(2);
if (mode === "hold") {
  await lockOutput(cacheDir, outDir, { wait: false });
  console.log("locked");
  await sleep(600_000);
} else {
  const holder = path.join(cacheDir, "holder");
  console.log("ready");
  while (!existsSync(path.join(cacheDir, "go"))) await sleep(1);
  for (let round = 0; round < Number(rounds); round++) {
    const release = await lockOutput(cacheDir, outDir, { wait: true });
    try {
      const handle = await open(holder, "wx");
      await handle.close();
      await sleep(Math.random() * 5);
      await rm(holder);
    } catch {
      console.log(`overlap in round ${round}`);
    }
    await release();
  }
  console.log("done");
}

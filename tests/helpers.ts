/** Shared test set-up: parse options, fixture folders, temporary directories. */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SeedOptions } from "../src/ingest/parse-seed.ts";

export const SEED_OPTIONS: SeedOptions = { defaultSection: "national", timeZone: "Asia/Phnom_Penh" };

export const PROJECT_ROOT = fileURLToPath(new URL("../", import.meta.url));
export const PARSE_FIXTURES = path.join(PROJECT_ROOT, "tests/fixtures/parse");
export const REAL_SEED = path.join(PROJECT_ROOT, "seeds/000_e0ac2be6c21d23bc.txt");

/** `UPDATE=1 npm test` rewrites expected fixture outputs; review them in the diff. */
export const UPDATE = process.env["UPDATE"] === "1";

export interface Fixture {
  name: string;
  dir: string;
  /** `seed.txt` or `seed.md`. */
  seedFile: string;
}

export async function parseFixtures(): Promise<Fixture[]> {
  const names = (await readdir(PARSE_FIXTURES)).sort();
  return Promise.all(
    names.map(async (name) => {
      const dir = path.join(PARSE_FIXTURES, name);
      const seedFile = (await readdir(dir)).find((file) => file.startsWith("seed."));
      if (seedFile === undefined) throw new Error(`fixture ${name} has no seed file`);
      return { name, dir, seedFile };
    }),
  );
}

export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "ppp-test-"));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

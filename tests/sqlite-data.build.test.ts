/** `--sqlite`: every record in one SQLite file, searchable by full text, the same bytes for the same records, and rebuilt only when they change. */
import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, test } from "vitest";
import { build } from "../src/build.ts";
import { writeSqlite } from "../src/render/sqlite-data.ts";
import { hashTree, readArchiveData, scrapedPage, withTempDir } from "./helpers.ts";

const story = (n: number, extra = ""): string =>
  scrapedPage({
    headline: `Irrigation canal ${n} opens`,
    header: ["By Sok Dara", `Publication date ${n} June 20${10 + n} | 09:00 | ICT`],
    body: [`Farmers in district ${n} will get water all year.${extra}`],
  });

describe("data/archive.sqlite", () => {
  test("holds every record as the JSON files do, with a full-text index; same records, same bytes", async () => {
    await withTempDir(async (dir) => {
      const seedsDir = path.join(dir, "seeds");
      await mkdir(seedsDir);
      for (const n of [1, 2, 3]) await writeFile(path.join(seedsDir, `canal-${n}.txt`), story(n));
      const outDir = path.join(dir, "site");
      await build({ seedsDir, outDir, quiet: true, sqlite: true });
      const file = path.join(outDir, "data", "archive.sqlite");
      const db = new DatabaseSync(file, { readOnly: true });
      try {
        const rows = db.prepare("SELECT record FROM articles ORDER BY rowid").all();
        expect(rows.map((row) => JSON.parse(String(row["record"])))).toEqual(await readArchiveData(outDir));
        const found = db
          .prepare(
            "SELECT a.headline, a.year, a.authors FROM articles_text JOIN articles a ON a.rowid = articles_text.rowid WHERE articles_text MATCH ?",
          )
          .all("district AND 2");
        expect(found).toEqual([{ headline: "Irrigation canal 2 opens", year: 2012, authors: '["Sok Dara"]' }]);
      } finally {
        db.close();
      }

      // A build with nothing changed carries the file over; an edit writes it anew; a clean build makes the same bytes.
      const first = await stat(file);
      expect((await build({ seedsDir, outDir, quiet: true, sqlite: true })).upToDate).toBe(true);
      await writeFile(path.join(seedsDir, "canal-2.txt"), story(2, " Pumps run at night."));
      await build({ seedsDir, outDir, quiet: true, sqlite: true });
      expect((await stat(file)).ino).not.toBe(first.ino);
      const clean = path.join(dir, "clean");
      await build({ seedsDir, outDir: clean, quiet: true, sqlite: true });
      expect(await hashTree(outDir)).toBe(await hashTree(clean));

      // Without the flag the next build publishes no SQLite file.
      await build({ seedsDir, outDir, quiet: true });
      await expect(stat(file)).rejects.toThrow(/ENOENT/u);
    });
  });

  test("is written whether or not the data folder exists yet (the years' files are written beside it)", async () => {
    await withTempDir(async (dir) => {
      const file = path.join(dir, "site", "data", "archive.sqlite");
      await writeSqlite([], file);
      const db = new DatabaseSync(file, { readOnly: true });
      expect(db.prepare("SELECT count(*) AS n FROM articles").get()?.["n"]).toBe(0);
      db.close();
    });
  });
});

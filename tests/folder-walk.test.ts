/**
 * Folders the build walks (the published site, `static/`) may hold a link
 * to a folder above them, put there by hand: the walk lists the link and
 * never follows it, where Node's recursive readdir descends until ELOOP,
 * branching at every level.
 */
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { siteStamps } from "../src/incremental/site-stamps.ts";
import { findStaticFiles } from "../src/render/static-files.ts";
import { withTempDir } from "./helpers.ts";

/** `top/site/notes.txt`, `top/site/a/b.css`, and two links in the site to `top` and to the site itself. */
async function loopingSite(top: string): Promise<string> {
  const site = path.join(top, "site");
  await mkdir(path.join(site, "a"), { recursive: true });
  await writeFile(path.join(site, "notes.txt"), "notes");
  await writeFile(path.join(site, "a", "b.css"), "p{}");
  await symlink(top, path.join(site, "up"));
  await symlink(site, path.join(site, "a", "again"));
  return site;
}

describe("walking a folder with links to folders above it", () => {
  test("the site's stamps list each link once, as a file, and nothing through it", async () => {
    await withTempDir(async (top) => {
      const site = await loopingSite(top);
      expect(Object.keys(siteStamps(site).files).sort()).toEqual(["a/again", "a/b.css", "notes.txt", "up"]);
    });
  });

  test("static files are the real files only", async () => {
    await withTempDir(async (top) => {
      const dir = await loopingSite(top);
      const found = await findStaticFiles(dir, [], top);
      expect(found.files.map((file) => file.target)).toEqual(["a/b.css", "notes.txt"]);
      expect(found.problems).toEqual([]);
    });
  });
});

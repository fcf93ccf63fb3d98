/**
 * Checking the published site for changes made by hand reads only the
 * folders whose stamp changed, and finds what a walk of every folder finds:
 * files edited, deleted, added, replaced by folders and back, folders
 * added and removed, links.
 */
import { appendFile, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { changedFiles } from "../src/incremental/build-state.ts";
import { changesSince, siteStamps, stampsIn, withChanges } from "../src/incremental/site-stamps.ts";
import { withTempDir } from "./helpers.ts";

const FILES = [
  "index.html",
  "style.css",
  "national/index.html",
  "national/a/index.html",
  "national/b/index.html",
  "national/b/photo.jpg",
  "tag/x/index.html",
  "tag/x/page/2/index.html",
];

async function site(dir: string): Promise<void> {
  for (const file of FILES) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), `<p>${file}</p>`);
  }
}

const sorted = (stamps: Record<string, unknown>): [string, unknown][] =>
  Object.entries(stamps).sort(([a], [b]) => (a < b ? -1 : 1));

/** Hand changes, each applied to a fresh site after it was stamped. */
const CHANGES: Record<string, (dir: string) => Promise<void>> = {
  nothing: async () => undefined,
  "a page edited in place": (dir) => appendFile(path.join(dir, "national/a/index.html"), "<p>more</p>"),
  "a page deleted": (dir) => rm(path.join(dir, "national/b/index.html")),
  "a file added beside a page": (dir) => writeFile(path.join(dir, "national/a/notes.txt"), "notes"),
  "a file added at the top": (dir) => writeFile(path.join(dir, "CNAME"), "example.org"),
  "a folder of folders added": async (dir) => {
    await mkdir(path.join(dir, "extra/deep"), { recursive: true });
    await writeFile(path.join(dir, "extra/deep/page.html"), "<p>extra</p>");
  },
  "a folder removed": (dir) => rm(path.join(dir, "tag/x/page"), { recursive: true }),
  "a file replaced by a folder": async (dir) => {
    await rm(path.join(dir, "style.css"));
    await mkdir(path.join(dir, "style.css"));
    await writeFile(path.join(dir, "style.css/inner.css"), "p{}");
  },
  "a folder replaced by a file": async (dir) => {
    await rm(path.join(dir, "national/a"), { recursive: true });
    await writeFile(path.join(dir, "national/a"), "flat");
  },
  "a link to a folder above": (dir) => symlink(dir, path.join(dir, "national/up")),
  "a file replaced by a link to a folder": async (dir) => {
    await rm(path.join(dir, "tag/x/index.html"));
    await symlink(path.join(dir, "national"), path.join(dir, "tag/x/index.html"));
  },
};

describe("the published site's stamps since a build", () => {
  for (const [name, change] of Object.entries(CHANGES)) {
    test(`are a full walk's after ${name}`, async () => {
      await withTempDir(async (dir) => {
        await site(dir);
        const { files, folders } = siteStamps(dir);
        expect(Object.keys(folders).sort()).toEqual([
          "",
          "national",
          "national/a",
          "national/b",
          "tag",
          "tag/x",
          "tag/x/page",
          "tag/x/page/2",
        ]);
        await change(dir);
        const walked = siteStamps(dir).files;
        const changes = changesSince(dir, stampsIn(files), folders);
        expect(sorted(withChanges(files, changes))).toEqual(sorted(walked));
        expect([...changes.keys()].sort()).toEqual([...changedFiles(files, walked)].sort());
      });
    });
  }

  test("are the stamps left, the same object, when nothing changed", async () => {
    await withTempDir(async (dir) => {
      await site(dir);
      const { files, folders } = siteStamps(dir);
      expect(withChanges(files, changesSince(dir, stampsIn(files), folders))).toBe(files);
    });
  });

  test("read no folder whose stamp is as it was", async () => {
    await withTempDir(async (dir) => {
      await site(dir);
      const { files, folders } = siteStamps(dir);
      // A file the walk would find, but whose folder's stamp says it was never added: only a walk sees it.
      const stale = { ...folders };
      await writeFile(path.join(dir, "national/b/added.txt"), "added");
      stale["national/b"] = siteStamps(dir).folders["national/b"] ?? [0, 0];
      expect([...changesSince(dir, stampsIn(files), stale).keys()]).toEqual([]);
      expect([...changesSince(dir, stampsIn(files), folders).keys()]).toEqual(["national/b/added.txt"]);
    });
  });
});

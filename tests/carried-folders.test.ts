/**
 * Stamping the site a build has just published passes over the folders of
 * pages carried over alone in their folder (an article's): their stamps are
 * known, and reading a million such folders took most of a rebuild.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { type SiteStamps, changesSince, siteStamps, stampsIn } from "../src/incremental/site-stamps.ts";
import { stampCarried } from "../src/incremental/carried-stamps.ts";
import type { PreviousBuild } from "../src/incremental/changed-pages.ts";
import { carriedPageFolders } from "../src/incremental/carried-folders.ts";
import { withTempDir } from "./helpers.ts";

const stamp = (n: number): [number, number, number] => [n, n, n];

describe("folders a build need not read again", () => {
  const published: SiteStamps = {
    "index.html": stamp(1),
    "national/index.html": stamp(2),
    "national/a/index.html": stamp(3),
    "national/b/index.html": stamp(4),
    "national/b/notes.txt": stamp(5),
    "tag/x/index.html": stamp(6),
    "tag/x/page/2/index.html": stamp(7),
    "national/c/index.html": stamp(8),
  };

  test("are the folders of carried pages that held nothing else", () => {
    const carried = Object.keys(published).filter((file) => file !== "national/c/index.html");
    expect([...carriedPageFolders(published, carried)].sort()).toEqual(["national/a", "tag/x/page/2"]);
  });

  test("their pages are stamped as known, and a page rendered inside one is found by name", async () => {
    await withTempDir(async (site) => {
      for (const file of ["national/a/index.html", "national/a/page/2/index.html", "national/c/index.html"]) {
        await mkdir(path.dirname(path.join(site, file)), { recursive: true });
        await writeFile(path.join(site, file), "<p>page</p>");
      }
      const known = { "national/a/index.html": stamp(3) };
      const settled = new Set(["national/a"]);
      const stamps = siteStamps(site, known, settled, ["national/a/page/2/index.html", "national/c/index.html"]).files;
      expect(Object.keys(stamps).sort()).toEqual([
        "national/a/index.html",
        "national/a/page/2/index.html",
        "national/c/index.html",
      ]);
      expect(stamps["national/a/index.html"]).toEqual(stamp(3));
      expect(stamps["national/c/index.html"]?.[1]).toBe("<p>page</p>".length);
      // Without the name, a page inside a folder passed over is not seen.
      expect(Object.keys(siteStamps(site, known, settled).files)).not.toContain("national/a/page/2/index.html");
    });
  });
});

describe("folders of carried pages stamped while the build renders", () => {
  test("are stamped as the finished site's walk stamps them; one given an entry afterwards is read by the next build", async () => {
    await withTempDir(async (dir) => {
      const site = path.join(dir, "site");
      const pages = ["index.html", "national/a/index.html", "national/b/index.html"];
      for (const file of pages) {
        await mkdir(path.dirname(path.join(site, file)), { recursive: true });
        await writeFile(path.join(site, file), "<p>page</p>");
      }
      const published = siteStamps(site).files;
      const last = { state: {}, published, changed: new Set<string>() } as unknown as PreviousBuild;
      const early = await stampCarried(site, last, ["national/a/index.html", "national/b/index.html"]);
      expect([...early.settled].sort()).toEqual(["national/a", "national/b"]);
      const { "index.html": _top, ...carriedPages } = published;
      expect(early.known).toEqual(carriedPages);

      // The build then writes a page into one of them (a list's second page, say).
      await mkdir(path.join(site, "national/b/page/2"), { recursive: true });
      await writeFile(path.join(site, "national/b/page/2/index.html"), "<p>page 2</p>");
      const { files, folders } = siteStamps(
        site,
        early.known,
        early.settled,
        ["national/b/page/2/index.html"],
        early.folders,
      );
      expect(folders["national/a"]).toEqual(siteStamps(site).folders["national/a"]);
      expect(folders["national/b"]).not.toEqual(siteStamps(site).folders["national/b"]);

      // A file added by hand in either folder afterwards is found.
      await writeFile(path.join(site, "national/a/notes.txt"), "by hand");
      await writeFile(path.join(site, "national/b/notes.txt"), "by hand");
      expect([...changesSince(site, stampsIn(files), folders).keys()].sort()).toEqual([
        "national/a/notes.txt",
        "national/b/notes.txt",
      ]);
    });
  });
});

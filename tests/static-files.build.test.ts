/** The site's own files: `static/` is copied into every site; a file put into the site by hand is named, not lost silently. */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { build } from "../src/build.ts";
import { scrapedPage, withTempDir } from "./helpers.ts";

describe("static files", () => {
  test("are copied as they are, kept up to date, never over the archive's own; hand-added files get a warning", async () => {
    await withTempDir(async (dir) => {
      const seedsDir = path.join(dir, "seeds");
      const staticDir = path.join(dir, "static");
      const outDir = path.join(dir, "site");
      await mkdir(seedsDir);
      await mkdir(path.join(staticDir, ".well-known"), { recursive: true });
      await writeFile(
        path.join(seedsDir, "a.txt"),
        scrapedPage({ headline: "Rice exports rise", body: ["Exports rose in April."] }),
      );
      await writeFile(path.join(staticDir, "CNAME"), "archive.example.org\n");
      await writeFile(path.join(staticDir, ".well-known", "security.txt"), "Contact: mailto:desk@example.org\n");
      await writeFile(path.join(staticDir, "robots.txt"), "User-agent: *\n");
      const options = { seedsDir, outDir, staticDir, quiet: true };

      const first = await build(options);
      expect(await readFile(path.join(outDir, "CNAME"), "utf8")).toBe("archive.example.org\n");
      expect(await readFile(path.join(outDir, ".well-known", "security.txt"), "utf8")).toMatch(/^Contact:/u);
      expect(await readFile(path.join(outDir, "robots.txt"), "utf8")).not.toBe("User-agent: *\n");
      expect(first.problems.map((p) => p.message)).toContain(
        "static file `robots.txt` is not copied: the archive has its own `/robots`",
      );

      // An edit to a static file alone is a change the next build publishes.
      await writeFile(path.join(staticDir, "CNAME"), "news.example.org\n");
      const second = await build(options);
      expect(second.upToDate).toBe(false);
      expect(await readFile(path.join(outDir, "CNAME"), "utf8")).toBe("news.example.org\n");

      await writeFile(path.join(outDir, "google1234.html"), "google-site-verification: google1234.html\n");
      const third = await build(options);
      expect(third.problems.map((p) => `${p.message} | ${p.hint}`)).toContain(
        `\`google1234.html\` was put into the published site by hand and is not in the new one | put it in ${staticDir}/: every build copies that folder into the site as it is`,
      );
    });
  });
});

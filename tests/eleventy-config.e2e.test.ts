/**
 * The project's `eleventy.config.ts` is an Eleventy config like any other:
 * what a site adds in it reaches the templates of a build, and Eleventy's own
 * command line loads it.
 */
import { execFile } from "node:child_process";
import { cp, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { build } from "../src/build.ts";
import { PROJECT_ROOT, REAL_SEED, withTempDir } from "./helpers.ts";
import { readPage } from "./html.ts";

const runFile = promisify(execFile);

describe("eleventy.config.ts", () => {
  test("a filter and a shortcode added in a config that extends the project's are usable in its templates", async () => {
    await withTempDir(async (dir) => {
      const seeds = path.join(dir, "seeds");
      await mkdir(seeds);
      await cp(REAL_SEED, path.join(seeds, path.basename(REAL_SEED)));
      const templates = path.join(dir, "templates");
      await cp(path.join(PROJECT_ROOT, "templates"), templates, { recursive: true });
      const article = path.join(templates, "article.njk");
      await writeFile(
        article,
        (await readFile(article, "utf8")).replace(
          "</article>",
          '<p class="shouted">{{ article.headline | shout }}</p><p class="stamp">{% stamp "x" %}</p></article>',
        ),
      );
      // `.mts`: outside the project there is no package.json saying "type": "module".
      const config = path.join(dir, "site.config.mts");
      await writeFile(
        config,
        [
          `import archive from ${JSON.stringify(path.join(PROJECT_ROOT, "eleventy.config.ts"))};`,
          "export default function (eleventyConfig) {",
          "  archive(eleventyConfig);",
          `  eleventyConfig.setInputDirectory(${JSON.stringify(templates)});`,
          "  eleventyConfig.addFilter('shout', (text) => text.toUpperCase());",
          "  eleventyConfig.addShortcode('stamp', (mark) => `stamped ${mark}`);",
          "}",
        ].join("\n"),
      );
      const out = path.join(dir, "site");
      const { records } = await build({ seedsDir: seeds, outDir: out, quiet: true, eleventyConfig: config });
      const record = records[0];
      const page = await readPage(out, record?.url ?? "/");
      expect(page.text(".shouted")).toBe(record?.headline.toUpperCase());
      expect(page.text(".stamp")).toBe("stamped x");
      // Still escaped: the filter's output is text, not markup.
      expect(page.all(".shouted *")).toEqual([]);

      // The config and its templates are inputs: a build with the project's config after it, and an
      // edit of the config's templates after that, render again.
      const plain = await build({ seedsDir: seeds, outDir: out, quiet: true });
      expect(plain.upToDate).toBe(false);
      expect((await readPage(out, record?.url ?? "/")).all(".shouted")).toEqual([]);
      const custom = await build({ seedsDir: seeds, outDir: out, quiet: true, eleventyConfig: config });
      expect(custom.upToDate).toBe(false);
      expect((await build({ seedsDir: seeds, outDir: out, quiet: true, eleventyConfig: config })).upToDate).toBe(true);
      await writeFile(article, (await readFile(article, "utf8")).replace('class="stamp"', 'class="stamp edited"'));
      expect((await build({ seedsDir: seeds, outDir: out, quiet: true, eleventyConfig: config })).upToDate).toBe(false);
      expect((await readPage(out, record?.url ?? "/")).all(".stamp.edited")).toHaveLength(1);
    });
  });

  test("Eleventy's own command line loads it and renders the templates without articles", async () => {
    await withTempDir(async (dir) => {
      const cli = path.join(PROJECT_ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
      await runFile(process.execPath, ["--import", "tsx", cli, "--config=eleventy.config.ts", `--output=${dir}`], {
        cwd: PROJECT_ROOT,
      });
      const written = await readdir(dir, { recursive: true });
      expect(written).toEqual(
        expect.arrayContaining(["404.html", "about/index.html", "search/index.html", "style.css", "search.js"]),
      );
      const about = await readPage(dir, "/about/");
      expect(about.text("h1")).toBe("About this archive");
      expect(about.text(".wordmark-name")).toBe("Phnom Penh Post");
    });
  });
});

/**
 * Many sections: the masthead on every page shows a bounded number of them
 * and links to the sections page, which lists them all, so the site grows
 * with the number of pages, not with pages times sections.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { toText } from "hast-util-to-text";
import { expect, test } from "vitest";
import { build } from "../src/build.ts";
import { MASTHEAD_SECTIONS } from "../src/render/navigation.ts";
import { withTempDir } from "./helpers.ts";
import { readPage } from "./html.ts";

/** An article and its crawl manifest line: the section comes from the URL it was crawled at, as a real crawl's do. */
const article = (section: string, n: number): { text: string; manifest: string } => ({
  text: [
    "---",
    `headline: Report ${n} from the ${section} desk`,
    "date: 2020-01-03",
    "---",
    "",
    `Paragraph ${n}.`,
    "",
  ].join("\n"),
  manifest: JSON.stringify({ file: `a${n}.md`, url: `https://www.phnompenhpost.com/${section}/report-${n}` }),
});

test("40 sections: the masthead shows at most a dozen and links to /sections/, which lists all 40 with counts", async () => {
  await withTempDir(async (dir) => {
    const seeds = path.join(dir, "seeds");
    await mkdir(seeds);
    const articles = [
      ...Array.from({ length: 40 }, (_, i) => article(`desk-${String(i).padStart(2, "0")}`, i)),
      // One section with three articles more, and the national section (configured).
      ...[40, 41, 42].map((i) => article("desk-39", i)),
      article("national", 99),
    ];
    for (const [i, { text }] of articles.entries()) await writeFile(path.join(seeds, `a${i === 43 ? 99 : i}.md`), text);
    await writeFile(path.join(seeds, "crawl.jsonl"), articles.map(({ manifest }) => manifest).join("\n"));
    const out = path.join(dir, "site");
    const { records } = await build({ seedsDir: seeds, outDir: out, quiet: true });
    const page = await readPage(out, records[0]?.url ?? "/");
    const links = page.all(".sections a").map((a) => toText(a));
    expect(links.length).toBe(MASTHEAD_SECTIONS + 1);
    expect(links.at(-1)).toBe("All sections");
    // Configured sections, then the largest, shown in navigation order.
    expect(links[0]).toBe("National");
    expect(links).toContain("Desk 39");
    expect(links.slice(1, -2)).toEqual([...links.slice(1, -2)].sort());
    const all = await readPage(out, "/sections/");
    const listed = all.all(".section-list a").map((a) => toText(a));
    expect(listed).toHaveLength(41);
    expect(all.text(".section-list")).toContain("Desk 39 (4 articles)");
    expect(all.all('.sections a[aria-current="page"]').map((a) => toText(a))).toEqual(["All sections"]);
  });
});

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

const article = (section: string, n: number): string =>
  [
    "---",
    `headline: Report ${n} from the ${section} desk`,
    `section: ${section}`,
    "date: 2020-01-03",
    "---",
    "",
    `Paragraph ${n}.`,
    "",
  ].join("\n");

test("40 sections: the masthead shows at most a dozen and links to /sections/, which lists all 40 with counts", async () => {
  await withTempDir(async (dir) => {
    const seeds = path.join(dir, "seeds");
    await mkdir(seeds);
    for (let i = 0; i < 40; i++)
      await writeFile(path.join(seeds, `a${i}.md`), article(`desk-${String(i).padStart(2, "0")}`, i));
    // The national section (configured) and one section with three articles.
    for (let i = 40; i < 43; i++) await writeFile(path.join(seeds, `a${i}.md`), article("desk-39", i));
    await writeFile(path.join(seeds, "n.md"), article("national", 99));
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

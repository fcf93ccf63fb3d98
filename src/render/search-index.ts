/**
 * The Pagefind full-text index, written from the records through Pagefind's
 * Node API as custom records: headline, byline, caption and body only, so
 * navigation and footers never enter the index, and no HTML is re-parsed.
 */
import path from "node:path";
import * as pagefind from "pagefind";
import type { ArticleView } from "./article-view.ts";
import { withBase } from "./urls.ts";

const KHMER_RUN = /[\p{Script=Khmer}\u200B]+/gu;
const KHMER_WORDS = new Intl.Segmenter("km", { granularity: "word" });

/**
 * Pagefind splits words on whitespace; Khmer is written without spaces, so
 * each Khmer run is split into dictionary words here (the search page does
 * the same to queries). Other text is left as it is.
 */
export function segmentForSearch(text: string): string {
  return text.replace(KHMER_RUN, (run) =>
    Array.from(KHMER_WORDS.segment(run.replace(/\u200B/g, " ")), (s) => s.segment.trim())
      .filter((word) => word !== "")
      .join(" "),
  );
}

/** Year filter value for undated articles. */
export const UNDATED = "Undated";

export function searchRecord(article: ArticleView, pathPrefix: string): pagefind.CustomRecord {
  const { record, summary } = article;
  const text = [
    record.headline,
    record.byline ?? "",
    record.photo?.caption ?? "",
    record.photo?.credit ?? "",
    ...record.body,
  ];
  return {
    url: withBase(record.url, pathPrefix),
    // One index for the whole archive, so an English search page also finds Khmer articles.
    language: "en",
    content: segmentForSearch(text.filter((part) => part !== "").join("\n")),
    meta: {
      title: record.headline,
      date: summary.displayDate,
      section: summary.section.text,
      lang: record.language,
    },
    filters: {
      section: [summary.section.text],
      author: record.authors,
      year: [record.date?.slice(0, 4) ?? UNDATED],
    },
    // ISO dates sort as text; undated articles sort last when newest come first.
    sort: { date: record.date ?? "0000" },
  };
}

/** Records sent to the Pagefind service at once: it indexes while the next requests arrive. */
const BATCH = 200;

/** Writes `<outDir>/pagefind/`. */
export async function writeSearchIndex(
  articles: readonly ArticleView[],
  outDir: string,
  pathPrefix: string,
  onRecord: () => void = () => {},
): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  if (index === undefined) throw new Error(`search index: ${errors.join("; ")}`);
  try {
    for (let start = 0; start < articles.length; start += BATCH) {
      const batch = articles.slice(start, start + BATCH);
      const added = await Promise.all(batch.map((article) => index.addCustomRecord(searchRecord(article, pathPrefix))));
      added.forEach((result, i) => {
        if (result.errors.length > 0) {
          throw new Error(`search index, ${batch[i]?.record.source.file ?? "?"}: ${result.errors.join("; ")}`);
        }
        onRecord();
      });
    }
    const written = await index.writeFiles({ outputPath: path.join(outDir, "pagefind") });
    if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join("; ")}`);
  } finally {
    await pagefind.close();
  }
}

/**
 * Digests of what each page shows, compared with the last build's to find
 * the pages to render again. A page is a pure function of its data, given
 * the settings, base path and templates (part of the build's global key).
 * An article's summary shows on up to a dozen pages (lists, neighbours), so
 * it is hashed once and pages hash its digest: half the bytes serialized
 * for 10,000 articles.
 */
import type { ListPage } from "../archive/paginate.ts";
import { digestJson } from "../incremental/digest.ts";
import type { ArticleRecord } from "../model/record.ts";
import type { ArticleViewInput } from "./article-view.ts";
import type { ListPageAbout } from "./list-view.ts";
import { summaryInputs } from "./summary.ts";

export class PageKeys {
  readonly #records = new Map<ArticleRecord, string>();
  readonly #summaries = new Map<ArticleRecord, string>();
  readonly #input: ArticleViewInput;

  constructor(input: ArticleViewInput) {
    this.#input = input;
  }

  /**
   * A record: its seed (file, bytes and crawl entry, which with the code
   * and settings in every page's key make its parsed article, as the record
   * cache relies on), its photo (whose path depends on the files beside
   * the seed: `placeImages`) and what the archive added (slug, URLs,
   * related links). Also what search shards' and data files' keys are made
   * of. Hashing the record itself took 1.3 s of a 100,000-article rebuild.
   */
  record(record: ArticleRecord): string {
    let key = this.#records.get(record);
    if (key === undefined) {
      const { source, photo, slug, url, authorUrls, tagUrls, related } = record;
      key = digestJson([source, photo, slug, url, authorUrls, tagUrls, related.map((item) => item.url)]);
      this.#records.set(record, key);
    }
    return key;
  }

  /**
   * An article as lists and neighbours show it: its summary and its photo's
   * small rendition. The key holds what `summarize` reads (`summaryInputs`)
   * rather than the summary itself: teasers and dates are pure functions of
   * these (and of the section names, which every page's key holds), and
   * making 100,000 summaries took 2.7 s of a rebuild.
   */
  #summary(record: ArticleRecord): string {
    let key = this.#summaries.get(record);
    if (key === undefined) {
      const image = this.#input.imagesByFile.get(record.source.file) ?? null;
      key = digestJson([summaryInputs(record), image]);
      this.#summaries.set(record, key);
    }
    return key;
  }

  /**
   * The article page at position `i`: its record, its neighbours' summaries
   * and its image.
   */
  article(i: number): string {
    const { archive, imagesByFile } = this.#input;
    const record = archive.records[i];
    if (record === undefined) throw new Error(`internal: no article at ${i}`);
    const neighbours = archive.neighbours[i];
    const summary = (other: ArticleRecord | null | undefined): string | null =>
      other === null || other === undefined ? null : this.#summary(other);
    return digestJson([
      this.record(record),
      summary(neighbours?.older),
      summary(neighbours?.newer),
      (neighbours?.moreInSection ?? []).map((other) => this.#summary(other)),
      imagesByFile.get(record.source.file) ?? null,
    ]);
  }

  /** A list page: its view without the cards, and the summary of each card's article. */
  list(about: ListPageAbout, page: ListPage): string {
    return digestJson([about, page.records.map((record) => this.#summary(record))]);
  }
}

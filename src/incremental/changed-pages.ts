/**
 * What a build must make again, given the build that published the site:
 * a page or search shard is reused when its digest and everything all pages
 * share are as they were, and its files were not changed by hand since.
 */
import type { ArticleRecord } from "../model/record.ts";
import type { BuildState } from "./build-state.ts";
import type { PublishedRecords } from "./record-lines.ts";

export interface PreviousBuild {
  state: BuildState;
  /** Files of the published site changed, added or deleted since that build (by hand). */
  changed: ReadonlySet<string>;
}

/**
 * The URLs among `pages` (URL -> digest of what the page shows) to render;
 * the others can be linked from the published site.
 */
export function pagesToRender(
  pages: ReadonlyMap<string, string>,
  globalsKey: string,
  previous: PreviousBuild | null,
): Set<string> {
  const reusable = previous !== null && previous.state.globalsKey === globalsKey ? previous.state.pages : {};
  const toRender = new Set<string>();
  for (const [url, key] of pages) {
    const intact = previous !== null && !previous.changed.has(`${url.slice(1)}index.html`);
    if (!(intact && reusable[url] === key)) toRender.add(url);
  }
  return toRender;
}

/** The search shards among `shards` (name -> digest of its records) to index again. */
export function shardsToIndex(shards: Readonly<Record<string, string>>, previous: PreviousBuild | null): Set<string> {
  const changed = [...(previous?.changed ?? [])];
  return new Set(
    Object.entries(shards)
      .filter(([name, key]) => {
        const intact = !changed.some((file) => file.startsWith(`pagefind/${name}/`));
        return !(previous?.state.search[name] === key && intact);
      })
      .map(([name]) => name),
  );
}

/**
 * The files of an output made from inputs with digest `key` (say, the
 * sitemap's), when the last build made them from the same and none was
 * changed by hand since, so they can be linked; else null.
 */
export function filesToCarryOver(
  key: string,
  previousKey: string | undefined,
  files: (file: string) => boolean,
  previous: PreviousBuild | null,
): string[] | null {
  if (previous === null || previousKey !== key) return null;
  const made = Object.keys(previous.state.files).filter(files);
  return made.length > 0 && !made.some((file) => previous.changed.has(file)) ? made : null;
}

/**
 * The published records file (`file`, `relative` to the site) to copy
 * unchanged records from: when everything pages share is as it was and the
 * file was not changed by hand. Record `i` is the one on its line `i` when
 * the last build's `i`-th page key (records come first, in archive order)
 * is for the same URL and equal to this build's.
 */
export function publishedRecords(
  file: string,
  relative: string,
  pages: ReadonlyMap<string, string>,
  globalsKey: string,
  previous: PreviousBuild | null,
): PublishedRecords | null {
  if (previous === null || previous.state.globalsKey !== globalsKey || previous.changed.has(relative)) return null;
  const keys = previous.state.pages;
  const order = Object.keys(keys);
  return {
    file,
    same: (i: number, record: ArticleRecord) => order[i] === record.url && keys[record.url] === pages.get(record.url),
  };
}

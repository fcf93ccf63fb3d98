/**
 * What a build must make again, given the build that published the site:
 * a page or search shard is reused when its digest and everything all pages
 * share are as they were, and its files were not changed by hand since.
 */
import path from "node:path";
import type { BuildState, SiteStamps } from "./build-state.ts";

export interface PreviousBuild {
  state: BuildState;
  /** The files of the published site as they are now. */
  published: SiteStamps;
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

/** The files of the pages at `urls` (`/a/b/` -> `a/b/index.html`), relative to the site. */
export function pageFiles(urls: readonly string[]): string[] {
  return urls.map((url) => path.posix.join(url.slice(1), "index.html"));
}

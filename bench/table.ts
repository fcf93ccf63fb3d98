/** The benchmark's rows and the Markdown table `run.ts` prints and saves. */
import type { SearchRun } from "./search.ts";

export interface Run {
  seconds: number;
  peakRssMb: number;
}

export interface Row {
  articles: number;
  /** `disk` or `RAM disk`. */
  storage: string;
  ours: Run;
  hugo: Run | null;
  /** Pagefind over Hugo's output, run after it. */
  pagefind: Run | null;
  noChange: Run;
  /** A paragraph added to one seed's body. */
  oneEdited: Run;
  /** Then another seed's headline changed; absent in rows measured before it was. */
  retitled?: Run;
  /** The site and the build's cache beside it, hard links counted once. */
  diskMb: number;
  /** A query on the site's search page in Chromium (`search.ts`). */
  search: SearchRun;
}

/** Hugo and then Pagefind: their times add up, memory is the larger of the two peaks. */
export function hugoPagefind(row: Row): Run | null {
  if (row.hugo === null || row.pagefind === null) return null;
  return {
    seconds: Math.round((row.hugo.seconds + row.pagefind.seconds) * 100) / 100,
    peakRssMb: Math.max(row.hugo.peakRssMb, row.pagefind.peakRssMb),
  };
}

export function table(rows: readonly Row[]): string {
  const header =
    "| articles | storage | full build | peak RSS | Hugo + Pagefind | ours ÷ (Hugo + Pagefind) | Hugo | ours ÷ Hugo | no-change rebuild | one paragraph edited | one headline edited | ms per article | disk (site + cache) | search: results after load |";
  const rule = "| ---: | :-- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
  const lines = rows.map((r) => {
    const pair = hugoPagefind(r);
    return [
      r.articles.toLocaleString("en"),
      r.storage,
      `${r.ours.seconds} s`,
      `${r.ours.peakRssMb} MB`,
      pair === null ? "n/a" : `${pair.seconds} s (${pair.peakRssMb} MB)`,
      pair === null ? "n/a" : `${(r.ours.seconds / pair.seconds).toFixed(2)}×`,
      r.hugo === null ? "n/a" : `${r.hugo.seconds} s (${r.hugo.peakRssMb} MB)`,
      r.hugo === null ? "n/a" : `${(r.ours.seconds / r.hugo.seconds).toFixed(1)}×`,
      `${r.noChange.seconds} s (${(r.noChange.seconds / r.ours.seconds).toFixed(2)}×)`,
      `${r.oneEdited.seconds} s (${(r.oneEdited.seconds / r.ours.seconds).toFixed(2)}×)`,
      r.retitled === undefined
        ? "n/a"
        : `${r.retitled.seconds} s (${(r.retitled.seconds / r.ours.seconds).toFixed(2)}×)`,
      ((r.ours.seconds * 1000) / r.articles).toFixed(2),
      r.diskMb === undefined ? "n/a" : `${r.diskMb.toLocaleString("en")} MB`,
      r.search === undefined
        ? "n/a"
        : `${(r.search.shownMs / 1000).toFixed(2)} s, ${r.search.requests} requests, ${r.search.kb} KB`,
    ].join(" | ");
  });
  return [header, rule, ...lines.map((line) => `| ${line} |`)].join("\n");
}

/**
 * How much V8 lets the old generation grow past what its last full
 * collection kept before collecting again. By default it may about double:
 * at 100,000 articles (1.4 GB live) a build's resident memory reached
 * 3.4 GB, over 1 GB of it garbage, and at 10,000 the build with its search
 * indexers passed 1 GB. The command line sets the factor as a build starts,
 * and again once its seeds have parsed, from the size of the archive (measured on
 * /dev/shm, peak RSS of the build and its indexers, wall time):
 *
 * - 100,000 articles: default 4.24 GB, 136–141 s; 30 % 3.27 GB, 143 s.
 * - 10,000 articles: default 1.05–1.08 GB, 15.1–15.2 s; 100 % 0.89–0.93 GB,
 *   15.7–15.9 s; 30 % 0.79–0.84 GB, 16.7–17.8 s (worker threads, with small
 *   heaps, collect far more often then).
 *
 * The setting is process-wide: it stays for later builds in the same process.
 */
import { setFlagsFromString } from "node:v8";

/** From this many articles the heap grows by 30 % between full collections, below it by 100 %. */
const LARGE_ARCHIVE = 50_000;

/** `articles`: the archive's size, once known. */
export function useLeanHeap(articles = 0): void {
  setFlagsFromString(`--heap-growing-percent=${articles >= LARGE_ARCHIVE ? 30 : 100}`);
}

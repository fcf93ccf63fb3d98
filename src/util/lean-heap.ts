/**
 * How much V8 lets the old generation grow past what its last full
 * collection kept before collecting again. By default it may about double:
 * at 100,000 articles (1.4 GB live) a build's resident memory reached
 * 3.4 GB, over 1 GB of it garbage, and at 10,000 the build with its search
 * indexers passed 1 GB. The command line sets the factor as a build starts,
 * again once its seeds have parsed, and once it knows what it renders
 * (measured on /dev/shm, peak RSS of the build and its indexers, wall time):
 *
 * - 100,000 articles, full build: default 4.24 GB, 136–141 s; 30 % 3.27 GB, 143 s.
 * - 10,000 articles, full build: default 1.05–1.08 GB, 15.1–15.2 s; 100 %
 *   0.89–0.93 GB, 15.7–15.9 s; 30 % 0.79–0.84 GB, 16.7–17.8 s (worker
 *   threads, with small heaps, collect far more often then).
 * - 100,000 articles, a rebuild after one edit (`bench/phases.ts`, three
 *   each, alternating): 30 % 25.3–27.7 s and 1.28–1.34 GB; default
 *   20.6–25.2 s and 1.55–1.62 GB.
 *
 * The setting is process-wide: it stays for later builds in the same process.
 */
import { setFlagsFromString } from "node:v8";

/** From this many seeds parsed, or pages rendered, a build's heap grows by 30 % between full collections. */
const LARGE = 50_000;
/** An archive this large is held with the lean heap however little of it a build parses or renders. */
const HELD_LEAN = 200_000;

/** Growth by 30 % (`lean`) or 100 % between full collections. */
export function useLeanHeap(lean = false): void {
  setFlagsFromString(`--heap-growing-percent=${lean ? 30 : 100}`);
}

/**
 * Once the seeds have parsed: lean when this build parsed many (a first
 * build, or one after the code changed) or holds a very large archive. A
 * rebuild that found most seeds in the record cache holds their heads
 * only, and collects less often until it knows what it renders.
 */
export function heapAfterParsing(articles: number, parsed: number): void {
  useLeanHeap(parsed >= LARGE || articles >= HELD_LEAN);
}

/** Once the build knows how many pages it renders: lean when they are many (a new base path, say). */
export function heapWhenPlanned(pagesToRender: number): void {
  if (pagesToRender >= LARGE) useLeanHeap(true);
}

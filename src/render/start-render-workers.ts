/**
 * The threads that render pages, started as soon as the seeds have parsed:
 * each loads Eleventy and the templates' code (about half a second of one
 * core) while the main thread assembles the archive and compares it with
 * the last build, so it is ready when the first run of pages is.
 */
import { WorkerPool } from "../util/worker-pool.ts";
import type { EleventyRun } from "./run-eleventy.ts";

export type RenderPool = WorkerPool<EleventyRun, void>;

/**
 * Pages per Eleventy run: bounds the memory one run holds, at a small cost
 * per run. 10,000 articles on /dev/shm, peak memory of the build with its
 * indexers and wall time, three builds each: 1,000 pages 915–1,025 MB,
 * 14.3–14.5 s; 500 pages 885–933 MB, 14.1–15.1 s.
 */
export const PAGES_PER_RUN = 500;
/** Below this many articles a render thread costs more to start than it saves. */
const THREAD_FROM = 1000;

const RENDER_WORKER = new URL("./render-worker.ts", import.meta.url);

/**
 * Up to `workers` threads, one per run of pages an archive of `articles`
 * has; none when `workers` is 0 or the archive has at most `THREAD_FROM`
 * articles.
 */
export function startRenderWorkers(workers: number, articles: number): RenderPool | null {
  const runs = Math.ceil(articles / PAGES_PER_RUN);
  return workers > 0 && articles > THREAD_FROM ? new WorkerPool(RENDER_WORKER, Math.min(workers, runs), null) : null;
}

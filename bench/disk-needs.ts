/**
 * How much room a benchmark run needs, said before it starts: a million
 * articles take tens of gigabytes. Bytes per article, measured with `du`
 * after a full build and a one-edit rebuild of 3,000 synthetic articles on
 * /dev/shm (4 KB pages, as ext4's blocks): seeds 8 KB (24,000 KB), the site
 * and the build's cache 40 KB (120,588 KB); Hugo's source and output are
 * taken as the seeds' and twice that.
 */
import { statfsSync } from "node:fs";

const KB = 1024;
const PER_ARTICLE = { seeds: 8 * KB, ours: 45 * KB, hugo: 24 * KB };

/** Bytes a run of `count` articles needs, less the seeds when they are there from an earlier run. */
export function needsBytes(count: number, withHugo: boolean, seedsThere: boolean): number {
  return count * ((seedsThere ? 0 : PER_ARTICLE.seeds) + PER_ARTICLE.ours + (withHugo ? PER_ARTICLE.hugo : 0));
}

const gb = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

/** Says what the run needs and what `dir` has free; throws when it does not fit. */
export function ensureDisk(dir: string, bytes: number): void {
  const stats = statfsSync(dir);
  const free = stats.bavail * stats.bsize;
  console.log(`  needs about ${gb(bytes)} in ${dir}; ${gb(free)} free`);
  if (free < bytes) throw new Error(`not enough room in ${dir}: the run needs about ${gb(bytes)}, ${gb(free)} is free`);
}

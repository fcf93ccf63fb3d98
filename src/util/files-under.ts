/**
 * The files below a folder, as paths relative to it with `/` between
 * folders, links listed as files and never followed. Node's recursive
 * readdir descends into links to folders: one to a folder above (put into
 * the published site by hand) loops until ELOOP, branching at every level.
 */
import { fdir } from "fdir";

/** Files and links below `dir`, sorted; none when it does not exist. */
export function filesUnder(dir: string): string[] {
  return new fdir().withRelativePaths().withPathSeparator("/").crawl(dir).sync().sort();
}

/** Regular files below `dir`, without links, sorted. */
export function regularFilesUnder(dir: string): string[] {
  return new fdir({ excludeSymlinks: true }).withRelativePaths().withPathSeparator("/").crawl(dir).sync().sort();
}

/**
 * What a build can stamp of the site it is making as soon as the files it
 * carries over are in the staging folder: a carried file's stamp is the
 * published file's (a hard link), and a folder that held a carried page
 * alone (`carried-folders.ts`) is not read again, only stamped. Stamped
 * while pages render and the search index is written, when the main thread
 * mostly waits (1.3 s of a 100,000-article rebuild's 3.7 s save), in runs
 * that leave it free to feed the indexers. A folder the build gives an
 * entry afterwards (`/tag/x/page/2/` in `/tag/x/`) keeps a stamp from
 * before that change: the next build sees it changed and reads it.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { stampsOf } from "./build-state.ts";
import { carriedPageFolders } from "./carried-folders.ts";
import type { PreviousBuild } from "./changed-pages.ts";
import { type FolderStamps, type SiteStamps, folderStamp } from "./site-stamps.ts";

export interface CarriedStamps {
  /** The carried files' stamps, from the published site's. */
  known: SiteStamps;
  /** Folders of carried pages not to be read again. */
  settled: ReadonlySet<string>;
  /** The stamps of those folders in the staging folder. */
  folders: FolderStamps;
}

/** Folders stamped between turns of the event loop. */
const RUN = 2000;

export const NOTHING_CARRIED: CarriedStamps = { known: {}, settled: new Set(), folders: {} };

/** Call once `carried` are linked into `staging` (`carryOver`). */
export async function stampCarried(
  staging: string,
  last: PreviousBuild | null,
  carried: readonly string[],
): Promise<CarriedStamps> {
  if (last === null) return NOTHING_CARRIED;
  const known = stampsOf(carried, last.published);
  const settled = carriedPageFolders(last.published, carried);
  const folders: FolderStamps = {};
  let stamped = 0;
  for (const folder of settled) {
    const stamp = folderStamp(`${staging}/${folder}`);
    if (stamp !== undefined) folders[folder] = stamp;
    if (++stamped % RUN === 0) await nextTurn();
  }
  return { known, settled, folders };
}

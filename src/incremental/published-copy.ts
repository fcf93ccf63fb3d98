/**
 * A rebuild's site folder made early: when the last build kept no spare
 * site (the first rebuild after a full build), every file of the published
 * site is hard-linked into a new site folder by the thread that read the
 * last build, while this thread parses the changed seeds, assembles the
 * archive and compares digests. The build then starts from that folder as
 * from a spare site whose files are the published ones, and links only
 * what it lacks. Linking 2.3 million files took 135 s of a million-article
 * rebuild after one edit, all of it after the comparison.
 */
import type { LastBuildReading } from "./last-build.ts";
import type { PreviousBuild } from "./changed-pages.ts";
import type { ReusedStaging } from "../output/carry-over.ts";
import { removeOnExit } from "../output/interrupt.ts";
import { newBuildId } from "../output/publish.ts";
import { siteFolder } from "../output/site-link.ts";

export interface PublishedCopy {
  id: string;
  /** Whether the copy was made (false: the last build kept a spare site, or there is none). */
  done: Promise<boolean>;
  /** Stops removing the folder if the process is stopped: it is the staging folder now, or being deleted. */
  handedOver: () => void;
}

export function startCopy(reading: LastBuildReading, cacheDir: string): PublishedCopy {
  const id = newBuildId();
  const folder = siteFolder(cacheDir, id);
  const handedOver = removeOnExit(folder);
  const done = reading.copy(folder);
  done.catch(() => undefined);
  return { id, done, handedOver };
}

/** The copy as this build's spare site, when it was made and this build renders the same navigation. */
export async function copyAsSpare(
  copy: PublishedCopy | null,
  last: PreviousBuild | null,
  globalsKey: string,
): Promise<(Omit<ReusedStaging, "placed"> & { id: string }) | null> {
  if (copy === null || last === null || last.state.globalsKey !== globalsKey) return null;
  // A copy that failed half-way is an unused site folder: preparing the staging folder deletes it.
  if (!(await copy.done.catch(() => false))) return null;
  return { id: copy.id, spare: last.published, published: last.published };
}

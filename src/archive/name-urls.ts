/**
 * URLs of author and tag pages. Names that differ only in letter case,
 * accents or spacing (`Café`, `cafe`) share a page; names whose slugs
 * collide otherwise (`C++`, `C`, `c#` all slugify to `c`) get distinct pages,
 * `-2`, `-3`… in the order of their folded names, so the result depends on
 * the set of names only.
 */
import { slugify } from "../model/slugify.ts";

/** Case, accents and spacing aside: the form under which two names are the same. */
function foldName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim();
}

/** Each name -> `/<kind>/<slug>/`. */
export function nameUrls(names: Iterable<string>, kind: "author" | "tag"): Map<string, string> {
  const byFold = new Map<string, string[]>();
  for (const name of names) {
    const fold = foldName(name);
    const group = byFold.get(fold);
    if (group === undefined) byFold.set(fold, [name]);
    else if (!group.includes(name)) group.push(name);
  }
  const fallback = kind === "author" ? "unnamed" : "untitled";
  const taken = new Set<string>();
  const urls = new Map<string, string>();
  for (const fold of [...byFold.keys()].sort()) {
    const base = slugify(fold) || fallback;
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    for (const name of byFold.get(fold) ?? []) urls.set(name, `/${kind}/${slug}/`);
  }
  return urls;
}

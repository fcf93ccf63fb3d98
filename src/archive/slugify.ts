/** URL slugs from headlines, readable in any script. */
import { slug as githubSlug } from "github-slugger";

/** Long headlines make unwieldy URLs; cut at a word boundary. */
const MAX_SLUG_LENGTH = 80;

/**
 * `Sokha vows neutrality in Cambodia’s civil service` ->
 * `sokha-vows-neutrality-in-cambodias-civil-service`. Accents on Latin letters
 * are dropped (`café` -> `cafe`); Khmer and other scripts are kept as they are,
 * since their marks are part of the letters. Empty when nothing is left.
 */
export function slugify(text: string): string {
  const latinFolded = text
    .normalize("NFKD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .normalize("NFC");
  const slug = githubSlug(latinFolded)
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, "");
}

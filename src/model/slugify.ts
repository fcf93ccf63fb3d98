/** URL slugs from headlines, readable in any script. */
import { slug as githubSlug } from "github-slugger";
import { MAX_SLUG_BYTES } from "./record.ts";

/** Long headlines make unwieldy URLs; cut at a word boundary (counted in code points). */
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
  // Cut on code points, never inside a surrogate pair, and within the bytes a folder name may have.
  const points = Array.from(slug);
  let kept = 0;
  let bytes = 0;
  while (kept < points.length && kept <= MAX_SLUG_LENGTH) {
    const size = Buffer.byteLength(points[kept] ?? "");
    if (bytes + size > MAX_SLUG_BYTES) break;
    bytes += size;
    kept++;
  }
  if (kept === points.length && kept <= MAX_SLUG_LENGTH) return slug;
  const cut = points.slice(0, kept);
  const lastHyphen = cut.lastIndexOf("-");
  const whole = lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut.slice(0, Math.min(kept, MAX_SLUG_LENGTH));
  return whole.join("").replace(/-+$/, "");
}

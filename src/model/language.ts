/** The language of a text, by the script most of its letters are written in. */

const KHMER = /\p{Script=Khmer}/u;

/** `km` when Khmer letters outnumber Latin ones. */
export function detectLanguage(texts: readonly string[]): "en" | "km" {
  // Most of an archive has no Khmer at all: skip counting letters then.
  if (!texts.some((text) => KHMER.test(text))) return "en";
  let khmer = 0;
  let latin = 0;
  for (const text of texts) {
    // Removing the other letters counts without an array of one string per match.
    khmer += text.replace(/\P{Script=Khmer}+/gu, "").length;
    latin += text.replace(/\P{Script=Latin}+/gu, "").length;
  }
  return khmer > latin ? "km" : "en";
}

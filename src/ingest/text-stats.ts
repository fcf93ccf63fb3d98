/** Word count and language of article text, script-aware so Khmer (written without spaces) counts right. */

/** ICU's dictionary-based word breaking splits unspaced Khmer into words. */
const KHMER_WORDS = new Intl.Segmenter("km", { granularity: "word" });
const KHMER = /\p{Script=Khmer}/u;

/**
 * Words as a reader counts them: spaced tokens with a letter or digit
 * (`CNRP-led` is one word), and dictionary words inside Khmer runs.
 */
export function countWords(paragraphs: readonly string[]): number {
  let count = 0;
  for (const paragraph of paragraphs) {
    const khmer = KHMER.test(paragraph);
    for (const token of paragraph.split(/\s+/u)) {
      if (khmer && KHMER.test(token)) {
        for (const segment of KHMER_WORDS.segment(token)) if (segment.isWordLike === true) count++;
      } else if (/[\p{L}\p{N}]/u.test(token)) {
        count++;
      }
    }
  }
  return count;
}

/** `km` when Khmer letters outnumber Latin ones. */
export function detectLanguage(texts: readonly string[]): "en" | "km" {
  // Most of an archive has no Khmer at all: skip counting letters then.
  if (!texts.some((text) => KHMER.test(text))) return "en";
  let khmer = 0;
  let latin = 0;
  for (const text of texts) {
    khmer += text.match(/\p{Script=Khmer}/gu)?.length ?? 0;
    latin += text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  }
  return khmer > latin ? "km" : "en";
}

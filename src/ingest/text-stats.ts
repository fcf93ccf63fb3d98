/** Word count and language of article text, script-aware so Khmer (written without spaces) counts right. */

/** ICU's dictionary-based word breaking splits unspaced Khmer into words. */
const WORDS = new Intl.Segmenter("km", { granularity: "word" });

export function countWords(paragraphs: readonly string[]): number {
  let count = 0;
  for (const paragraph of paragraphs) {
    for (const segment of WORDS.segment(paragraph)) if (segment.isWordLike === true) count++;
  }
  return count;
}

/** `km` when Khmer letters outnumber Latin ones. */
export function detectLanguage(texts: readonly string[]): "en" | "km" {
  let khmer = 0;
  let latin = 0;
  for (const text of texts) {
    khmer += text.match(/\p{Script=Khmer}/gu)?.length ?? 0;
    latin += text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  }
  return khmer > latin ? "km" : "en";
}

// @ts-check
// Khmer is written without spaces between words. This one module splits it
// into dictionary words (ICU's segmenter) for the build — search index,
// excerpts, word counts — and for the search page's queries, so the index and
// the queries always agree. It is plain JavaScript because the browser loads it
// as it is from `public/`.

const segmenter = new Intl.Segmenter("km", { granularity: "word" });
const KHMER_RUN = /[\p{Script=Khmer}\u200B]+/gu;

/**
 * Word segments of `text` (any script; Khmer split by dictionary).
 * @param {string} text
 * @returns {Intl.Segments}
 */
export function wordSegments(text) {
  return segmenter.segment(text);
}

/**
 * `text` with every Khmer run (zero-width spaces included) split into words
 * joined by spaces; other text is left as it is.
 * @param {string} text
 * @returns {string}
 */
export function spaceKhmerWords(text) {
  return text.replace(KHMER_RUN, (run) =>
    Array.from(segmenter.segment(run.replace(/\u200B/g, " ")), (s) => s.segment.trim())
      .filter((word) => word !== "")
      .join(" "),
  );
}

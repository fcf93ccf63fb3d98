/**
 * News captions describe the moment in their photo in the simple present
 * (`Workers hold placards…`, `A woman prays…`), or name it without a verb
 * (`Vote counting during the elections.`); a story's lede reports in the
 * past or perfect (`officials said`, `has been moved`) or opens with a
 * clause (`As the sun rises…`). Told by compromise's part-of-speech tagger,
 * loaded on first use: most pages never ask.
 */
import { createRequire } from "node:module";

interface Term {
  text: string;
  /** Punctuation and space after the word. */
  post: string;
  tags: string[];
}
type Tagger = (text: string) => { json: () => Array<{ terms: Term[] }> };

let tagger: Tagger | null = null;

function tag(text: string): Term[] {
  tagger ??= createRequire(import.meta.url)("compromise/two") as Tagger;
  return tagger(text).json()[0]?.terms ?? [];
}

/** A lede may speak of what is still to come; a photo shows what was. */
const SCHEDULED =
  /\b(?:today|tomorrow|tonight|this\s+(?:week|weekend|month|year)|next\s+(?:week|month|year|season)|will)\b/iu;
/** A lede reports what someone said; a caption shows, and quotes nobody. */
const REPORTED = /\b(?:said|says|told|tells|according\s+to|announced|reported)\b/iu;
/** A sentence opening with a clause or a setting (`As …`, `With …`, `Despite …`) is a lede's, not a caption's. */
const CLAUSE_OPENER =
  /^(?:as|with|despite|in|when|while|after|before|over|back|from|for|at|on|this|these|it|there|if|although|though|since)\b/iu;
/** Without any verb, a caption is a short label naming what is shown and where: more than a name or a phrase. */
const MIN_VERBLESS_WORDS = 6;
const MAX_VERBLESS_WORDS = 15;

/** The first sentence of `text`. */
function firstSentence(text: string): string {
  return text.split(/(?<=[.!?]["”’]?)\s+(?=[\p{Lu}“"])/u)[0] ?? text;
}

/** Whether `text` reads as a photo's caption: its first sentence's main verb is in the simple present, or it has none. */
export function describesInPresent(text: string): boolean {
  const sentence = firstSentence(text.trim());
  // Told without the tagger where the words do: most ledes say who said so.
  if (SCHEDULED.test(sentence) || CLAUSE_OPENER.test(sentence) || REPORTED.test(sentence)) return false;
  const terms = tag(sentence);
  const head = terms[0];
  if (head === undefined || head.tags.includes("Preposition") || head.tags.includes("Conjunction")) return false;
  let present = false;
  for (let i = 0; i < terms.length; i++) {
    const { text: word, tags, post } = terms[i] as Term;
    const before = terms[i - 1];
    const after = terms[i + 1]?.text.toLowerCase();
    if (!tags.includes("Verb")) {
      // The main clause ends at a comma: what follows (`…, demanding`) may be in any tense.
      if (present && /[,;]/u.test(post)) return true;
      continue;
    }
    if (tags.includes("Gerund")) continue;
    // `a woman affected by …`, `workers seen here`: a participle describing a noun, not the sentence's verb.
    if (tags.includes("Participle") && !(before?.tags.includes("Auxiliary") ?? false)) continue;
    if (tags.includes("PastTense")) {
      if (after === "by") continue;
      // A past verb is the story's (`prices fell`), or comes after a noun the tagger took for a present verb (`exports rose`).
      return false;
    }
    if (tags.some((t) => t === "Modal" || t === "Auxiliary" || t === "Copula") || /^(?:has|have)$/iu.test(word))
      return false;
    if (present || !tags.includes("PresentTense")) continue;
    if (before?.tags.includes("Modal") || before?.text.toLowerCase() === "to") continue;
    // `plans to build`, `seek to strengthen`: an intention, which a photo cannot show.
    if (after === "to") return false;
    present = true;
  }
  if (present) return true;
  const words = sentence.split(/\s+/u).filter((word) => /\p{L}{2}/u.test(word)).length;
  return words >= MIN_VERBLESS_WORDS && words <= MAX_VERBLESS_WORDS;
}

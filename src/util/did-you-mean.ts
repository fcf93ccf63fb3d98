/** Suggestions for a mistyped name: a flag, a config key, a section. */
import { distance } from "fastest-levenshtein";

/**
 * The one of `choices` closest to `typed`, when it is close enough to be
 * what was meant (a third of its letters off at most); else null.
 */
export function didYouMean(typed: string, choices: Iterable<string>): string | null {
  const wanted = typed.toLowerCase();
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const choice of choices) {
    const d = distance(wanted, choice.toLowerCase());
    if (d < bestDistance) {
      best = choice;
      bestDistance = d;
    }
  }
  if (best === null || bestDistance === 0) return best;
  return bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : null;
}

/** `; did you mean business?`, or nothing. */
export function suggestion(typed: string, choices: Iterable<string>): string {
  const best = didYouMean(typed, choices);
  return best === null ? "" : `; did you mean ${best}?`;
}

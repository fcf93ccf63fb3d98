/**
 * Warnings as a person can read them after a build of thousands of pages:
 * each kind once, with how many seeds have it and the first few of them;
 * a kind that only a few seeds have is listed in full.
 */
import { type Problem, formatProblem } from "../model/problems.ts";

/** Up to this many warnings of one kind are listed one by one. */
const LISTED_IN_FULL = 3;
/** Seeds named in a grouped line. */
const NAMED = 3;

/** The kind of a problem: its catalogue code and severity. */
function kindOf(problem: Problem): string {
  return `${problem.severity} ${problem.code}`;
}

/** Lines to print for `problems`: grouped by kind unless `all`. */
export function warningLines(problems: readonly Problem[], seedsDir: string, all: boolean): string[] {
  if (all) return problems.map((p) => formatProblem(p, seedsDir));
  const kinds = Map.groupBy(problems, kindOf);
  const lines: string[] = [];
  let grouped = false;
  for (const group of kinds.values()) {
    const first = group[0];
    if (first === undefined) continue;
    if (group.length <= LISTED_IN_FULL) {
      lines.push(...group.map((p) => formatProblem(p, seedsDir)));
      continue;
    }
    grouped = true;
    // One message for all, or the first of its kind (`… date 2017-03-30 …` and the others' dates).
    const kind = group.every((p) => p.message === first.message) ? first.severity : `${first.severity}s such as`;
    const where = group.slice(0, NAMED).map((p) => formatProblem(p, seedsDir).split(":").slice(0, 2).join(":"));
    lines.push(
      `${group.length.toLocaleString("en")} × ${kind}: ${first.message} (${where.join(", ")}, …)\n  hint: ${first.hint}`,
    );
  }
  if (grouped) lines.push("(`--verbose` lists every warning; `npm run check` lists them all too)");
  return lines;
}

import { z } from "zod";
import { type ProblemWords, catalogue } from "./problem-text.ts";

/**
 * Every problem a user can hit while building, in one place: each names the
 * seed file and line and says what to do about it.
 */

export const problemSchema = z.object({
  /** The catalogue entry it comes from (`noHeadline`, `imageNotFound`, …): what code decides by. */
  code: z.string(),
  /** Seed path relative to the seeds folder. */
  file: z.string(),
  /** 1-based line in the seed file the problem points at. */
  line: z.number(),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  /** What the user can do about it. */
  hint: z.string(),
  /** The seed was left out of the site because of this problem (a warning unless `--strict`). */
  skipped: z.literal(true).optional(),
});

export type Problem = z.infer<typeof problemSchema>;
type Severity = Problem["severity"];

type ProblemText = Pick<Problem, "code" | "message" | "hint">;
type Catalogue = typeof catalogue;

/** The catalogue's texts, each with its entry's name as its `code`. */
export const problemText = Object.fromEntries(
  Object.entries(catalogue).map(([code, words]) => [
    code,
    (...args: unknown[]): ProblemText => ({ code, ...(words as (...a: unknown[]) => ProblemWords)(...args) }),
  ]),
) as { [K in keyof Catalogue]: (...args: Parameters<Catalogue[K]>) => ProblemText & { code: K } };

/** Seeds left out: each skipped seed has one problem that says so. */
/** `problems` as `--strict` (`strict`) has them: a seed left out is an error. */
export function strictly(problems: readonly Problem[], strict: boolean): Problem[] {
  return strict ? problems.map((p): Problem => (p.skipped === true ? { ...p, severity: "error" } : p)) : [...problems];
}

export function countSkipped(problems: readonly Problem[]): number {
  return new Set(problems.filter((p) => p.skipped === true && p.severity === "warning").map((p) => p.file)).size;
}

/** A problem found inside one seed, before the caller attaches the file name. */
export type Finding = Omit<Problem, "file">;

export function finding(line: number, severity: Severity, text: ProblemText): Finding {
  return { line, severity, ...text };
}

/** A scraped seed that cannot be read as an article: left out with a warning, or an error under `--strict`. */
export function skipFinding(line: number, text: ProblemText): Finding {
  return { line, severity: "warning", ...text, skipped: true };
}

export function problem(file: string, line: number, severity: Severity, text: ProblemText): Problem {
  return { file, ...finding(line, severity, text) };
}

/** `path:line: severity: message` followed by an indented hint, as compilers print. */
export function formatProblem(p: Problem, seedsDir?: string): string {
  const where = seedsDir === undefined ? p.file : `${seedsDir.replace(/\/+$/, "")}/${p.file}`;
  return `${where}:${p.line}: ${p.severity}: ${p.message}\n  hint: ${p.hint}`;
}

/** Problems with a seed's image, whose photo is then not encoded. */
const IMAGE_PROBLEMS: ReadonlySet<string> = new Set([
  "imageNotFound",
  "imageOutside",
  "imageNotAFile",
  "imageUndecodable",
  "imageTooLarge",
]);

export function isImageProblem(problem: Problem): boolean {
  return IMAGE_PROBLEMS.has(problem.code);
}

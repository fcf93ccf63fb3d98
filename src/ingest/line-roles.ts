/**
 * What the parser decided each line of a scraped page is, kept so that
 * `npm run check -- --explain FILE` can show a person why a page came out as
 * it did.
 */
import type { Line } from "./lines.ts";

export const LINE_ROLES = [
  "blank",
  "chrome dropped",
  "crawler date",
  "title",
  "headline",
  "section",
  "date",
  "byline",
  "standfirst",
  "caption",
  "credit",
  "alt text dropped",
  "salutation",
  "signature",
  "body",
  "subhead",
  "kicker",
  "print issue",
  "related",
  "footer dropped",
  "filler dropped",
  "front matter",
  "not read",
] as const;

export type LineRole = (typeof LINE_ROLES)[number];

export interface ExplainedLine {
  /** 1-based line in the seed file. */
  number: number;
  text: string;
  role: LineRole;
  /** 1-based body paragraph the line belongs to, for `body` lines. */
  paragraph?: number;
}

/** Roles by line number; a line not marked keeps `not read` (or `blank`). */
export class LineRoles {
  private readonly roles = new Map<number, { role: LineRole; paragraph?: number }>();

  mark(line: Line | undefined, role: LineRole, paragraph?: number): void {
    if (line === undefined) return;
    this.roles.set(line.number, paragraph === undefined ? { role } : { role, paragraph });
  }

  markAll(lines: readonly Line[], role: LineRole, paragraph?: number): void {
    for (const line of lines) if (line.text.trim() !== "") this.mark(line, role, paragraph);
  }

  roleOf(line: Line): LineRole | undefined {
    return this.roles.get(line.number)?.role;
  }

  explain(lines: readonly Line[]): ExplainedLine[] {
    return lines.map((line) => {
      const found = this.roles.get(line.number);
      const role = found?.role ?? (line.text.trim() === "" ? "blank" : "not read");
      return {
        number: line.number,
        text: line.text,
        role,
        ...(found?.paragraph === undefined ? {} : { paragraph: found.paragraph }),
      };
    });
  }
}

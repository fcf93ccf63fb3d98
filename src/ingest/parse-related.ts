/**
 * The related-stories list scraped below an article: a line `  • <title>`,
 * then an indented teaser (cut off by the site, so it may lack final
 * punctuation). It is always the last thing on the page.
 */
import { type Line, isBlank } from "./lines.ts";

export interface ScrapedRelated {
  title: string;
  teaser: string | null;
  /** Line of the title, for warnings about it. */
  line: number;
}

const BULLET = /^\s+•\s*(.*\S)\s*$/u;

/**
 * Index of the first line of the related list: the first bullet of the
 * trailing run of bullet and indented lines. `lines.length` when there is none,
 * so a `•` inside the body never cuts the article short.
 */
export function findRelatedStart(lines: readonly Line[]): number {
  let runStart = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (line === undefined || isBlank(line) || BULLET.test(line.text) || /^\s/u.test(line.text)) {
      runStart = i;
    } else {
      break;
    }
  }
  const firstBullet = lines.findIndex((line, i) => i >= runStart && BULLET.test(line.text));
  return firstBullet === -1 ? lines.length : firstBullet;
}

/** Parses the related list found by `findRelatedStart`. */
export function parseRelated(lines: readonly Line[]): ScrapedRelated[] {
  const items: ScrapedRelated[] = [];
  let teaser: string[] = [];
  const close = (): void => {
    const last = items.at(-1);
    if (last !== undefined && teaser.length > 0) last.teaser = teaser.join(" ");
    teaser = [];
  };
  for (const line of lines) {
    const title = BULLET.exec(line.text)?.[1];
    if (title !== undefined) {
      close();
      items.push({ title, teaser: null, line: line.number });
    } else if (!isBlank(line)) {
      teaser.push(line.text.trim());
    }
  }
  close();
  return items;
}

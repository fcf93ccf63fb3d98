/**
 * Writes a synthetic archive of N articles in the scraped seed format
 * (headline, byline, date line, doubled caption with credit, 12 paragraphs,
 * 3 related items), deterministic from a seed value, and the same articles as
 * a minimal Hugo site, for the benchmark.
 */
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";

const WORDS = (
  "government ministry province minister court election party national assembly commune council villagers " +
  "garment factory workers exports investment rice farmers market prices tourism Angkor Siem Reap Phnom Penh " +
  "Kampong Cham Battambang police officials rights groups opposition spokesman said on Tuesday Wednesday " +
  "Thursday the a of in to and for with that was were would development project bank loans land dispute river " +
  "Mekong flood drought school students health hospital report data per cent million dollars year month week"
).split(" ");
const NAMES = [
  "Keo Ratha",
  "Sok Dara",
  "Ouk Vanna",
  "May Kunmakara",
  "Soth Koemsoeun",
  "Chan Sopheap",
  "Khy Sovuthy",
  "Hin Pisei",
];
const CREDITS = ["Heng Chivoan", "Photo supplied", "AFP", "Hong Menea", "Supplied", "Khem Sovannara/AFP"];
/** `April` for 4. */
const monthName = (month: number): string =>
  new Date(Date.UTC(2000, month - 1, 1)).toLocaleString("en-GB", { month: "long", timeZone: "UTC" });

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticArticle {
  file: string;
  headline: string;
  byline: string;
  /** Calendar parts, for both formats. */
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  caption: string;
  credit: string;
  body: string[];
  related: { title: string; teaser: string }[];
}

/**
 * The archive's articles one at a time (a million at once would be gigabytes
 * of text); every headline is drawn first, for the related links.
 */
export function* syntheticArticles(count: number, seed: number): Generator<SyntheticArticle> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const words = (n: number): string => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const sentence = (n: number): string => {
    const text = words(n);
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const headlines = Array.from(
    { length: count },
    (_, i) => `${sentence(6 + Math.floor(next() * 5)).slice(0, -1)} ${i + 1}`,
  );
  for (const [i, headline] of headlines.entries()) {
    yield {
      file: `${String(i).padStart(6, "0")}.txt`,
      headline,
      byline: next() < 0.5 ? `${pick(NAMES)} | The Phnom Penh Post` : `By ${pick(NAMES)} and ${pick(NAMES)}`,
      year: 1993 + Math.floor(next() * 31),
      month: 1 + Math.floor(next() * 12),
      day: 1 + Math.floor(next() * 28),
      hour: Math.floor(next() * 24),
      minute: Math.floor(next() * 60),
      caption: sentence(14),
      credit: pick(CREDITS),
      body: Array.from({ length: 12 }, () => `${sentence(18)} ${sentence(14)} ${sentence(10)}`),
      related: Array.from({ length: 3 }, () => ({ title: pick(headlines), teaser: words(35) })),
    };
  }
}

const pad = (n: number): string => String(n).padStart(2, "0");

export function scrapedText(a: SyntheticArticle): string {
  return [
    `Logo of Phnom Penh Post newspaper Phnom Penh Post - ${a.headline}`,
    "",
    a.headline,
    "",
    a.byline,
    "",
    `Publication date ${a.day} ${monthName(a.month)} ${a.year} | ${pad(a.hour)}:${pad(a.minute)} | ICT`,
    "",
    `${a.caption} ${a.credit}`,
    `${a.caption} ${a.credit}`,
    "",
    a.headline,
    "",
    ...a.body.flatMap((p) => [p, ""]),
    "",
    ...a.related.flatMap((r) => [`  • ${r.title}`, "", `    ${r.teaser}`, ""]),
  ].join("\n");
}

export function hugoMarkdown(a: SyntheticArticle): string {
  const date = `${a.year}-${pad(a.month)}-${pad(a.day)}T${pad(a.hour)}:${pad(a.minute)}:00+07:00`;
  return [
    "---",
    `title: ${JSON.stringify(a.headline)}`,
    `date: ${date}`,
    `author: ${JSON.stringify(a.byline)}`,
    "---",
    "",
    `*${a.caption}* ${a.credit}`,
    "",
    ...a.body.flatMap((p) => [p, ""]),
  ].join("\n");
}

/** A Hugo site that renders the same articles with a single- and a list-page layout, pagination and RSS. */
const HUGO_CONFIG = `baseURL = "http://localhost/"
title = "Phnom Penh Post archive"
languageCode = "en"
disableKinds = ["taxonomy", "term"]
[pagination]
  pagerSize = 20
`;
const HUGO_BASEOF = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title><link rel="stylesheet" href="/style.css"></head><body><header><a href="/">Phnom Penh Post</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>`;
const HUGO_SINGLE = `{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.author }} · {{ .Date.Format "2 January 2006 | 15:04" }}</p>{{ .Content }}</article>{{ end }}`;
const HUGO_LIST = `{{ define "main" }}{{ range .Paginator.Pages }}<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2><p>{{ .Summary | plainify | truncate 200 }}</p></article>{{ end }}{{ end }}`;

/** Above this many articles Hugo is not run (it needed 9 GB for 100,000): its files are not written either. */
export const HUGO_LIMIT = 100_000;
/** Written last into a folder of generated seeds: the folder is whole and can be used again. */
const COMPLETE = ".complete";

/** The seeds a run edits (`editedSeeds`): the first ones. */
const EDITED = 2;

/**
 * The edits a run makes, as the seeds' new text: a paragraph added to the
 * body of the first article (only its own page shows it), and a new
 * headline for the second (its URL, and every page that links to it).
 */
export function editedSeeds(count: number, seed: number): { paragraph: SyntheticArticle; headline: SyntheticArticle } {
  const articles = syntheticArticles(count, seed);
  const [first, second] = [articles.next().value, articles.next().value];
  if (first === undefined || second === undefined) throw new Error("the benchmark needs two articles or more");
  const body = [...first.body.slice(0, 4), "A paragraph a reader asked the archive to add.", ...first.body.slice(4)];
  return { paragraph: { ...first, body }, headline: { ...second, headline: `${second.headline}, retitled` } };
}

/**
 * The seeds (and, up to `HUGO_LIMIT`, the Hugo site) of `count` articles in
 * `dir`, generated once and used again by later runs with the same count and
 * seed: a million seeds take minutes to write. The seeds a run edits are
 * written anew each time.
 */
export async function writeArchives(
  count: number,
  seed: number,
  dir: string,
): Promise<{ seedsDir: string; hugoDir: string | null }> {
  const seedsDir = path.join(dir, "seeds");
  const hugoDir = count > HUGO_LIMIT ? null : path.join(dir, "hugo");
  const articles = syntheticArticles(count, seed);
  if (existsSync(path.join(dir, COMPLETE))) {
    for (let i = 0; i < EDITED; i++) {
      const article = articles.next();
      if (!article.done) await writeFile(path.join(seedsDir, article.value.file), scrapedText(article.value));
    }
    return { seedsDir, hugoDir };
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(seedsDir, { recursive: true });
  if (hugoDir !== null) {
    await mkdir(path.join(hugoDir, "content", "posts"), { recursive: true });
    await mkdir(path.join(hugoDir, "layouts", "_default"), { recursive: true });
    await writeFile(path.join(hugoDir, "hugo.toml"), HUGO_CONFIG);
    await writeFile(path.join(hugoDir, "layouts", "_default", "baseof.html"), HUGO_BASEOF);
    await writeFile(path.join(hugoDir, "layouts", "_default", "single.html"), HUGO_SINGLE);
    await writeFile(path.join(hugoDir, "layouts", "_default", "list.html"), HUGO_LIST);
  }
  for (const article of articles) {
    await writeFile(path.join(seedsDir, article.file), scrapedText(article));
    if (hugoDir !== null)
      await writeFile(
        path.join(hugoDir, "content", "posts", article.file.replace(/\.txt$/, ".md")),
        hugoMarkdown(article),
      );
  }
  await writeFile(path.join(dir, COMPLETE), "");
  return { seedsDir, hugoDir };
}

/**
 * The catalogue of problem texts: what a user can hit while building, each
 * saying what happened and what to do. Each entry's name is the problem's
 * stable `code`, which code decides by (never the message's wording).
 */
import { RESERVED_SECTIONS } from "./reserved-sections.ts";
import { MARKDOWN_LIMITS, type MarkdownLimit, SCRAPED_PAGE_BYTES } from "./markdown-limits.ts";

/** What a problem says: the message and a hint at what to do. */
export interface ProblemWords {
  message: string;
  hint: string;
}

const FRONT_MATTER_HINTS: Readonly<Record<string, string>> = {
  date: "write it as ISO 8601: `2019-04-24`, or `2019-04-24T10:19:00+07:00` with a time",
  slug: "use lowercase letters, digits and single hyphens, e.g. `garment-wages-explained`",
  section:
    "use a configured section's name (`Business`) or slug (`business`); to make a new section, add it to `sections` in site.config.json",
  image: "give a path inside the seeds folder or an http(s) URL",
  tags: "give a list (`[economy, garment industry]`) or one comma-separated string",
};

/** The catalogue of problem texts. */
export const catalogue = {
  controlCharacters: (count: number): ProblemWords => ({
    message: `${count} control or non-character code point${count === 1 ? "" : "s"} (e.g. NUL) replaced with U+FFFD`,
    hint: "HTML and XML feeds cannot carry them; the scrape is probably damaged at that line, so check the source page",
  }),
  emptyFile: (): ProblemWords => ({
    message: "the seed file is empty",
    hint: "delete it, or fill it with a scraped page or a front-matter article",
  }),
  invalidUtf8: (): ProblemWords => ({
    message: "the seed file is not valid UTF-8",
    hint: "re-save it as UTF-8 (e.g. `iconv -f WINDOWS-1252 -t UTF-8`)",
  }),
  badYaml: (detail: string): ProblemWords => ({
    message: `front matter is not valid YAML: ${detail}`,
    hint: "fix the YAML between the opening and closing `---` lines",
  }),
  colonInValue: (key: string): ProblemWords => ({
    message: `front matter \`${key}\` has a \`: \` in its value, which YAML reads as a new key`,
    hint: `put the value in quotes: ${key}: "…"`,
  }),
  badFrontMatter: (key: string, detail: string): ProblemWords => ({
    message: `front matter \`${key}\` ${detail}`,
    hint: FRONT_MATTER_HINTS[key] ?? "see the front-matter keys in docs/seed-format.md",
  }),
  unknownFrontMatterKey: (key: string): ProblemWords => ({
    message: `unknown front-matter key \`${key}\``,
    hint: "allowed keys: headline, standfirst, date, byline, section, tags, slug, image, caption, credit, source_url; check the spelling",
  }),
  impossibleDate: (text: string): ProblemWords => ({
    message: `\`${text}\` is not a date that exists`,
    hint: "correct the day or month, or write the date as ISO 8601 (`2019-04-24` or `2019-04-24T10:19:00+07:00`)",
  }),
  noHeadline: (markdown: boolean): ProblemWords => ({
    message: "no headline found",
    hint: markdown
      ? "start the article with a `# Headline` line, or add `headline:` front matter"
      : "a scraped page starts with `Logo of Phnom Penh Post newspaper Phnom Penh Post - <headline>` or a headline line; add `headline:` front matter, or check with `npm run check -- --explain FILE`",
  }),
  scrapedPageTooLarge: (bytes: number): ProblemWords => ({
    message: `the seed file is ${(bytes / 1024 / 1024).toFixed(1)} MiB, over the ${SCRAPED_PAGE_BYTES / 1024 / 1024} MiB a scraped page may be; it is left out`,
    hint: "a scraped page is one article; split the file, or check that it is a page dump at all",
  }),
  markdownLimit: (limit: MarkdownLimit): ProblemWords => {
    const what = {
      bytes: `the markdown body is ${Math.ceil(limit.value / 1024)} KiB; at most ${MARKDOWN_LIMITS.bytes / 1024} KiB is read`,
      nesting: `markdown nested ${limit.value} levels deep (block quotes and lists); at most ${MARKDOWN_LIMITS.nesting}`,
      brackets: `more than ${MARKDOWN_LIMITS.brackets} \`[\` in the markdown body`,
    }[limit.kind];
    return {
      message: what,
      hint: "no real article comes near this: check that the file is the article you meant, or split it into several articles",
    };
  },
  symbolicLink: (): ProblemWords => ({
    message: "symbolic link not followed: seeds are read only from real files inside the seeds folder",
    hint: "copy the file (or folder) it points to into the seeds folder",
  }),
  fileNameNotUtf8: (): ProblemWords => ({
    message: "the file name is not valid UTF-8 (shown with \uFFFD for the bytes that are not), so the file is not read",
    hint: "rename the file, e.g. with `convmv -f latin1 -t utf8 --notest FILE`",
  }),
  unreadableFolder: (code: string): ProblemWords => ({
    message: `the folder cannot be read (${code}); the seeds in it are left out`,
    hint: "check the folder's permissions, or remove it from the seeds folder",
  }),
  unreadableFile: (code: string): ProblemWords => ({
    message: `the file cannot be read (${code})`,
    hint: "check the file's permissions, or remove it from the seeds folder",
  }),
  crawlManifestLine: (why: string): ProblemWords => ({
    message: `crawl manifest line skipped: ${why}`,
    hint: 'each line is one JSON object: {"file": "page.txt", "url": "https://…", "fetched": "2024-03-01"} (fetched optional)',
  }),
  crawlManifestUnknownFile: (file: string): ProblemWords => ({
    message: `crawl manifest names \`${file}\`, which is not a seed in the seeds folder`,
    hint: "give the file's path relative to the seeds folder, with `/` between folders",
  }),
  listingPage: (section: string): ProblemWords => ({
    message: `the page is the \`${section}\` section's listing, not an article`,
    hint: "crawls pick up listing pages; delete the file, or give it `headline:` front matter if it is an article after all",
  }),
  crawlerDate: (date: string): ProblemWords => ({
    message: `the page prints no date; using the crawler's date ${date} from the first line`,
    hint: "the crawler's date is when the page was fetched, which may be later than publication; set `date:` in front matter if known",
  }),
  noBody: (): ProblemWords => ({
    message: "the article has a headline but no body paragraphs",
    hint: "check that the scrape is complete (body paragraphs follow the header, separated by blank lines); `npm run check -- --explain FILE` shows how each line was read",
  }),
  duplicateSlug: (slug: string, other: string): ProblemWords => ({
    message: `slug \`${slug}\` is also claimed by ${other}`,
    hint: "give one of the two articles a different `slug:` in its front matter",
  }),
  reservedSection: (section: string): ProblemWords => ({
    message: `section \`${section}\` would collide with the site's own pages`,
    hint: `sections may not be a number or one of: ${[...RESERVED_SECTIONS].join(", ")}; set another \`section:\``,
  }),
  imageOutside: (image: string): ProblemWords => ({
    message: `image \`${image}\` lies outside the seeds folder (by its real path, links followed); it is not used`,
    hint: "copy the image into the seeds folder and give its path relative to it",
  }),
  imageUndecodable: (image: string): ProblemWords => ({
    message: `image \`${image}\` cannot be decoded as an image; the caption is shown without it`,
    hint: "check that the file is a JPEG, PNG, WebP, GIF, AVIF or SVG that opens in an image viewer, and re-export it",
  }),
  imageTooLarge: (image: string, width: number, height: number, limit: number): ProblemWords => ({
    message: `image \`${image}\` is ${width}×${height} pixels, over the ${Math.floor(limit / 1e6)} million pixels an image may have; it is not used`,
    hint: "scale it down (a page shows photos at most 960 pixels wide) and save it again",
  }),
  imageNotAFile: (image: string): ProblemWords => ({
    message: `image \`${image}\` is not a regular file (a folder, a named pipe or a device); it is not used`,
    hint: "give the path of an image file",
  }),
  imageNotFound: (image: string): ProblemWords => ({
    message: `image \`${image}\` not found inside the seeds folder; the caption is shown without it`,
    hint: "put the image file under the seeds folder and give its path relative to it",
  }),
  noCredit: (): ProblemWords => ({
    message: "the photo caption has no credit",
    hint: "add `credit:` to the front matter if the photographer or agency is known",
  }),
  undated: (): ProblemWords => ({
    message: "the article has no date and will be listed as undated",
    hint: "add `date:` (ISO 8601) to the front matter if the publication date is known",
  }),
  unrecognizedHeaderLine: (text: string): ProblemWords => ({
    message: `header line not recognised as byline, date or caption and left out: \`${text.slice(0, 80)}\``,
    hint: "if it is a byline or caption, set `byline:` or `caption:` in front matter",
  }),
  relatedNotFound: (title: string): ProblemWords => ({
    message: `related title not found in the archive: \`${title.slice(0, 80)}\``,
    hint: "it is shown as plain text; add that article's seed to link it",
  }),

  staticFileTaken: (target: string, first: string, dir: string): ProblemWords => ({
    message: `static file \`${target}\` is not copied: the archive has its own \`/${first}\``,
    hint: `rename or move it inside ${dir}`,
  }),
  handAddedFile: (file: string, dir: string): ProblemWords => ({
    message: `\`${file}\` was put into the published site by hand and is not in the new one`,
    hint: `put it in ${dir}/: every build copies that folder into the site as it is`,
  }),
} as const;

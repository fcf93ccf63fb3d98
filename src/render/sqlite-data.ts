/**
 * `data/archive.sqlite` (with `--sqlite`): every record in one SQLite file a
 * researcher can query with any SQLite tool, with a full-text index of
 * headlines, standfirsts and bodies. Made with Node's own `node:sqlite`, in
 * one transaction, in archive order: the same records give the same bytes.
 * The tables are described in docs/output.md.
 */
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import type { ArticleRecord } from "../model/record.ts";

export const SQLITE_FILE = "data/archive.sqlite";

const SCHEMA = `
PRAGMA page_size = 4096;
PRAGMA journal_mode = OFF;
CREATE TABLE articles (
  url TEXT PRIMARY KEY,
  headline TEXT NOT NULL,
  kicker TEXT,
  standfirst TEXT,
  byline TEXT,
  authors TEXT NOT NULL,
  date TEXT,
  year INTEGER,
  section TEXT NOT NULL,
  tags TEXT NOT NULL,
  body TEXT NOT NULL,
  word_count INTEGER NOT NULL,
  language TEXT NOT NULL,
  truncated INTEGER NOT NULL,
  photo_caption TEXT,
  photo_credit TEXT,
  source_file TEXT NOT NULL,
  source_sha256 TEXT NOT NULL,
  source_url TEXT,
  record TEXT NOT NULL
);
CREATE INDEX articles_date ON articles (date);
CREATE INDEX articles_section ON articles (section);
CREATE VIRTUAL TABLE articles_text USING fts5 (headline, standfirst, body, content = 'articles', content_rowid = 'rowid');
`;

const INSERT = `INSERT INTO articles VALUES (${Array.from({ length: 20 }, () => "?").join(", ")})`;

export async function writeSqlite(records: Iterable<ArticleRecord>, file: string): Promise<void> {
  // The data folder may not exist yet: the years' data files are written beside this, not before it.
  await mkdir(path.dirname(file), { recursive: true });
  await rm(file, { force: true });
  const db = new DatabaseSync(file);
  try {
    db.exec(SCHEMA);
    db.exec("BEGIN");
    const insert = db.prepare(INSERT);
    for (const r of records) {
      insert.run(
        r.url,
        r.headline,
        r.kicker,
        r.standfirst,
        r.byline,
        JSON.stringify(r.authors),
        r.date,
        r.date === null ? null : Number(r.date.slice(0, 4)),
        r.section,
        JSON.stringify(r.tags),
        r.body.join("\n\n"),
        r.wordCount,
        r.language,
        r.truncated ? 1 : 0,
        r.photo?.caption ?? null,
        r.photo?.credit ?? null,
        r.source.file,
        r.source.sha256,
        r.source.url,
        JSON.stringify(r),
      );
    }
    db.exec(
      "INSERT INTO articles_text (rowid, headline, standfirst, body) SELECT rowid, headline, standfirst, body FROM articles",
    );
    db.exec("COMMIT");
  } finally {
    db.close();
  }
}

/**
 * A seed's outcome as a parse worker hands it back: the article split into
 * its head and its body (`ArticleBody`), each as JSON. The build keeps
 * heads in memory and bodies in the record cache until a page, search shard
 * or data file needs them; JSON strings cross threads and enter the cache
 * without being made into objects and written out again.
 */
import type { SeedArticle } from "../model/record.ts";
import type { SeedOutcome } from "./read-seeds.ts";

export interface PackedOutcome {
  problems: SeedOutcome["problems"];
  /** The head as JSON; null when the seed had errors. */
  head: string | null;
  /** Whether the head is the whole article (a body of at most one paragraph, no Markdown tree, no teasers). */
  whole: boolean;
  /** The `ArticleBody` as JSON; null when the seed had errors. */
  body: string | null;
}

/**
 * The part of an article a head leaves out: the paragraphs after the first,
 * the Markdown tree and the related items' teasers, which only the
 * article's own page and data show.
 */
export interface ArticleBody {
  body: SeedArticle["body"];
  markdown: SeedArticle["markdown"];
  /** Each related item's teaser, in order. */
  teasers: (string | null)[];
}

/** The fields of an article its body changes. */
type BodyFields = Pick<SeedArticle, "body" | "markdown" | "related">;

export function packOutcome({ article, problems }: SeedOutcome): PackedOutcome {
  if (article === null) return { problems, head: null, whole: true, body: null };
  const { article: head, whole } = headOf(article);
  return { problems, head: JSON.stringify(head), whole, body: JSON.stringify(bodyOf(article)) };
}

/** The outcome with its head only (`whole`: false) or with the whole article. */
export function unpackOutcome(packed: PackedOutcome, whole: boolean): SeedOutcome {
  if (packed.head === null) return { article: null, problems: packed.problems };
  const head = JSON.parse(packed.head) as SeedArticle;
  if (!whole || packed.whole || packed.body === null) return { article: head, problems: packed.problems };
  const body = JSON.parse(packed.body) as ArticleBody;
  return { article: { ...head, ...bodyFields(head, body) }, problems: packed.problems };
}

/** What is kept of `article` in memory: all but its body (`ArticleBody`) past the first paragraph. */
export function headOf<T extends BodyFields>(article: T): { article: T; whole: boolean } {
  const whole =
    article.body.length <= 1 && article.markdown === null && article.related.every((item) => item.teaser === null);
  return { article: whole ? article : { ...article, ...headBody(article) }, whole };
}

/** What a head keeps of an article's body: its first paragraph, no Markdown tree, no teasers. */
export function headBody({ body, related }: BodyFields): BodyFields {
  return {
    body: body.slice(0, 1),
    markdown: null,
    related: related.map((item) => (item.teaser === null ? item : { ...item, teaser: null })),
  };
}

function bodyOf({ body, markdown, related }: BodyFields): ArticleBody {
  return { body, markdown, teasers: related.map((item) => item.teaser) };
}

/** The fields that put `body` back into `head`. */
export function bodyFields(head: BodyFields, { body, markdown, teasers }: ArticleBody): BodyFields {
  return { body, markdown, related: head.related.map((item, i) => ({ ...item, teaser: teasers[i] ?? null })) };
}

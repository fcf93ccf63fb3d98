/**
 * A seed's outcome as a parse worker hands it back: the article split into
 * its head (everything but the paragraphs after the first, and the Markdown
 * tree) and its body, each as JSON. The build keeps heads in memory and
 * bodies in the record cache until a page, search shard or data file needs
 * them; JSON strings cross threads and enter the cache without being made
 * into objects and written out again.
 */
import type { SeedArticle } from "../model/record.ts";
import type { SeedOutcome } from "./read-seeds.ts";

export interface PackedOutcome {
  problems: SeedOutcome["problems"];
  /** The head as JSON; null when the seed had errors. */
  head: string | null;
  /** Whether the head is the whole article (a body of at most one paragraph, no Markdown tree). */
  whole: boolean;
  /** `{ body, markdown }` as JSON; null when the seed had errors. */
  body: string | null;
}

/** The part of an article a head leaves out. */
export type ArticleBody = Pick<SeedArticle, "body" | "markdown">;

export function packOutcome({ article, problems }: SeedOutcome): PackedOutcome {
  if (article === null) return { problems, head: null, whole: true, body: null };
  const { article: head, whole } = headOf(article);
  const body: ArticleBody = { body: article.body, markdown: article.markdown };
  return { problems, head: JSON.stringify(head), whole, body: JSON.stringify(body) };
}

/** The outcome with its head only (`whole`: false) or with the whole article. */
export function unpackOutcome(packed: PackedOutcome, whole: boolean): SeedOutcome {
  if (packed.head === null) return { article: null, problems: packed.problems };
  const head = JSON.parse(packed.head) as SeedArticle;
  if (!whole || packed.whole || packed.body === null) return { article: head, problems: packed.problems };
  return { article: { ...head, ...(JSON.parse(packed.body) as ArticleBody) }, problems: packed.problems };
}

/** What is kept of `article` in memory: all but the body after its first paragraph, and the Markdown tree. */
export function headOf<T extends ArticleBody>(article: T): { article: T; whole: boolean } {
  const whole = article.body.length <= 1 && article.markdown === null;
  return { article: whole ? article : { ...article, ...headBody(article) }, whole };
}

/** What a head keeps of an article's body: its first paragraph, and no Markdown tree. */
export function headBody({ body }: ArticleBody): ArticleBody {
  return { body: body.slice(0, 1), markdown: null };
}

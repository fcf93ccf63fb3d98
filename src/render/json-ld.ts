/** schema.org `NewsArticle` structured data for an article page. */
import type { ArticleRecord } from "../model/record.ts";
import type { SiteConfig } from "../model/site-config.ts";
import { type UrlContext, absoluteUrl } from "./urls.ts";

export interface JsonLdInput {
  record: ArticleRecord;
  sectionName: string;
  authorUrls: readonly string[];
  /** Absolute image URL, when the article has an image. */
  imageUrl: string | null;
  description: string;
}

export function newsArticleJsonLd(input: JsonLdInput, site: SiteConfig, urls: UrlContext): Record<string, unknown> {
  const { record } = input;
  const canonical = absoluteUrl(record.url, urls);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: record.headline,
    description: input.description,
    ...(record.date === null ? {} : { datePublished: record.date }),
    author: record.authors.map((name, i) => ({ "@type": "Person", name, url: input.authorUrls[i] })),
    publisher: {
      "@type": "Organization",
      name: site.publisher,
      logo: { "@type": "ImageObject", url: absoluteUrl("/wordmark.svg", urls) },
    },
    ...(input.imageUrl === null ? {} : { image: [input.imageUrl] }),
    articleSection: input.sectionName,
    wordCount: record.wordCount,
    inLanguage: record.language,
    keywords: record.tags,
    mainEntityOfPage: { "@type": "WebPage", "@id": canonical },
    url: canonical,
    isBasedOn: {
      "@type": "CreativeWork",
      name: record.source.file,
      identifier: `sha256:${record.source.sha256}`,
      encodingFormat: record.source.file.endsWith(".md") ? "text/markdown" : "text/plain",
    },
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&`
 * are written as JSON escapes, so no text (`</script>`, `<!--`) can end or
 * change the script element; U+2028/2029 are escaped for old parsers.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/**
 * Where a relative `image:` is looked for first: beside its article (as
 * Markdown and static-site generators do), then from the seeds folder.
 */
import path from "node:path";
import type { SeedArticle } from "../model/record.ts";
import { isHttpUrl } from "../util/http-url.ts";

/** `authored/images/ferry.jpg` for `image: images/ferry.jpg` in `authored/ferry.md`; null when there is no such place. */
export function photoBeside(article: Pick<SeedArticle, "photo" | "source">): string | null {
  const image = article.photo?.image;
  const folder = path.posix.dirname(article.source.file);
  if (typeof image !== "string" || isHttpUrl(image) || folder === "." || image.startsWith("/")) return null;
  return path.posix.join(folder, image);
}

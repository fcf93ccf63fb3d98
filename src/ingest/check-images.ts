/**
 * Front-matter images, checked where they enter so that `npm run check`
 * reports what the build would: missing, outside the seeds folder (also
 * through a symbolic link), or not an image that can be decoded. Reads the
 * image files and nothing else.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { resolvePhoto } from "../incremental/image-cache.ts";
import { frontMatterKeyLine } from "./front-matter.ts";
import { type Problem, problem, problemText } from "../model/problems.ts";
import type { SeedArticle } from "../model/record.ts";
import { isHttpUrl } from "../util/http-url.ts";

export async function checkImages(articles: readonly SeedArticle[], seedsDir: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const article of articles) {
    const image = article.photo?.image;
    if (typeof image !== "string" || isHttpUrl(image)) continue;
    const photo = await resolvePhoto(seedsDir, image);
    const text =
      "file" in photo
        ? (await decodes(photo.file))
          ? null
          : problemText.imageUndecodable(image)
        : photo.problem === "missing"
          ? problemText.imageNotFound(image)
          : photo.problem === "not a file"
            ? problemText.imageNotAFile(image)
            : problemText.imageOutside(image);
    if (text === null) continue;
    const seed = await readFile(path.join(seedsDir, article.source.file), "utf8").catch(() => "");
    const line = frontMatterKeyLine(seed, "image");
    problems.push(problem(article.source.file, line, "warning", text));
  }
  return problems;
}

/** Whether the image's header can be read: a text file, or an SVG with a broken entity, cannot. */
async function decodes(file: string): Promise<boolean> {
  try {
    const metadata = await sharp(file).metadata();
    return metadata.width !== undefined && metadata.height !== undefined;
  } catch {
    return false;
  }
}

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
import { photoBeside } from "./photo-beside.ts";
import { type Problem, problem, problemText } from "../model/problems.ts";
import type { SeedArticle } from "../model/record.ts";
import { isHttpUrl } from "../util/http-url.ts";

/**
 * A relative `image:` is looked up beside its article first (as Markdown and
 * static-site generators do), then from the seeds folder: articles whose
 * photo is beside them get its path from the seeds folder, as every later
 * stage reads it. New article objects: cached records stay as parsed.
 */
export async function placeImages(articles: SeedArticle[], seedsDir: string): Promise<void> {
  await Promise.all(
    articles.map(async (article, i) => {
      const beside = photoBeside(article);
      if (beside === null || !("file" in (await resolvePhoto(seedsDir, beside)))) return;
      articles[i] = { ...article, photo: { caption: null, credit: null, ...article.photo, image: beside } };
    }),
  );
}

export async function checkImages(articles: readonly SeedArticle[], seedsDir: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const article of articles) {
    const image = article.photo?.image;
    if (typeof image !== "string" || isHttpUrl(image)) continue;
    const photo = await resolvePhoto(seedsDir, image);
    const size = "file" in photo ? await imageSize(photo.file) : null;
    const text =
      "file" in photo
        ? size === null
          ? problemText.imageUndecodable(image)
          : size.width * size.height > PIXEL_LIMIT
            ? problemText.imageTooLarge(image, size.width, size.height, PIXEL_LIMIT)
            : null
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

/**
 * sharp's default limit on the pixels of an input image (0x3FFF squared),
 * which the build's encoding keeps: a larger image is refused, not decoded.
 */
const PIXEL_LIMIT = 0x3fff * 0x3fff;

/** The image's size from its header, or null when it cannot be read: a text file, or an SVG with a broken entity. */
async function imageSize(file: string): Promise<{ width: number; height: number } | null> {
  try {
    // The size is read whatever it is, to say when it is over the limit.
    const { width, height } = await sharp(file, { limitInputPixels: false }).metadata();
    return width === undefined || height === undefined ? null : { width, height };
  } catch {
    return null;
  }
}

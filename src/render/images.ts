/**
 * Article photos named in front matter. Local images become responsive
 * AVIF/WebP/JPEG `<picture>` elements with width and height (eleventy-img),
 * encoded once and kept in the image cache; a missing file gives no image at
 * all, never a broken `<img>`.
 */
import { readFile } from "node:fs/promises";
import Image from "@11ty/eleventy-img";
import { h } from "hastscript";
import { toHtml } from "hast-util-to-html";
import { digest } from "../incremental/digest.ts";
import { type CachedImage, type ImageCache, filesOf, resolvePhoto, toCachedImage } from "../incremental/image-cache.ts";
import { type UrlContext, withBase } from "./urls.ts";
import { isHttpUrl } from "../util/http-url.ts";

export interface PhotoImage {
  /** `<picture>`/`<img>` markup built by eleventy-img or from a hast tree. */
  html: string;
  /** Absolute URL of the largest JPEG, for Open Graph and structured data. */
  url: string;
  /** The smallest encoding, for list cards; null for remote images, which are not encoded. */
  thumbnail: Thumbnail | null;
}

export interface Thumbnail {
  /** Site URL with the base path. */
  url: string;
  width: number;
  height: number;
}

/** A photo for a page, and the files of its encodings in the image cache, which the site must hold under `/img/`. */
export interface ProcessedImage {
  photo: PhotoImage;
  files: readonly string[];
}

export interface ImageContext {
  seedsDir: string;
  urls: UrlContext;
  cache: ImageCache;
  /** Digest of the code: encodings made by other code (or another sharp) are not reused. */
  code: string;
}

const WIDTHS = [480, 960];
const FORMATS = ["avif", "webp", "jpeg"];
const SIZES = "(min-width: 48rem) 46rem, 100vw";

/**
 * Null when a local image is missing or lies outside the seeds folder (both
 * reported by validation); throws when it cannot be decoded.
 */
export async function processImage(image: string, alt: string, context: ImageContext): Promise<ProcessedImage | null> {
  if (isHttpUrl(image)) {
    // Remote images are not fetched at build time (builds must work offline); link them as they are.
    return {
      photo: {
        html: toHtml(h("img", { src: image, alt, loading: "lazy", decoding: "async" })),
        url: image,
        thumbnail: null,
      },
      files: [],
    };
  }
  const photo = await resolvePhoto(context.seedsDir, image);
  if (!("file" in photo)) return null;
  const source = photo.file;
  const bytes = await readFile(source).catch(() => null);
  if (bytes === null) return null;
  // Encoded for the site's root and kept so: a build for another base path reuses the encodings.
  const key = digest(context.code, bytes);
  const { cache } = context;
  const encoded =
    cache.get(key) ??
    (await cache.add(key, async (outputDir) =>
      // eleventy-img's own caches are process-wide and keyed by path and
      // size; the image cache decides instead what needs encoding.
      toCachedImage(
        await Image(source, { widths: WIDTHS, formats: FORMATS, outputDir, urlPath: "/img/", useCache: false }),
      ),
    ));
  const shown = underBase(encoded, context.urls.pathPrefix);
  const largest = shown["jpeg"]?.at(-1);
  const smallest = shown["webp"]?.[0] ?? shown["jpeg"]?.[0];
  if (largest === undefined || smallest === undefined) return null;
  return {
    photo: {
      html: Image.generateHTML(shown, { alt, sizes: SIZES, loading: "lazy", decoding: "async" }),
      url: `${context.urls.siteUrl}${largest.url}`,
      thumbnail: { url: smallest.url, width: smallest.width, height: smallest.height },
    },
    files: filesOf(encoded),
  };
}

/** The encodings' URLs (and the srcset entries made of them) under the site's base path. */
function underBase(image: CachedImage, pathPrefix: string): CachedImage {
  return Object.fromEntries(
    Object.entries(image).map(([format, encodings]) => [
      format,
      encodings.map((encoding) => {
        const url = withBase(encoding.url, pathPrefix);
        return { ...encoding, url, srcset: encoding.srcset.replace(encoding.url, url) };
      }),
    ]),
  );
}

/**
 * Article photos named in front matter. Local images become responsive
 * AVIF/WebP/JPEG `<picture>` elements with width and height (eleventy-img);
 * a missing file gives no image at all, never a broken `<img>`.
 */
import { access } from "node:fs/promises";
import path from "node:path";
import Image from "@11ty/eleventy-img";
import { h } from "hastscript";
import { toHtml } from "hast-util-to-html";
import { type UrlContext, withBase } from "./urls.ts";

export interface PhotoImage {
  /** `<picture>`/`<img>` markup built by eleventy-img or from a hast tree. */
  html: string;
  /** Absolute URL of the largest JPEG, for Open Graph and structured data. */
  url: string;
}

export interface ImageContext {
  seedsDir: string;
  /** The site folder being written; images go to `<outDir>/img/`. */
  outDir: string;
  urls: UrlContext;
}

const WIDTHS = [480, 960];
const SIZES = "(min-width: 48rem) 46rem, 100vw";

/** Null when a local image is missing or lies outside the seeds folder. */
export async function processImage(image: string, alt: string, context: ImageContext): Promise<PhotoImage | null> {
  if (/^https?:\/\//i.test(image)) {
    // Remote images are not fetched at build time (builds must work offline); link them as they are.
    return { html: toHtml(h("img", { src: image, alt, loading: "lazy", decoding: "async" })), url: image };
  }
  const seeds = path.resolve(context.seedsDir);
  const source = path.resolve(seeds, image);
  if (!source.startsWith(`${seeds}${path.sep}`)) return null;
  if (
    !(await access(source).then(
      () => true,
      () => false,
    ))
  )
    return null;
  const metadata = await Image(source, {
    widths: WIDTHS,
    formats: ["avif", "webp", "jpeg"],
    outputDir: path.join(context.outDir, "img"),
    urlPath: withBase("/img/", context.urls.pathPrefix),
  });
  const largest = metadata["jpeg"]?.at(-1);
  if (largest === undefined) return null;
  return {
    html: Image.generateHTML(metadata, { alt, sizes: SIZES, loading: "lazy", decoding: "async" }),
    url: `${context.urls.siteUrl}${largest.url}`,
  };
}

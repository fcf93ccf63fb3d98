/** The parts of @11ty/eleventy-img's untyped API this project uses. */
declare module "@11ty/eleventy-img" {
  export interface ImageFormatEntry {
    format: string;
    /** Name of the encoded file in `outputDir`. */
    filename: string;
    url: string;
    width: number;
    height: number;
    sourceType: string;
    srcset: string;
  }

  export type ImageMetadata = Record<string, ImageFormatEntry[]>;

  export interface ImageOptions {
    widths?: (number | "auto")[];
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    /** Off: no process-wide in-memory and on-disk reuse. */
    useCache?: boolean;
  }

  function Image(src: string, options?: ImageOptions): Promise<ImageMetadata>;
  namespace Image {
    function generateHTML(metadata: ImageMetadata, attributes: Record<string, string>): string;
  }
  export default Image;
}

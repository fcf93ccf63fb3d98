/** The parts of Eleventy 3's untyped API this project uses. */
declare module "@11ty/eleventy" {
  export interface UserConfig {
    addGlobalData(name: string, value: unknown): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    setInputDirectory(dir: string): void;
    setIncludesDirectory(dir: string): void;
    setTemplateFormats(formats: string[]): void;
    setUseTemplateCache(enabled: boolean): void;
    /** https://www.11ty.dev/docs/ignores/#configuration-api */
    ignores: Set<string>;
    /** https://www.11ty.dev/docs/languages/custom/ — here only to override `njk`. */
    addExtension(
      extension: string,
      options: {
        compileOptions?: { cache?: boolean; permalink?: boolean };
        compile(source: string, inputPath: string): (data: object) => Promise<string>;
      },
    ): void;
  }

  export interface EleventyOptions {
    quietMode?: boolean;
    /** A path, or `""` to load no config file. */
    configPath?: string;
    pathPrefix?: string;
    runMode?: "build" | "serve" | "watch";
    config?: (config: UserConfig) => void | Promise<void>;
  }

  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
    /** Silences Eleventy's own console output, including its closing summary. */
    disableLogger(): void;
  }
}

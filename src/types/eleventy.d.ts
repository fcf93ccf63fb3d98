/** The parts of Eleventy 3's untyped API this project uses. */
declare module "@11ty/eleventy" {
  export interface UserConfig {
    /** The deployment base path, set before plugins run. */
    readonly pathPrefix: string;
    addPlugin<T>(plugin: (config: UserConfig, options: T) => void, options?: T): void;
    addPlugin(plugin: (config: UserConfig) => void): void;
    addFilter(name: string, filter: (this: unknown, ...args: never[]) => unknown): void;
    /** In Nunjucks, `this.ctx` is the page's template context. */
    addShortcode(name: string, shortcode: (this: ShortcodeThis, ...args: never[]) => string): void;
    setNunjucksEnvironmentOptions(options: import("nunjucks").ConfigureOptions): void;
    /** https://www.11ty.dev/docs/events/ — `eleventy.engine.njk` hands over Eleventy's Nunjucks environment. */
    on(
      event: "eleventy.engine.njk",
      listener: (engine: { nunjucks: typeof import("nunjucks"); environment: import("nunjucks").Environment }) => void,
    ): void;
    addGlobalData(name: string, value: unknown): void;
    /**
     * Eleventy's timing of config functions (filters, shortcodes). Not a
     * documented API: its group is made before quiet mode is set, so it still
     * prints `[11ty] Benchmark …` lines (11ty/eleventy#1484).
     */
    readonly benchmarks?: { readonly config?: { setIsVerbose(verbose: boolean): void } };
    setInputDirectory(dir: string): void;
    setIncludesDirectory(dir: string): void;
    /** The project's folders, once the config file has set them. */
    readonly directories: { readonly input: string };
    addPassthroughCopy(paths: string | Record<string, string>): void;
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

  export interface ShortcodeThis {
    ctx?: object;
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

/** The parts of Eleventy 3's untyped API this project uses. */
declare module "@11ty/eleventy" {
  export interface UserConfig {
    addGlobalData(name: string, value: unknown): void;
    addFilter(name: string, filter: (...args: never[]) => unknown): void;
    addPlugin(plugin: (config: UserConfig) => void): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    addWatchTarget(path: string): void;
    setNunjucksEnvironmentOptions(options: {
      autoescape?: boolean;
      throwOnUndefined?: boolean;
      trimBlocks?: boolean;
      lstripBlocks?: boolean;
    }): void;
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
    /** `eleventy.engine.njk` hands over the Nunjucks library and the environment Eleventy configured. */
    on(event: "eleventy.engine.njk", listener: (event: NunjucksEngineEvent) => void): void;
  }

  /** The two Nunjucks objects the `njk` override needs. */
  export interface NunjucksEngineEvent {
    nunjucks: {
      Template: new (
        source: string,
        environment: unknown,
        path: string,
        eagerCompile: boolean,
      ) => { render(data: object, callback: (error: Error | null, result: string) => void): void };
    };
    environment: unknown;
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

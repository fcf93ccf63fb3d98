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

/** Site-relative URLs -> URLs under the deployment base path, and absolute URLs. */

export interface UrlContext {
  /** Absolute origin, without trailing slash, e.g. `https://archive.example.org`. */
  siteUrl: string;
  /** Deployment base path, `/` or `/archive/`. */
  pathPrefix: string;
}

/** `/national/x/` under base `/archive/` -> `/archive/national/x/`. */
export function withBase(url: string, pathPrefix: string): string {
  return `${pathPrefix.replace(/\/$/, "")}${url}`;
}

export function absoluteUrl(url: string, context: UrlContext): string {
  return `${context.siteUrl}${withBase(url, context.pathPrefix)}`;
}

/** `archive` -> `/archive/`; `` and `/` -> `/`. */
export function normalizeBase(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

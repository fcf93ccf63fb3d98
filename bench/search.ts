/**
 * A query on a built site's search page, as a reader makes it: the site is
 * served on localhost and headless Chromium opens `/search/?q=word` (as the
 * header form sends it). Measured from the page's load event: how long the
 * results took to show and to settle (no request for half a second), and
 * the requests made and bytes received (the page, its style and script
 * excluded). `npm run bench` runs it on each size's site;
 * `npx tsx bench/search.ts SITE [WORD…]` on any (`VERBOSE=1` lists the
 * requests by kind). Chromium: `CHROMIUM`, Debian's, or installed with apt.
 */
import { type Browser, chromium } from "playwright-core";
import { ensureChromium } from "../tests/system-tools.ts";
import { serveSite } from "../tests/static-server.ts";

export interface SearchRun {
  word: string;
  /** From the load event to the results' count in the status line. */
  shownMs: number;
  /** From the load event to the last request. */
  settledMs: number;
  requests: number;
  kb: number;
  status: string;
}

/** No request for this long after the results show: the search has settled. */
const QUIET_MS = 500;

export async function measureSearch(site: string, words: readonly string[]): Promise<SearchRun[]> {
  const server = await serveSite(site);
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: ["--no-sandbox"] });
  try {
    const runs: SearchRun[] = [];
    for (const word of words)
      runs.push(await searchOnce(browser, `${server.origin}/search/?q=${encodeURIComponent(word)}`, word));
    return runs;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function searchOnce(browser: Browser, url: string, word: string): Promise<SearchRun> {
  const page = await browser.newPage();
  let loadedAt: number | null = null;
  let lastRequest = 0;
  const after: { url: string; bytes: Promise<number> }[] = [];
  page.on("load", () => (loadedAt = performance.now()));
  page.on("request", () => (lastRequest = performance.now()));
  page.on("requestfinished", (request) => {
    if (loadedAt === null) return;
    const bytes = request.sizes().then((sizes) => sizes.responseBodySize + sizes.responseHeadersSize);
    after.push({ url: request.url(), bytes });
  });
  await page.goto(url, { waitUntil: "load" });
  const loaded = loadedAt ?? performance.now();
  // The status names the count once the first results are on the page.
  const counted = (): boolean => / results? for /u.test(document.getElementById("search-status")?.textContent ?? "");
  await page.waitForFunction(counted, undefined, { timeout: 60_000, polling: 20 });
  const shownMs = performance.now() - loaded;
  while (performance.now() - lastRequest < QUIET_MS) await page.waitForTimeout(100);
  const bytes = (await Promise.all(after.map((request) => request.bytes))).reduce((a, b) => a + b, 0);
  const status = (await page.locator("#search-status").textContent()) ?? "";
  if (process.env["VERBOSE"] !== undefined) {
    const kind = (request: { url: string }): string =>
      request.url.replace(/^.*\/pagefind\/[^/]+\//u, "").replace(/[_.][0-9a-f]{6,}.*$|\/[^/]*$|\?.*$/u, "");
    for (const [name, requests] of Map.groupBy(after, kind))
      console.log(`  ${String(requests.length).padStart(4)} ${name}`);
  }
  await page.close();
  return {
    word,
    shownMs: Math.round(shownMs),
    settledMs: Math.round(Math.max(shownMs, lastRequest - loaded)),
    requests: after.length,
    kb: Math.round(bytes / 1024),
    status,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [site, ...words] = process.argv.slice(2);
  if (site === undefined) {
    console.error("usage: npx tsx bench/search.ts SITE [WORD…]");
    process.exit(2);
  }
  for (const run of await measureSearch(site, words.length > 0 ? words : ["minister"])) {
    console.log(
      `${run.word}: results shown ${run.shownMs} ms and settled ${run.settledMs} ms after load; ` +
        `${run.requests} requests, ${run.kb} KB; "${run.status}"`,
    );
  }
}

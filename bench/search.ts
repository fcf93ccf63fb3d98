/**
 * `npx tsx bench/search.ts SITE [WORD…]`: serves a built site on localhost
 * and, in headless Chromium, opens its search page with each word as the
 * query (`/search/?q=word`, as the header form sends it), printing how long
 * the results took to show and to settle (no request for half a second),
 * and the requests made and bytes received, all counted from the search
 * page's load event (the page, its style and script excluded). Chromium:
 * `CHROMIUM` or Debian's.
 */
import { chromium } from "playwright-core";
import { ensureChromium } from "../tests/system-tools.ts";
import { serveSite } from "../tests/static-server.ts";

const [site, ...words] = process.argv.slice(2);
if (site === undefined) {
  console.error("usage: npx tsx bench/search.ts SITE [WORD…]");
  process.exit(2);
}
/** No request for this long after the results show: the search has settled. */
const QUIET_MS = 500;

const server = await serveSite(site);
const browser = await chromium.launch({ executablePath: ensureChromium(), args: ["--no-sandbox"] });
try {
  for (const word of words.length > 0 ? words : ["minister"]) {
    const page = await browser.newPage();
    let loaded = false;
    let loadedAt = 0;
    let lastRequest = 0;
    const after: { url: string; bytes: Promise<number> }[] = [];
    page.on("load", () => {
      loaded = true;
      loadedAt = performance.now();
    });
    page.on("request", () => (lastRequest = performance.now()));
    page.on("requestfinished", (request) => {
      if (!loaded) return;
      after.push({
        url: request.url(),
        bytes: request.sizes().then((sizes) => sizes.responseBodySize + sizes.responseHeadersSize),
      });
    });
    const started = performance.now();
    await page.goto(`${server.origin}/search/?q=${encodeURIComponent(word)}`, { waitUntil: "load" });
    const loadMs = loadedAt - started;
    // The status names the count once the first results are on the page.
    await page.waitForFunction(
      () => / results? for /u.test(document.getElementById("search-status")?.textContent ?? ""),
      undefined,
      { timeout: 60_000, polling: 20 },
    );
    const shownMs = performance.now() - loadedAt;
    while (performance.now() - lastRequest < QUIET_MS) await page.waitForTimeout(100);
    const settledMs = Math.max(shownMs, lastRequest - loadedAt);
    const bytes = (await Promise.all(after.map((request) => request.bytes))).reduce((a, b) => a + b, 0);
    const results = await page.locator("#search-results > li").count();
    const status = await page.locator("#search-status").textContent();
    console.log(
      `${word}: page loaded in ${loadMs.toFixed(0)} ms; then results shown in ${shownMs.toFixed(0)} ms, settled in ${settledMs.toFixed(0)} ms, ` +
        `${after.length} requests, ${(bytes / 1024).toFixed(0)} KB after load; ${results} results listed; "${status}"`,
    );
    if (process.env["VERBOSE"] !== undefined) {
      const kinds = Map.groupBy(after, (request) => request.url.replace(/^.*\/pagefind\/[^/]+\//u, "").replace(/[_.][0-9a-f]{6,}.*$/u, "").replace(/\/[^/]*$/u, "/"));
      for (const [kind, requests] of kinds) console.log(`  ${String(requests.length).padStart(4)} ${kind}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

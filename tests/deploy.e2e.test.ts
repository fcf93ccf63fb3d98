/**
 * "Copy `_site/` to any static host", proved with a real one: nginx (Debian's
 * package) serves the built site with the config shipped in deploy/nginx/, at
 * the root and under `--base /archive/`, and a browser checks it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { build } from "../src/build.ts";
import { PROJECT_ROOT, freePort, writeFixtureSeeds } from "./helpers.ts";

let work: string;
let browser: Browser;
const servers: ChildProcess[] = [];

/** Starts nginx with the shipped server block, its root, port and (for a base path) 404 page replaced. */
async function startNginx(root: string, base: string): Promise<string> {
  const port = await freePort();
  const prefix = await mkdtemp(path.join(work, "nginx-"));
  await chmod(prefix, 0o755);
  const shipped = await readFile(path.join(PROJECT_ROOT, "deploy/nginx/archive.conf"), "utf8");
  const server = shipped
    .replace("listen 80;", `listen 127.0.0.1:${port};`)
    .replace("root /var/www/archive;", `root ${root};`)
    .replace("error_page 404 /404.html;", `error_page 404 ${base}404.html;`);
  expect(server).toContain(`listen 127.0.0.1:${port};`);
  const conf = path.join(prefix, "nginx.conf");
  await writeFile(
    conf,
    [
      "daemon off;",
      "worker_processes 1;",
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/error.log;`,
      "events {}",
      "http {",
      "  include /etc/nginx/mime.types;",
      "  default_type application/octet-stream;",
      "  access_log off;",
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `  ${kind}_temp_path ${prefix}/${kind};`),
      server,
      "}",
    ].join("\n"),
  );
  const child = spawn(inject("nginx"), ["-c", conf, "-p", prefix], { stdio: "ignore" });
  servers.push(child);
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${origin}${base}`).then(
        () => true,
        () => false,
      )
    )
      return origin;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx did not start: ${await readFile(`${prefix}/error.log`, "utf8").catch(() => "")}`);
}

let rootOrigin: string;
let baseOrigin: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "ppp-deploy-"));
  // nginx's workers run as an unprivileged user: they must be able to read the site.
  await chmod(work, 0o755);
  const seeds = path.join(work, "seeds");
  await writeFixtureSeeds(seeds);
  await build({ seedsDir: seeds, outDir: path.join(work, "site"), quiet: true });
  await build({ seedsDir: seeds, outDir: path.join(work, "base-site"), base: "/archive/", quiet: true });
  // As a deployment would: the site copied to <docroot>/archive/.
  await mkdir(path.join(work, "docroot"));
  await cp(path.join(work, "base-site"), path.join(work, "docroot", "archive"), { recursive: true });
  rootOrigin = await startNginx(path.join(work, "site"), "/");
  baseOrigin = await startNginx(path.join(work, "docroot"), "/archive/");
  browser = await chromium.launch({ executablePath: inject("chromium"), args: ["--disable-gpu", "--disable-quic"] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const server of servers) server.kill();
  await rm(work, { recursive: true, force: true });
});

describe.each([
  ["at the root", () => rootOrigin, "/"],
  ["under --base /archive/", () => baseOrigin, "/archive/"],
])("nginx with deploy/nginx/archive.conf, %s", (_name, origin, base) => {
  test("pages load without console errors, and search finds an article", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("requestfailed", (request) => errors.push(`request failed: ${request.url()}`));
    await page.goto(`${origin()}${base}`, { waitUntil: "networkidle" });
    expect(await page.locator("h1").first().textContent()).toBeTruthy();
    await page.goto(`${origin()}${base}search/?q=Kratie`);
    await expect.poll(() => page.locator("#search-status").textContent(), { timeout: 15_000 }).toMatch(/results? for/u);
    expect(await page.locator("#search-results h2 a").allTextContents()).toContain("Floods close schools in Kratie");
    // A reader clicks the result and lands on the article, under the base path too.
    await page.locator("#search-results h2 a", { hasText: "Floods close schools in Kratie" }).click();
    await page.waitForLoadState("load");
    expect(new URL(page.url()).pathname).toBe(`${base}national/floods-close-schools-in-kratie/`);
    expect(await page.locator("h1").first().textContent()).toBe("Floods close schools in Kratie");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a missing page gets the site's 404 page with status 404; files get their types", async () => {
    const missing = await fetch(`${origin()}${base}no/such/page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("Page not found");
    const css = await fetch(`${origin()}${base}style.css`);
    expect(css.headers.get("content-type")).toMatch(/^text\/css/u);
    expect(css.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    const entry = await fetch(`${origin()}${base}pagefind/2019/pagefind-entry.json`);
    expect(entry.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    const feed = await fetch(`${origin()}${base}feed.xml`);
    expect(feed.status).toBe(200);
    const shard = await fetch(`${origin()}${base}pagefind/2019/pagefind.js`);
    expect(shard.headers.get("content-type")).toMatch(/javascript/u);
  });
});

test("WebAssembly is served as application/wasm, and Pagefind's hashed files are cached for a year", async () => {
  // The site has no .wasm of its own today (Pagefind ships its WebAssembly in .pagefind files); a probe file stands in.
  await writeFile(path.join(work, "site", "probe.wasm"), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  const wasm = await fetch(`${rootOrigin}/probe.wasm`);
  expect(wasm.headers.get("content-type")).toBe("application/wasm");
  const index = await fetch(`${rootOrigin}/pagefind/2019/pagefind-entry.json`);
  expect(index.status).toBe(200);
  const files = JSON.parse(await index.text()) as { languages: Record<string, { hash: string }> };
  const [language, entry] = Object.entries(files.languages)[0] ?? ["en", { hash: "" }];
  expect(entry.hash.startsWith(`${language}_`)).toBe(true);
  const meta = await fetch(`${rootOrigin}/pagefind/2019/pagefind.${entry.hash}.pf_meta`);
  expect(meta.status).toBe(200);
  expect(meta.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
});

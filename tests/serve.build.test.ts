/**
 * `npm run serve` run in this process: requests it refuses, and a rebuild
 * after a seed is saved. (`serve.e2e.test.ts` runs it as a user does, as a
 * process of its own.)
 */
import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { type Serving, serveMain } from "../src/cli/serve.ts";
import { freePort, scrapedPage } from "./helpers.ts";

let work: string;
let port: number;
let serving: Serving;
const printed: string[] = [];

/** A raw GET, with the path sent exactly as given (no URL normalisation), and the Host header given. */
function get(rawPath: string, host = `127.0.0.1:${port}`): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: rawPath, method: "GET", headers: { host } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  const keep = (...args: unknown[]): void => void printed.push(args.map(String).join(" "));
  for (const method of ["log", "warn", "error"] as const) vi.spyOn(console, method).mockImplementation(keep);
  work = await mkdtemp(path.join(tmpdir(), "ppp-serve-"));
  await mkdir(path.join(work, "seeds"));
  await writeFile(path.join(work, "seeds", "one.txt"), scrapedPage({ headline: "Served", body: ["First text."] }));
  port = await freePort();
  const outcome = await serveMain(["--seeds", `${work}/seeds`, "--out", `${work}/site`, "--port", String(port)]);
  if (typeof outcome === "number") throw new Error(`serve ended at once with ${outcome}:\n${printed.join("\n")}`);
  serving = outcome;
});

afterAll(async () => {
  await serving.stop();
  vi.restoreAllMocks();
  await rm(work, { recursive: true, force: true });
});

describe("npm run serve, in process", () => {
  test("--help, --version and a bad flag end at once with their exit codes, serving nothing", async () => {
    expect(await serveMain(["--help"])).toBe(0);
    expect(await serveMain(["--version"])).toBe(0);
    expect(await serveMain(["--port", "http"])).toBe(2);
    expect(printed.join("\n")).toMatch(/^usage: npm run serve -- .*\n[\s\S]*--port N/mu);
  });

  test("a malformed or escaping request gets 400, and the server keeps serving", async () => {
    expect(await get("/")).toBe(200);
    expect(await get("/%")).toBe(400);
    expect(await get("/..%2f..%2fetc%2fpasswd")).toBe(400);
    expect(await get("/%E0%A4%A")).toBe(400);
    expect(await get("/national/served/")).toBe(200);
  });

  test("files reached through a symbolic link out of the site are not served; other hosts' names are refused", async () => {
    const site = await realpath(path.join(work, "site"));
    await writeFile(path.join(work, "secret.txt"), "not for the web");
    await symlink(path.join(work, "secret.txt"), path.join(site, "leak.txt"));
    await symlink(work, path.join(site, "leaks"));
    expect(await get("/leak.txt")).toBe(404);
    expect(await get("/leaks/secret.txt")).toBe(404);
    expect(await get("/", `localhost:${port}`)).toBe(200);
    // DNS rebinding: a page of another site whose name now resolves to 127.0.0.1.
    expect(await get("/", "attacker.example")).toBe(400);
    expect(await get("/", `attacker.example:${port}`)).toBe(400);
  });

  // The links the test above put into the site, one to a folder above it, are still there: the walk of the site must not follow them.
  test("a saved seed is rebuilt, named in one line, and the new text is served", async () => {
    const page = path.join(work, "site", "national", "served", "index.html");
    await writeFile(path.join(work, "seeds", "one.txt"), scrapedPage({ headline: "Served", body: ["Second text."] }));
    for (let i = 0; i < 200 && !(await readFile(page, "utf8")).includes("Second text."); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await serving.idle();
    expect(await readFile(page, "utf8")).toContain("Second text.");
    expect(printed).toContain(
      `changed: ${path.relative(process.cwd(), path.join(work, "seeds", "one.txt"))}; rebuilding`,
    );
  });
});

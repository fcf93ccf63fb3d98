/** site.config.json: a partial file takes the defaults; each mistake is one line naming the file and key or line. */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { SITE_DEFAULTS, loadSiteConfig } from "../src/model/site-config.ts";
import { withTempDir } from "./helpers.ts";

async function load(text: string | null): Promise<string | ReturnType<typeof loadSiteConfig>> {
  return withTempDir(async (dir) => {
    const file = path.join(dir, "site.config.json");
    if (text !== null) await writeFile(file, text);
    try {
      return loadSiteConfig({}, {}, file);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  });
}

describe("site.config.json", () => {
  test("a file with only a title takes the defaults for the rest; no file at all is the defaults", async () => {
    expect(await load('{ "title": "My archive" }')).toEqual({ ...SITE_DEFAULTS, title: "My archive" });
    expect(await load(null)).toEqual(SITE_DEFAULTS);
  });

  test.each([
    [
      '{ "pagesize": 10 }',
      'site settings are invalid: site.config.json: unknown key "pagesize"; did you mean pageSize?',
    ],
    [
      '{\n  "title": "x",\n  pageSize: 10\n}',
      "site.config.json: line 3, column 3: expected double-quoted property name; keys and strings take double quotes, and no comma follows the last item",
    ],
    ['{ "pageSize": 0 }', 'site settings are invalid: site.config.json: "pageSize" must be 1 or more'],
    ["[1, 2]", 'site.config.json: must be one JSON object of settings, e.g. {"title": "My archive"}'],
  ])("%s", async (text, message) => {
    expect(await load(text)).toBe(message);
  });
});

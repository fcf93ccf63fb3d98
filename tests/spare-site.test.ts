/**
 * The spare site's files are stored as their differences from the
 * published site's: reading them back gives the spare's files exactly.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  type BuildState,
  type SiteStamps,
  spareSharesMost,
  spareStamps,
  stampDifferences,
} from "../src/incremental/build-state.ts";

const stamp = fc.tuple(fc.nat(50), fc.nat(3), fc.nat(3));
const site = fc.dictionary(fc.constantFrom("a.html", "b/index.html", "c.css", "d/e/index.html", "f.json"), stamp);

const stateOf = (files: SiteStamps, spare: SiteStamps): BuildState => ({
  inputsKey: "i",
  globalsKey: "g",
  pages: {},
  search: {},
  data: {},
  sqlite: null,
  sitemap: "s",
  files,
  spare: { buildId: "b", differences: stampDifferences(spare, files) },
});

/** `count` files, the first `unshared` of them with an inode the published site does not have. */
function spareWith(count: number, unshared: number): { spare: SiteStamps; published: SiteStamps } {
  const spare: SiteStamps = {};
  const published: SiteStamps = {};
  for (let i = 0; i < count; i++) {
    published[`p${i}/index.html`] = [i, 1, 1];
    spare[`p${i}/index.html`] = [i < unshared ? count + i : i, 1, 1];
  }
  return { spare, published };
}

describe("spare site", () => {
  test("its files are the published files with the recorded differences", () => {
    fc.assert(
      fc.property(site, site, (spare, published) => {
        expect(spareStamps(stateOf(published, spare))).toEqual(spare);
      }),
    );
  });

  test("only the differing files are recorded", () => {
    const published: SiteStamps = { "a.html": [1, 2, 3], "b.html": [4, 5, 6] };
    const spare: SiteStamps = { "a.html": [1, 2, 3], "b.html": [7, 5, 6], "c.html": [8, 1, 1] };
    expect(stampDifferences(spare, published)).toEqual({ "b.html": [7, 5, 6], "c.html": [8, 1, 1] });
    expect(stampDifferences(published, spare)).toEqual({ "b.html": [4, 5, 6], "c.html": null });
  });

  test("it is brought up to date when few of its files are not the published site's", () => {
    const few = spareWith(5000, 30);
    expect(spareSharesMost(few.spare, few.published)).toBe(true);
    const most = spareWith(5000, 4000);
    expect(spareSharesMost(most.spare, most.published)).toBe(false);
    // A small site's spare is cheap to bring up to date whatever it holds.
    const small = spareWith(800, 800);
    expect(spareSharesMost(small.spare, small.published)).toBe(true);
  });
});

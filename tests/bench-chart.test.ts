/** The benchmark's chart: one panel per storage, one line per series, points where the table has numbers. */
import { expect, test } from "vitest";
import { fromXml } from "xast-util-from-xml";
import { chartSvg } from "../bench/chart.ts";
import { xmlElements as elements } from "./html.ts";

test("two storages, four series, three sizes; no Hugo numbers leave its lines empty", () => {
  const rows = [1000, 10000, 100000].flatMap((articles) =>
    ["disk", "RAM disk"].map((storage) => ({
      articles,
      storage,
      ours: articles / 500,
      hugo: storage === "disk" ? articles / 3000 : null,
      hugoPagefind: storage === "disk" ? articles / 1000 : null,
      oneEdited: articles / 4000,
    })),
  );
  const svg = fromXml(chartSvg(rows, "Build time"));
  const polylines = elements(svg, "polyline");
  expect(polylines).toHaveLength(8);
  const points = polylines.map(
    (line) =>
      String(line.attributes["points"] ?? "")
        .split(" ")
        .filter(Boolean).length,
  );
  // Disk panel: all four series; RAM disk panel: ours and one-edit only.
  expect(points).toEqual([3, 3, 3, 3, 3, 0, 0, 3]);
  expect(elements(svg, "title").map((t) => (t.children[0]?.type === "text" ? t.children[0].value : ""))).toEqual([
    "Build time",
  ]);
  expect(elements(svg, "text").some((t) => t.children[0]?.type === "text" && t.children[0].value === "RAM disk")).toBe(
    true,
  );
});

/**
 * The benchmark table as an SVG line chart: build time against articles
 * (both axes logarithmic) for our full build, Hugo, Hugo + Pagefind and our
 * one-edit rebuild, one panel per storage. Built as an xast tree.
 */
import type { Element } from "xast";
import { x } from "xastscript";
import { toXml } from "xast-util-to-xml";

export interface ChartRow {
  articles: number;
  storage: string;
  ours: number;
  hugo: number | null;
  hugoPagefind: number | null;
  oneEdited: number;
}

const SERIES = [
  { key: "ours", label: "ours, full build", color: "#b0122b", dash: "" },
  { key: "hugoPagefind", label: "Hugo + Pagefind", color: "#1f4e8c", dash: "" },
  { key: "hugo", label: "Hugo alone", color: "#1f4e8c", dash: "6 4" },
  { key: "oneEdited", label: "ours, one seed edited", color: "#b0122b", dash: "2 4" },
] as const;

const PANEL = { width: 420, height: 300, left: 56, right: 16, top: 36, bottom: 44 };

export function chartSvg(rows: readonly ChartRow[], title: string): string {
  const storages = [...new Set(rows.map((row) => row.storage))];
  const width = PANEL.width * storages.length;
  const legendHeight = 28;
  const panels = storages.map((storage, i) =>
    panel(
      rows.filter((row) => row.storage === storage),
      storage,
      i * PANEL.width,
    ),
  );
  const legend = SERIES.map((series, i) =>
    x("g", { transform: `translate(${PANEL.left + i * 190}, ${PANEL.height + 18})` }, [
      x("line", {
        x1: 0,
        y1: 0,
        x2: 24,
        y2: 0,
        stroke: series.color,
        "stroke-width": 2,
        "stroke-dasharray": series.dash || undefined,
      }),
      x("text", { x: 30, y: 4 }, series.label),
    ]),
  );
  const svg = x(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${width} ${PANEL.height + legendHeight + 10}`,
      width,
      height: PANEL.height + legendHeight + 10,
      role: "img",
      "aria-label": title,
      "font-family": "sans-serif",
      "font-size": 12,
    },
    [x("title", title), x("rect", { width: "100%", height: "100%", fill: "#fff" }), ...panels, ...legend],
  );
  return `${toXml(svg)}\n`;
}

function panel(rows: readonly ChartRow[], storage: string, offset: number): Element {
  const articles = rows.map((row) => row.articles);
  const times = rows.flatMap((row) => SERIES.map((series) => row[series.key] ?? Number.NaN)).filter(Number.isFinite);
  const [minA, maxA] = logBounds(articles);
  const [minT, maxT] = logBounds(times);
  const plotW = PANEL.width - PANEL.left - PANEL.right;
  const plotH = PANEL.height - PANEL.top - PANEL.bottom;
  const px = (a: number): number => PANEL.left + ((Math.log10(a) - minA) / (maxA - minA || 1)) * plotW;
  const py = (t: number): number => PANEL.top + plotH - ((Math.log10(t) - minT) / (maxT - minT || 1)) * plotH;
  const ticksA = decades(minA, maxA);
  const ticksT = decades(minT, maxT);
  const grid = [
    ...ticksA.map((a) =>
      x("g", [
        x("line", { x1: px(a), y1: PANEL.top, x2: px(a), y2: PANEL.top + plotH, stroke: "#ddd" }),
        x("text", { x: px(a), y: PANEL.top + plotH + 16, "text-anchor": "middle" }, a.toLocaleString("en")),
      ]),
    ),
    ...ticksT.map((t) =>
      x("g", [
        x("line", { x1: PANEL.left, y1: py(t), x2: PANEL.left + plotW, y2: py(t), stroke: "#ddd" }),
        x("text", { x: PANEL.left - 6, y: py(t) + 4, "text-anchor": "end" }, `${t} s`),
      ]),
    ),
  ];
  const lines = SERIES.map((series) => {
    const points = rows
      .filter((row) => row[series.key] !== null)
      .map((row) => `${px(row.articles).toFixed(1)},${py(row[series.key] ?? 1).toFixed(1)}`);
    return x("g", [
      x("polyline", {
        points: points.join(" "),
        fill: "none",
        stroke: series.color,
        "stroke-width": 2,
        "stroke-dasharray": series.dash || undefined,
      }),
      ...points.map((point) => {
        const [cx, cy] = point.split(",");
        return x("circle", { cx, cy, r: 3, fill: series.color });
      }),
    ]);
  });
  return x("g", { transform: `translate(${offset}, 0)` }, [
    x("text", { x: PANEL.left, y: 20, "font-weight": "bold" }, storage),
    x("text", { x: PANEL.left + plotW, y: PANEL.top + plotH + 34, "text-anchor": "end" }, "articles"),
    ...grid,
    ...lines,
  ]);
}

/** log10 bounds padded to whole decades' thirds, so points do not sit on the frame. */
function logBounds(values: readonly number[]): [number, number] {
  const logs = values.filter((v) => v > 0).map(Math.log10);
  const min = Math.min(...logs);
  const max = Math.max(...logs);
  return [Math.floor(min * 3) / 3 - 0.05, Math.ceil(max * 3) / 3 + 0.05];
}

/** 1, 2, 5 × powers of ten inside the bounds. */
function decades(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let power = Math.floor(min); power <= Math.ceil(max); power++) {
    for (const step of [1, 2, 5]) {
      const value = step * 10 ** power;
      if (Math.log10(value) >= min && Math.log10(value) <= max) ticks.push(Number(value.toPrecision(3)));
    }
  }
  return ticks;
}

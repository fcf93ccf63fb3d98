// @ts-check
// The search page's only script: runs Pagefind over the archive index and
// shows results with headline, date, section and a highlighted excerpt.
// Query and filters live in the URL (?q=&section=&author=&year=&sort=), so
// the plain header form on every page, links and the back button all work.

import { spaceKhmerWords } from "./khmer-words.js";

/**
 * The parts of Pagefind's browser API this page uses (https://pagefind.app/docs/api/).
 * @typedef {{ url: string, excerpt: string, meta: Record<string, string> }} ResultData
 * @typedef {{ data: () => Promise<ResultData> }} Result
 * @typedef {{ filters?: Record<string, string | { any: string[] }>, sort?: Record<string, "asc" | "desc"> | undefined }} SearchOptions
 * @typedef {{
 *   options: (options: object) => Promise<void>,
 *   mergeIndex: (url: string, options: object) => Promise<void>,
 *   search: (query: string, options: SearchOptions) => Promise<{ results: Result[] }>,
 * }} PagefindApi
 * @typedef {{ url: string, year: string, articles: number, from: string, to: string }} Shard
 * @typedef {{
 *   query: string, filters: Record<string, string | { any: string[] }>, sort: SearchOptions["sort"],
 *   pending: Result[], groups: Shard[][], searched: Shard[], found: number,
 * }} SearchState
 */

/**
 * An element the search page's template always has.
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
function element(id, type) {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`the search page has no #${id}`);
  return found;
}

const form = element("search-form", HTMLFormElement);
const input = element("search-page-q", HTMLInputElement);
const status = element("search-status", HTMLElement);
const list = element("search-results", HTMLOListElement);
const more = element("search-more", HTMLButtonElement);
const selects = {
  section: element("filter-section", HTMLSelectElement),
  author: element("filter-author", HTMLSelectElement),
  year: element("filter-year", HTMLSelectElement),
  sort: element("filter-sort", HTMLSelectElement),
};
const FILTERS = ["section", "author", "year"];
const PAGE = 20;

/**
 * Pagefind excerpts are HTML with <mark>; keep only their text and the marks.
 * @param {string} html
 * @returns {Node[]}
 */
function excerptNodes(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  return Array.from(template.content.childNodes, (node) => {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? "");
  });
}

/** @param {ResultData} data */
function resultItem(data) {
  const item = document.createElement("li");
  const article = document.createElement("article");
  const lang = data.meta["lang"];
  if (lang && lang !== document.documentElement.lang) article.lang = lang;
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta["title"] ?? "";
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "summary-meta";
  meta.lang = document.documentElement.lang;
  meta.textContent = `${data.meta["section"]} · ${data.meta["date"]}`;
  const excerpt = document.createElement("p");
  excerpt.className = "excerpt";
  excerpt.append(...excerptNodes(data.excerpt));
  article.append(heading, meta, excerpt);
  item.append(article);
  return item;
}

// The index is one Pagefind bundle per year or run of months, newest first (`url year articles from to`,
// comma-separated; `from` and `to` are `2019`, `2019-05` or `2019-05-16`). The first loads Pagefind; the
// others merge into it when a search reaches them, so a search loads the newest shards first and older
// ones only as the reader asks for more results, whatever the archive's size.
/** @type {Shard[]} */
const shards = (form.dataset.shards ?? "")
  .split(",")
  .filter((entry) => entry.trim() !== "")
  .map((entry) => {
    const [url = "", year = "", articles = "0", from = year, to = from] = entry.trim().split(" ");
    return { url, year, articles: Number(articles), from, to };
  });
/**
 * How much a search loads before showing what it found: the newest years up to this many articles, and at
 * most this many shards (each costs three requests however small).
 */
const GROUP_ARTICLES = Number(form.dataset.groupArticles ?? "5000");
const GROUP_SHARDS = 6;
/** An archive this small is searched whole at once, however many years its articles span. */
const SMALL = shards.reduce((sum, shard) => sum + shard.articles, 0) <= GROUP_ARTICLES;
// The indexed URLs already carry the base path; Pagefind would otherwise prefix the folder
// it was loaded from (`/archive/`) a second time.
const OPTIONS = { excerptLength: 30, baseUrl: "/" };
/**
 * Each shard's pages carry its URL as a filter made in the browser (no request), so a search can keep to the
 * shards of one group.
 * @param {Shard} shard
 */
const shardOptions = (shard) => ({ ...OPTIONS, mergeFilter: { shard: shard.url } });
/** @type {PagefindApi | null} */
const pagefind = shards[0] === undefined ? null : await import(`${shards[0].url}pagefind.js`);
if (shards[0] !== undefined) await pagefind?.options(shardOptions(shards[0]));
/** Shards merged into the index so far. */
const loaded = new Set(shards.slice(0, 1).map((shard) => shard.url));

/** @param {Shard[]} group */
async function load(group) {
  const api = pagefind;
  if (api === null) return;
  const added = group.filter((shard) => !loaded.has(shard.url));
  for (const shard of added) loaded.add(shard.url);
  // Side by side: each merge is two requests, and a reader's connection has room for several.
  await Promise.all(added.map((shard) => api.mergeIndex(shard.url, shardOptions(shard))));
}

// The search on the page: results not shown yet and the groups of shards still to search.
// Each run replaces it, so a slower earlier run can never add to a newer one's list.
/** @returns {SearchState} */
const emptySearch = () => ({
  query: "",
  filters: {},
  sort: undefined,
  pending: [],
  groups: [],
  searched: [],
  found: 0,
});
let current = emptySearch();

/**
 * Searches group after group until `count` results wait to be shown, or until it has searched about
 * `GROUP_ARTICLES` articles (or `GROUP_SHARDS` shards) and found some: results come as they are found, and a common word loads only the
 * newest years. A group is searched alone (by its shards) so results already shown stay where they are.
 * @param {SearchState} state
 * @param {number} count
 */
async function fill(state, count) {
  let articles = GROUP_ARTICLES;
  let shardsLeft = SMALL ? Number.POSITIVE_INFINITY : GROUP_SHARDS;
  for (let group = state.groups.shift(); pagefind !== null && group !== undefined; group = state.groups.shift()) {
    await load(group);
    const only = loaded.size === group.length ? {} : { shard: { any: group.map((shard) => shard.url) } };
    const { query, filters, sort } = state;
    const search = await pagefind.search(spaceKhmerWords(query), { filters: { ...filters, ...only }, sort });
    state.pending.push(...search.results);
    state.found += search.results.length;
    state.searched.push(...group);
    articles -= group.reduce((sum, shard) => sum + shard.articles, 0);
    shardsLeft -= group.length;
    if (state.pending.length >= count || (state.pending.length > 0 && (articles <= 0 || shardsLeft <= 0))) break;
  }
}

/**
 * `2019`, `May 2019`, `16 May 2019`, in the page's language.
 * @param {string} period
 * @param {boolean} [withYear]
 */
function periodText(period, withYear = true) {
  const [year = "", month, day] = period.split("-");
  if (month === undefined) return year;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? "1")));
  /** @type {Intl.DateTimeFormatOptions} */
  const options = { month: "long", timeZone: "UTC" };
  if (withYear) options.year = "numeric";
  if (day !== undefined) options.day = "numeric";
  return new Intl.DateTimeFormat(document.documentElement.lang || undefined, options).format(date);
}

/**
 * The periods a group of shards covers: `2019–2024`, `2019`, `May–August 2019`, `November 2018–2019`,
 * `undated articles`, `2019–2024 and undated articles`.
 * @param {Shard[]} group
 */
function periodsLabel(group) {
  const dated = group.filter((shard) => /^\d+$/.test(shard.year));
  const first = dated.map((shard) => shard.from).sort()[0];
  const last = dated
    .map((shard) => shard.to)
    .sort()
    .at(-1);
  let range = "";
  if (first !== undefined && last !== undefined) {
    const sameYearMonths =
      first !== last && /^\d+-\d+$/.test(first) && /^\d+-\d+$/.test(last) && first.slice(0, 4) === last.slice(0, 4);
    range =
      first === last
        ? periodText(first)
        : sameYearMonths
          ? `${periodText(first, false)}–${periodText(last)}`
          : `${periodText(first)}–${periodText(last)}`;
  }
  const undated = dated.length < group.length ? "undated articles" : "";
  return [range, undated].filter(Boolean).join(" and ");
}

async function showMore() {
  const state = current;
  await fill(state, PAGE);
  const batch = state.pending.splice(0, PAGE);
  const data = await Promise.all(batch.map((result) => result.data()));
  if (state !== current) return;
  list.append(...data.map(resultItem));
  const next = state.groups[0];
  more.hidden = state.pending.length === 0 && next === undefined;
  more.textContent =
    state.pending.length > 0 || next === undefined ? "Show more results" : `Search ${periodsLabel(next)}`;
  // Set once results are on the page: screen readers announce it, and tests wait for it.
  const where = next === undefined ? "" : ` in ${periodsLabel(state.searched)}`;
  status.textContent = `${state.found} ${state.found === 1 ? "result" : "results"} for “${state.query}”${where}`;
}

/**
 * The shards a search goes through, in groups: those of one year (`year`), one at a time; one at a time in
 * date order (undated articles last either way); else the newest years first, about `GROUP_ARTICLES` articles (at most `GROUP_SHARDS` shards) a group.
 * @param {string | undefined} year
 * @param {string | null} order
 * @returns {Shard[][]}
 */
function searchGroups(year, order) {
  if (year !== undefined) return shards.filter((shard) => shard.year === year).map((shard) => [shard]);
  if (order === "newest" || order === "oldest") {
    const dated = shards.filter((shard) => /^\d+$/.test(shard.year)).sort((a, b) => a.from.localeCompare(b.from));
    if (order === "newest") dated.reverse();
    return [...dated, ...shards.filter((shard) => !dated.includes(shard))].map((shard) => [shard]);
  }
  if (SMALL) return [shards];
  /** @type {Shard[][]} */
  const groups = [];
  let size = GROUP_ARTICLES;
  for (const shard of shards) {
    const group = groups.at(-1);
    if (group === undefined || size >= GROUP_ARTICLES || group.length >= GROUP_SHARDS) {
      groups.push([shard]);
      size = shard.articles;
    } else {
      group.push(shard);
      size += shard.articles;
    }
  }
  return groups;
}

/** @param {boolean} keepTyped words in the box are kept (typed while the script was loading, or as they are being typed) */
async function run(keepTyped = false) {
  const params = new URLSearchParams(location.search);
  if (!(keepTyped && input.value.trim() === (params.get("q") ?? "").trim())) {
    input.value = params.get("q") ?? (keepTyped ? input.value : "");
  }
  for (const [name, select] of Object.entries(selects)) select.value = params.get(name) ?? "";
  list.replaceChildren();
  more.hidden = true;
  const state = emptySearch();
  current = state;
  const query = input.value.trim();
  if (pagefind === null) {
    status.textContent = "The archive has no articles to search yet.";
    return;
  }
  if (query === "") {
    status.textContent = "Type words to search the archive.";
    return;
  }
  /** @type {Record<string, string>} */
  const filters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  const order = params.get("sort");
  /** @type {SearchState["sort"]} */
  const sort = order === "newest" ? { date: "desc" } : order === "oldest" ? { date: "asc" } : undefined;
  status.textContent = "Searching…";
  Object.assign(state, { query, filters, sort, groups: searchGroups(filters["year"], order) });
  await showMore();
}

/** The form's state in the URL: pushed for a search the reader asked for, replaced while typing. */
function formUrl() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form))
    if (String(value).trim() !== "") params.set(name, String(value).trim());
  return `${location.pathname}?${params}`;
}

/** @param {Event} [event] */
function submit(event) {
  event?.preventDefault();
  clearTimeout(typing);
  history.pushState(null, "", formUrl());
  return run();
}

// Results as the reader types, once the typing pauses; the form still works without JavaScript.
const TYPING_PAUSE_MS = 250;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let typing;
input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    history.replaceState(null, "", formUrl());
    run(true);
  }, TYPING_PAUSE_MS);
});

form.addEventListener("submit", submit);
for (const select of Object.values(selects)) select.addEventListener("change", () => submit());
more.addEventListener("click", showMore);
window.addEventListener("popstate", () => run());
// Words typed while the index was loading go into the URL, as typing afterwards would put them.
if (input.value.trim() !== "" && !new URLSearchParams(location.search).has("q"))
  history.replaceState(null, "", formUrl());
await run(true);
// Shown last: from here on the filters work, and tests wait for this.
element("search-filters", HTMLFieldSetElement).hidden = pagefind === null;

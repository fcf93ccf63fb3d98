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
 * @typedef {Record<string, Record<string, number>>} FilterCounts
 * @typedef {{ filters?: Record<string, string>, sort?: Record<string, "asc" | "desc"> | undefined }} SearchOptions
 * @typedef {{
 *   options: (options: object) => Promise<void>,
 *   mergeIndex: (url: string, options: object) => Promise<void>,
 *   filters: () => Promise<FilterCounts>,
 *   search: (query: string, options: SearchOptions) => Promise<{ results: Result[] }>,
 * }} PagefindApi
 * @typedef {{ query: string, filters: Record<string, string>, sort: SearchOptions["sort"], pending: Result[], years: string[] }} SearchState
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

/**
 * @param {HTMLSelectElement} select
 * @param {Record<string, number>} counts
 * @param {(a: string, b: string) => number} order
 */
function fillSelect(select, counts, order) {
  const values = Object.keys(counts).sort(order);
  for (const value of values) select.add(new Option(`${value} (${counts[value]})`, value));
}

// The index is one Pagefind bundle per year, newest first; the first loads Pagefind and the others merge into it.
const shards = (form.dataset.shards ?? "").split(" ").filter(Boolean);
/** @type {PagefindApi | null} */
const pagefind = shards.length === 0 ? null : await import(`${shards[0]}pagefind.js`);
// Every year value of the archive: a date order searches them one at a time.
/** @type {string[]} */
let allYears = [];
if (pagefind !== null) {
  // The indexed URLs already carry the base path; Pagefind would otherwise prefix the folder
  // it was loaded from (`/archive/`) a second time.
  const options = { excerptLength: 30, baseUrl: "/" };
  await pagefind.options(options);
  for (const shard of shards.slice(1)) await pagefind.mergeIndex(shard, options);
  const available = await pagefind.filters();
  allYears = Object.keys(available["year"] ?? {});
  fillSelect(selects.section, available["section"] ?? {}, (a, b) => a.localeCompare(b));
  fillSelect(selects.author, available["author"] ?? {}, (a, b) => a.localeCompare(b));
  fillSelect(selects.year, available["year"] ?? {}, (a, b) => b.localeCompare(a));
}

// The search on the page: results not shown yet and, for a date order, the years still to search.
// Each run replaces it, so a slower earlier run can never add to a newer one's list.
/** @returns {SearchState} */
const emptySearch = () => ({ query: "", filters: {}, sort: undefined, pending: [], years: [] });
let current = emptySearch();

/**
 * Merged results come ordered by relevance, so a date order is built a year (a shard) at a time.
 * @param {SearchState} state
 * @param {number} count
 */
async function fill(state, count) {
  for (let year = state.years.shift(); pagefind !== null && year !== undefined; year = state.years.shift()) {
    const { query, filters, sort } = state;
    const search = await pagefind.search(spaceKhmerWords(query), { filters: { ...filters, year }, sort });
    state.pending.push(...search.results);
    if (state.pending.length >= count) break;
  }
}

async function showMore() {
  const state = current;
  await fill(state, PAGE);
  const batch = state.pending.splice(0, PAGE);
  const data = await Promise.all(batch.map((result) => result.data()));
  if (state !== current) return;
  list.append(...data.map(resultItem));
  more.hidden = state.pending.length === 0 && state.years.length === 0;
}

/**
 * Years in date order; undated articles come last either way.
 * @param {string[]} years
 * @param {string | null} order
 */
function yearsInOrder(years, order) {
  const dated = years.filter((year) => /^\d+$/.test(year)).sort();
  if (order === "newest") dated.reverse();
  return [...dated, ...years.filter((year) => !/^\d+$/.test(year))];
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
  const search = await pagefind.search(spaceKhmerWords(query), { filters });
  if (state !== current) return;
  const count = search.results.length;
  Object.assign(state, { query, filters, sort });
  if (sort === undefined) state.pending = search.results;
  // Merged searches report no filter counts, so every year is tried; empty ones cost one lookup.
  else state.years = yearsInOrder(filters["year"] === undefined ? allYears : [filters["year"]], order);
  await showMore();
  if (state !== current) return;
  // Set once the first results are on the page: screen readers announce it, and tests wait for it.
  status.textContent = `${count} ${count === 1 ? "result" : "results"} for “${query}”`;
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

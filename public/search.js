// The search page's only script: runs Pagefind over the archive index and
// shows results with headline, date, section and a highlighted excerpt.
// Query and filters live in the URL (?q=&section=&author=&year=&sort=), so
// the plain header form on every page, links and the back button all work.

const form = document.getElementById("search-form");
const input = document.getElementById("search-page-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const more = document.getElementById("search-more");
const FILTERS = ["section", "author", "year"];
const PAGE = 20;

// Khmer is written without spaces; the index holds it split into words, so the query is split the same way.
const khmerWords = new Intl.Segmenter("km", { granularity: "word" });
function segment(text) {
  return text.replace(/[\p{Script=Khmer}\u200B]+/gu, (run) =>
    Array.from(khmerWords.segment(run.replace(/\u200B/g, " ")), (s) => s.segment.trim())
      .filter(Boolean)
      .join(" "),
  );
}

// Pagefind excerpts are HTML with <mark>; keep only their text and the marks.
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

function resultItem(data) {
  const item = document.createElement("li");
  const article = document.createElement("article");
  if (data.meta.lang && data.meta.lang !== document.documentElement.lang) article.lang = data.meta.lang;
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title;
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "summary-meta";
  meta.lang = document.documentElement.lang;
  meta.textContent = `${data.meta.section} · ${data.meta.date}`;
  const excerpt = document.createElement("p");
  excerpt.className = "excerpt";
  excerpt.append(...excerptNodes(data.excerpt));
  article.append(heading, meta, excerpt);
  item.append(article);
  return item;
}

function fillSelect(select, counts, order) {
  const values = Object.keys(counts).sort(order);
  for (const value of values) select.add(new Option(`${value} (${counts[value]})`, value));
}

const pagefind = await import(form.dataset.pagefind);
await pagefind.options({ excerptLength: 30 });
const available = await pagefind.filters();
fillSelect(form.elements.section, available.section ?? {}, (a, b) => a.localeCompare(b));
fillSelect(form.elements.author, available.author ?? {}, (a, b) => a.localeCompare(b));
fillSelect(form.elements.year, available.year ?? {}, (a, b) => b.localeCompare(a));
let pending = [];

async function showMore() {
  const batch = pending.splice(0, PAGE);
  const data = await Promise.all(batch.map((result) => result.data()));
  list.append(...data.map(resultItem));
  more.hidden = pending.length === 0;
}

// `keepTyped`: on first load, words typed while the script was loading are kept.
async function run(keepTyped = false) {
  const params = new URLSearchParams(location.search);
  input.value = params.get("q") ?? (keepTyped ? input.value : "");
  for (const name of [...FILTERS, "sort"]) form.elements[name].value = params.get(name) ?? "";
  list.replaceChildren();
  more.hidden = true;
  const query = input.value.trim();
  if (query === "") {
    status.textContent = "Type words to search the archive.";
    return;
  }
  const filters = Object.fromEntries(
    FILTERS.filter((name) => params.get(name)).map((name) => [name, params.get(name)]),
  );
  const order = params.get("sort");
  const sort = order === "newest" ? { date: "desc" } : order === "oldest" ? { date: "asc" } : undefined;
  status.textContent = "Searching…";
  const search = await pagefind.search(segment(query), { filters, sort });
  pending = search.results;
  const count = pending.length;
  status.textContent = `${count} ${count === 1 ? "result" : "results"} for “${query}”`;
  await showMore();
}

function submit(event) {
  event?.preventDefault();
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form))
    if (String(value).trim() !== "") params.set(name, String(value).trim());
  history.pushState(null, "", `${location.pathname}?${params}`);
  return run();
}

form.addEventListener("submit", submit);
for (const name of [...FILTERS, "sort"]) form.elements[name].addEventListener("change", () => submit());
more.addEventListener("click", showMore);
window.addEventListener("popstate", () => run());
await run(true);
// Shown last: from here on the filters work, and tests wait for this.
form.querySelector(".filters").hidden = false;

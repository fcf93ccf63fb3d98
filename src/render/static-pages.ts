/** The templates rendered once per build (about, search, sections, 404), not per article or list page. */
export const STATIC_TEMPLATES = ["404.njk", "about.njk", "search.njk", "sections.njk"] as const;

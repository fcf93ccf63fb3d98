// @ts-check
// The head of each list page (read by layouts/base.njk), from its view
// (src/render/list-view.ts). Functions, not Nunjucks strings: a string would
// be escaped here and again in the layout.

/** @typedef {{ listPage: import("../src/render/list-view.ts").ListPageView }} ListPage */

export default {
  eleventyComputed: {
    // The home page's first page is titled by the site name alone.
    /** @param {ListPage} data */
    title: ({ listPage }) => (listPage.kind === "home" && listPage.pageNumber === 1 ? null : listPage.title),
    /** @param {ListPage} data */
    description: ({ listPage }) => listPage.description,
    /** @param {ListPage} data */
    canonical: ({ listPage }) => listPage.canonicalUrl,
    /** @param {ListPage} data */
    feed: ({ listPage }) => (listPage.feedUrl === null ? null : { url: listPage.feedUrl, title: listPage.heading }),
    /** @param {ListPage} data */
    currentSection: ({ listPage }) => (listPage.kind === "section" ? { url: listPage.url, current: "page" } : null),
  },
};

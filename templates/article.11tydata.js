// @ts-check
// The head of each article page (read by layouts/base.njk), from its view
// (src/render/article-view.ts). Functions, not Nunjucks strings: a string
// would be escaped here and again in the layout.

/** @typedef {{ entry: import("../src/render/article-view.ts").ArticleView }} ArticlePage */

export default {
  eleventyComputed: {
    /** @param {ArticlePage} data */
    title: (data) => data.entry.record.headline,
    /** @param {ArticlePage} data */
    description: (data) => data.entry.description,
    /** @param {ArticlePage} data */
    canonical: (data) => data.entry.canonicalUrl,
    /** @param {ArticlePage} data */
    currentSection: (data) => ({ url: data.entry.summary.section.url, current: "true" }),
  },
};

/**
 * A worker thread that renders pages with Eleventy: the main thread builds
 * each run's page views and sends them here, so rendering and writing pages
 * run beside the search indexing the main thread drives. A run's pages do
 * not depend on which thread renders it or in which order, so the site is
 * the same file for file as one rendered in the main thread (a test
 * compares them).
 */
import { answerRequests } from "../util/worker-pool.ts";
import { type EleventyRun, runEleventy } from "./run-eleventy.ts";

answerRequests((run: EleventyRun) => runEleventy(run));

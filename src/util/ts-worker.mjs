// @ts-check
// The entry of every worker thread: it runs the TypeScript module named in
// `workerData.module`. Node strips the types itself (the code uses only
// syntax it can erase: `erasableSyntaxOnly`); on a Node that cannot, tsx's
// loader is registered first, as worker threads do not inherit a loader
// from the thread that starts them.
import { workerData } from "node:worker_threads";

if (!process.features.typescript) (await import("tsx/esm/api")).register();
await import(workerData.module);

// @ts-check
// The entry of every worker thread: worker threads do not inherit tsx's
// loader from the thread that starts them, so it is registered here before
// the TypeScript module named in `workerData.module` runs.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.module);

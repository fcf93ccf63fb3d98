/**
 * `npx tsx bench/cpu-by-thread.ts COMMAND [ARG…]`: runs a command and
 * prints the CPU seconds each thread of it and of its child processes
 * used, read from `/proc` every 50 ms (Linux only). A CPU profile shows one
 * JavaScript thread; this shows where a whole build's CPU goes: the main
 * thread, the worker threads, V8's own threads (garbage collection,
 * compilation: Node starts four when it starts, so they have the lowest
 * thread ids after the main thread) and the Pagefind processes.
 *
 *   npx tsx bench/cpu-by-thread.ts node --import tsx src/cli.ts --seeds S --out O --quiet
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync, readdirSync } from "node:fs";

interface Thread {
  pid: number;
  tid: number;
  process: string;
  seconds: number;
}

const TICKS_PER_SECOND = 100;

/** The threads of `root` and its descendants as `/proc` shows them now. */
function sample(root: number, seen: Map<string, Thread>): void {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/u.test(entry)) continue;
    const stat = readStat(`/proc/${entry}/stat`);
    if (stat !== null) parents.set(Number(entry), Number(stat.fields[1]));
  }
  const isOurs = (pid: number): boolean => {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parents.get(p)) if (p === root) return true;
    return false;
  };
  for (const pid of parents.keys()) {
    if (!isOurs(pid)) continue;
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    const process = readStat(`/proc/${pid}/stat`)?.name ?? "?";
    for (const tid of tids) {
      const stat = readStat(`/proc/${pid}/task/${tid}/stat`);
      if (stat === null) continue;
      // Fields 14 and 15 of stat: user and system time, in clock ticks.
      const seconds = (Number(stat.fields[11]) + Number(stat.fields[12])) / TICKS_PER_SECOND;
      seen.set(`${pid}/${tid}`, { pid, tid: Number(tid), process, seconds });
    }
  }
}

/** A `/proc/…/stat` line: the name in brackets, and the fields after it (from the state on). */
function readStat(file: string): { name: string; fields: string[] } | null {
  try {
    const text = readFileSync(file, "utf8");
    const close = text.lastIndexOf(")");
    return { name: text.slice(text.indexOf("(") + 1, close), fields: text.slice(close + 2).split(" ") };
  } catch {
    return null;
  }
}

const [command, ...args] = process.argv.slice(2);
if (command === undefined) {
  console.error("usage: npx tsx bench/cpu-by-thread.ts COMMAND [ARG…]");
  process.exit(2);
}
const started = performance.now();
const child = spawn(command, args, { stdio: "inherit" });
const threads = new Map<string, Thread>();
const timer = setInterval(() => sample(child.pid ?? 0, threads), 50);
const [code] = (await once(child, "exit")) as [number | null];
clearInterval(timer);
const wall = (performance.now() - started) / 1000;

const byProcess = new Map<number, Thread[]>();
for (const thread of threads.values()) byProcess.set(thread.pid, [...(byProcess.get(thread.pid) ?? []), thread]);
let total = 0;
for (const [pid, list] of byProcess) {
  const sum = list.reduce((s, t) => s + t.seconds, 0);
  total += sum;
  console.log(`${list[0]?.process ?? "?"} (pid ${pid}): ${sum.toFixed(2)} s`);
  for (const thread of list.sort((a, b) => a.tid - b.tid)) {
    if (thread.seconds < 0.05) continue;
    console.log(
      `  ${thread.tid === pid ? "main" : `tid ${thread.tid}`}`.padEnd(14),
      thread.seconds.toFixed(2).padStart(7),
      "s",
    );
  }
}
console.log(`all: ${total.toFixed(2)} s of CPU in ${wall.toFixed(2)} s`);
process.exit(code ?? 1);

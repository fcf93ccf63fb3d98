/**
 * Build phases: their durations for the summary and the benchmark, and on a
 * terminal a live line `phase count/total (rate/s)`. Silent when not a TTY.
 */

export interface PhaseTiming {
  phase: string;
  ms: number;
  /** Resident memory of this process when the phase ended, in MB. */
  rssMb: number;
}

export class Progress {
  readonly timings: PhaseTiming[] = [];
  #phase = "";
  #started = 0;
  #total = 0;
  #count = 0;
  #lastDraw = 0;

  /** `live`: draw the progress line (a TTY, not `--quiet`). */
  readonly #live: boolean;

  constructor(live: boolean) {
    this.#live = live;
  }

  async phase<T>(name: string, total: number, run: () => Promise<T> | T): Promise<T> {
    this.#phase = name;
    this.#total = total;
    this.#count = 0;
    this.#started = performance.now();
    this.#draw(true);
    try {
      return await run();
    } finally {
      this.timings.push({
        phase: name,
        ms: Math.round(performance.now() - this.#started),
        rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20),
      });
      if (this.#live) process.stderr.write("\r\x1b[K");
    }
  }

  tick(count = 1): void {
    this.#count += count;
    this.#draw(false);
  }

  #draw(force: boolean): void {
    if (!this.#live) return;
    const now = performance.now();
    if (!force && now - this.#lastDraw < 100) return;
    this.#lastDraw = now;
    const seconds = (now - this.#started) / 1000;
    const rate = seconds > 0 ? Math.round(this.#count / seconds) : 0;
    const counts = this.#total > 0 ? ` ${this.#count}/${this.#total} (${rate}/s)` : "";
    process.stderr.write(`\r\x1b[K${this.#phase}${counts}`);
  }
}

/**
 * The rebuilds of `npm run serve`: one at a time, after the files have been
 * quiet for a moment. A rebuild that throws is reported and the site built
 * last stays served; the next change rebuilds again.
 */

export interface RebuildQueue {
  /** A file changed: rebuild once things are quiet. */
  trigger(): void;
  /** Resolves when no rebuild is pending or running. */
  idle(): Promise<void>;
}

export interface RebuildHandlers {
  /** Builds; resolves to the exit code (0: a new site was published). */
  build: () => Promise<number>;
  /** After a successful rebuild: reload the browser. */
  onBuilt: () => void;
  /** A rebuild threw; the previous site is still served. */
  onError: (error: unknown) => void;
}

export function rebuildQueue(handlers: RebuildHandlers, debounceMs: number): RebuildQueue {
  let timer: NodeJS.Timeout | undefined;
  let pending = 0;
  let running: Promise<void> = Promise.resolve();
  const settled: (() => void)[] = [];
  const finish = (): void => {
    pending--;
    if (pending === 0) for (const resolve of settled.splice(0)) resolve();
  };
  return {
    trigger(): void {
      if (timer === undefined) pending++;
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        running = running.then(async () => {
          try {
            if ((await handlers.build()) === 0) handlers.onBuilt();
          } catch (error) {
            handlers.onError(error);
          } finally {
            finish();
          }
        });
      }, debounceMs);
    },
    idle(): Promise<void> {
      return pending === 0 ? Promise.resolve() : new Promise((resolve) => settled.push(resolve));
    },
  };
}

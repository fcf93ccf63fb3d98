/** `npm run serve`'s rebuilds: a rebuild that throws is reported, the site stays, and the next change rebuilds. */
import { describe, expect, test } from "vitest";
import { rebuildQueue } from "../src/cli/rebuild-queue.ts";

describe("rebuild queue", () => {
  test("a throwing rebuild is reported and the next change rebuilds", async () => {
    const events: string[] = [];
    let calls = 0;
    const queue = rebuildQueue(
      {
        build: async () => {
          calls++;
          if (calls === 1) throw new Error("template syntax error");
          return 0;
        },
        onBuilt: () => events.push("reloaded"),
        onError: (error) => events.push(`error: ${error instanceof Error ? error.message : String(error)}`),
      },
      5,
    );
    queue.trigger();
    await queue.idle();
    expect(events).toEqual(["error: template syntax error"]);
    queue.trigger();
    await queue.idle();
    expect(events).toEqual(["error: template syntax error", "reloaded"]);
  });

  test("changes close together give one rebuild; a failed build (exit 1) does not reload", async () => {
    const codes = [1, 0];
    let calls = 0;
    const reloads: number[] = [];
    const queue = rebuildQueue(
      { build: async () => codes[calls++] ?? 0, onBuilt: () => reloads.push(calls), onError: () => undefined },
      20,
    );
    queue.trigger();
    queue.trigger();
    queue.trigger();
    await queue.idle();
    expect(calls).toBe(1);
    expect(reloads).toEqual([]);
    queue.trigger();
    await queue.idle();
    expect(reloads).toEqual([2]);
  });
});

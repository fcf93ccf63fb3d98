/**
 * `withBodies`: records come with their bodies a group at a time, and every
 * group is given back, also when the reader stops early.
 */
import { expect, test } from "vitest";
import { type Bodies, withBodies } from "../src/render/bodies.ts";
import type { ArticleRecord } from "../src/model/record.ts";
import { seedArticle } from "./records.ts";

/** Bodies that count what is held: a record's body is "whole" while borrowed. */
function countingBodies(): Bodies & { held: Set<ArticleRecord>; most: number } {
  const held = new Set<ArticleRecord>();
  const bodies = {
    held,
    most: 0,
    borrow(records: Iterable<ArticleRecord>): () => void {
      const taken = [...records];
      for (const record of taken) {
        record.body = ["whole", "body"];
        held.add(record);
      }
      bodies.most = Math.max(bodies.most, held.size);
      return () => {
        for (const record of taken) {
          record.body = ["whole"];
          held.delete(record);
        }
      };
    },
  };
  return bodies;
}

const records = (n: number): ArticleRecord[] =>
  Array.from({ length: n }, (_, i): ArticleRecord => ({
    ...seedArticle({ headline: `Story ${i}` }),
    slug: `s${i}`,
    url: `/national/s${i}/`,
    authorUrls: [],
    tagUrls: [],
  }));

test("each record is read whole, at most a group held at once, all given back at the end", () => {
  const bodies = countingBodies();
  const all = records(450);
  const seen: number[] = [];
  for (const record of withBodies(all, bodies)) seen.push(record.body.length);
  expect(seen).toEqual(all.map(() => 2));
  expect(bodies.most).toBeLessThanOrEqual(200);
  expect(bodies.held.size).toBe(0);
});

test("a reader that stops early gives the group it held back", () => {
  const bodies = countingBodies();
  for (const record of withBodies(records(300), bodies)) {
    expect(record.body).toHaveLength(2);
    if (record.headline === "Story 250") break;
  }
  expect(bodies.held.size).toBe(0);
});

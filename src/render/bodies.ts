/**
 * Records may be held as heads (their first paragraph only) while their
 * bodies wait in the record cache; whatever reads a body borrows it first
 * and gives it back once what it makes is made.
 */
import type { ArticleRecord } from "../model/record.ts";

export interface Bodies {
  /** Gives `records` their whole bodies until the returned function is called. */
  borrow(records: Iterable<ArticleRecord>): () => void;
}

/** Records read in turn with their bodies, a few hundred at a time. */
const AT_A_TIME = 200;

/**
 * `records` with their whole bodies, borrowed `AT_A_TIME` at a time: each
 * group is given back when the next is asked for, so a consumer must be
 * done with a record's body before it asks for the record after the group.
 */
export function* withBodies(records: Iterable<ArticleRecord>, bodies: Bodies): Generator<ArticleRecord> {
  let group: ArticleRecord[] = [];
  let giveBack = (): void => {};
  try {
    for (const record of records) {
      group.push(record);
      if (group.length < AT_A_TIME) continue;
      giveBack = bodies.borrow(group);
      yield* group;
      giveBack();
      group = [];
    }
    giveBack = bodies.borrow(group);
    yield* group;
  } finally {
    giveBack();
  }
}

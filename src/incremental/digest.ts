/** Short, stable digests of build inputs and page data, for cache keys. */
import { createHash, hash } from "node:crypto";

export function digest(...parts: readonly (string | Uint8Array)[]): string {
  const hashing = createHash("sha1");
  for (const part of parts) hashing.update(part).update("\0");
  return hashing.digest("base64url");
}

/**
 * A digest of a JSON-serializable value: `digest` of its JSON. One call of
 * `hash` rather than a `Hash` object: half the time for the short values of
 * page keys (hundreds of thousands a rebuild).
 */
export function digestJson(value: unknown): string {
  return hash("sha1", `${JSON.stringify(value)}\0`, "base64url");
}

/** A digest of a sequence of JSON-serializable values, serialized one at a time rather than as one string. */
export function digestJsonEach(values: Iterable<unknown>): string {
  const hashing = createHash("sha1");
  for (const value of values) hashing.update(JSON.stringify(value)).update("\0");
  return hashing.digest("base64url");
}

/** Short, stable digests of build inputs and page data, for cache keys. */
import { createHash } from "node:crypto";

export function digest(...parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("base64url");
}

/** A digest of a JSON-serializable value. */
export function digestJson(value: unknown): string {
  return digest(JSON.stringify(value));
}

/** A digest of a sequence of JSON-serializable values, serialized one at a time rather than as one string. */
export function digestJsonEach(values: Iterable<unknown>): string {
  const hash = createHash("sha1");
  for (const value of values) hash.update(JSON.stringify(value)).update("\0");
  return hash.digest("base64url");
}

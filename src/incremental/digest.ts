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

/**
 * A mistake in what the user asked for (a flag, `SITE_URL`, a setting in
 * `site.config.json`, a seeds folder that is not there): reported as one
 * line saying what to give instead, with exit code 2, never as a stack trace.
 */
export class UsageError extends Error {
  override name = "UsageError";
}

/** One line for the user; the stack too when `DEBUG=1`. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return process.env["DEBUG"] === "1" && error instanceof Error && error.stack !== undefined ? error.stack : message;
}

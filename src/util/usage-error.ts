/**
 * A mistake in what the user asked for (a flag, `SITE_URL`, a setting in
 * `site.config.json`, a seeds folder that is not there): reported as one
 * line saying what to give instead, with exit code 2, never as a stack trace.
 */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * One line for the user; the stack too when `DEBUG=1`. A wrapped error's
 * cause is added when its message does not say it (Eleventy's "Having trouble
 * writing to …" hides the "no space left on device" under it).
 */
export function describeError(error: unknown): string {
  let message = shorten(error instanceof Error ? error.message : String(error));
  for (let cause = causeOf(error), depth = 0; cause !== undefined && depth < 5; cause = causeOf(cause), depth++) {
    if (!message.includes(cause.message)) message = `${message}: ${shorten(cause.message)}`;
  }
  return process.env["DEBUG"] === "1" && error instanceof Error && error.stack !== undefined ? error.stack : message;
}

function causeOf(error: unknown): Error | undefined {
  if (!(error instanceof Error)) return undefined;
  const cause = error.cause ?? (error as { originalError?: unknown }).originalError;
  return cause instanceof Error ? cause : undefined;
}

/** A message kept to a line: Eleventy names every file of a failed write, hundreds of them. */
function shorten(message: string): string {
  const line = message.replace(/\s*\n\s*/gu, " ");
  return line.length <= 300 ? line : `${line.slice(0, 297)}…`;
}

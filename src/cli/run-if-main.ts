/** Command-line entry points run their `main` when Node runs their file, and not when a test imports them. */
import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { failureSaidAlready, handleProcessEnd } from "../output/interrupt.ts";
import { EXIT } from "./exit-codes.ts";

export async function runIfMain(moduleUrl: string, main: (argv: string[]) => Promise<number>): Promise<void> {
  const script = process.argv[1];
  if (script === undefined || pathToFileURL(realpathSync(script)).href !== moduleUrl) return;
  handleProcessEnd(EXIT.failed);
  process.exitCode = await main(process.argv.slice(2));
  if (process.exitCode !== EXIT.built) failureSaidAlready();
}

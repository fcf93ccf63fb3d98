/** Runs once before all tests: makes sure system tools are there, so a missing one fails fast with a clear line. */
import { ensureJava } from "./system-tools.ts";

export default function setup(): void {
  ensureJava();
}

/**
 * Runs once before all tests: makes sure system tools are there (installing
 * them on a fresh Debian machine as root), so a missing one fails fast with a
 * clear line instead of a confusing test failure.
 */
import type { TestProject } from "vitest/node";
import { ensureChromium, ensureJava, ensureNginx } from "./system-tools.ts";

export default function setup(project: TestProject): void {
  ensureJava();
  project.provide("chromium", ensureChromium());
  project.provide("nginx", ensureNginx());
}

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of the Chromium binary the browser tests launch. */
    chromium: string;
    /** Path of the nginx binary the deployment test starts. */
    nginx: string;
  }
}

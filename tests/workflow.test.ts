/** The GitHub Pages workflow: valid for GitHub, and it builds a repository that has set no variables. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { PROJECT_ROOT } from "./helpers.ts";

const text = await readFile(path.join(PROJECT_ROOT, ".github/workflows/pages.yml"), "utf8");

describe(".github/workflows/pages.yml", () => {
  test("passes the workflow schema (action-validator)", () => {
    expect(validateWorkflow(text).errors).toEqual([]);
  });

  test("takes the site URL and base path from the Pages configuration when the variables are unset, and skips without --strict", () => {
    const workflow = parse(text) as { jobs: { build: { steps: { id?: string; uses?: string; run?: string }[] } } };
    const steps = workflow.jobs.build.steps;
    const pages = steps.findIndex((step) => step.uses?.startsWith("actions/configure-pages@") === true);
    const build = steps.findIndex((step) => step.run?.startsWith("npm run build") === true);
    expect(pages).toBeGreaterThanOrEqual(0);
    expect(pages).toBeLessThan(build);
    const command = steps[build]?.run ?? "";
    expect(command).toContain(`vars.SITE_URL || steps.${steps[pages]?.id ?? "?"}.outputs.origin`);
    expect(command).toContain(`vars.BASE_PATH || steps.${steps[pages]?.id ?? "?"}.outputs.base_path`);
    expect(command).not.toContain("--strict");
  });
});

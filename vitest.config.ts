import { defineConfig } from "vitest/config";

// `npm run test:unit` runs the unit project alone: no browser, Java, nginx or apt, in seconds.
export default defineConfig({
  test: {
    reporters: ["default", "./tests/summary-reporter.ts"],
    coverage: {
      provider: "v8",
      include: ["src/**"],
      reporter: ["text-summary", "json-summary"],
      // Child processes (the CLI as a user runs it) are not measured: what they run is reached in process too.
      thresholds: { lines: 90 },
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/**/*.e2e.test.ts", "tests/**/*.build.test.ts"],
          // Threads that share one module graph start in a fraction of the time of a fresh process per file;
          // nothing in this tier changes process-wide state.
          pool: "threads",
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          // The middle tier: whole small sites built in this process into temporary folders; no browser, Java or nginx.
          name: "build",
          include: ["tests/**/*.build.test.ts"],
          pool: "threads",
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/**/*.e2e.test.ts"],
          globalSetup: ["./tests/global-setup.ts"],
          // End-to-end tests run whole Eleventy builds.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

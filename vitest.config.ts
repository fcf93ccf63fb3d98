import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    reporters: ["default", "./tests/summary-reporter.ts"],
    globalSetup: ["./tests/global-setup.ts"],
    setupFiles: ["./tests/register-tsx.ts"],
    // End-to-end tests run whole Eleventy builds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

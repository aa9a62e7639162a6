import { defineConfig } from "vitest/config";

// Two speeds. `unit`: the pure engine, rule, renderer and handler tests (test/unit/, test/rules/): no processes,
// no services, no eval data, no clocks (`npm run test:unit`). `integration`: everything else, which starts
// processes, servers and the local Discord stand-in, or talks to PostgreSQL and Redis. `npm test` runs both.
export default defineConfig({
  test: {
    // PostgreSQL and Redis probed once: required with CI=true, else their tests are left out with one line.
    globalSetup: ["test/global-services.ts"],
    // Temporary folders made through test/temp-dirs.ts are removed after each test file.
    setupFiles: ["test/remove-temp-dirs.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The Discord end-to-end tests start servers and processes; two workers suit a 2-core machine.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // Pure tests share one module graph per worker: the language data loads once, not once a file.
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts", "test/rules/**/*.test.ts"],
          isolate: false,
        },
      },
      { extends: true, test: { name: "integration", include: ["test/*.test.ts"] } },
    ],
  },
});

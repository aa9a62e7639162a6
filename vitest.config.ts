import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // PostgreSQL and Redis probed once: required with CI=true, else their tests are left out with one line.
    globalSetup: ["test/global-services.ts"],
    // Temporary folders made through test/temp-dirs.ts are removed after each test file.
    setupFiles: ["test/remove-temp-dirs.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The Discord end-to-end tests start servers and processes; two workers suit a 2-core machine.
    maxWorkers: 2,
  },
});

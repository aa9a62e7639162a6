import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The Discord end-to-end tests start servers and processes; two workers suit a 2-core machine.
    maxWorkers: 2,
  },
});

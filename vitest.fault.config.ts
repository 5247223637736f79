import { defineConfig } from "vitest/config";

// Fault injection: each file starts and kills its own app (wrangler dev + workerd) as
// child process groups on a temp persist dir. Serial, bounded, generous timeouts.
export default defineConfig({
  test: {
    include: ["test/fault/**/*.test.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 240_000,
    teardownTimeout: 30_000,
  },
});

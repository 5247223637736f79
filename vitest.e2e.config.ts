import { defineConfig } from "vitest/config";

// End-to-end: one real app (wrangler dev: workerd, Durable Objects, local D1) per run,
// started by the global setup; Chromium and Node clients drive it over loopback.
// Files run one after another: one app, two cores, browsers are heavy.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./test/e2e/support/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});

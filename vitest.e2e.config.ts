import { defineConfig } from "vitest/config";

// End-to-end: one real app (wrangler dev: workerd, Durable Objects, local D1) per run,
// started by the global setup; Chromium and Node clients drive it over loopback.
// Files run one after another: one app, two cores, browsers are heavy.
export default defineConfig({
  test: {
    // The red team's browser attacks (test/security/*.e2e.test.ts) need the running app too.
    include: ["test/e2e/**/*.test.ts", "test/security/**/*.e2e.test.ts"],
    environment: "node",
    globalSetup: ["./test/e2e/support/global-setup.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    // expect.poll waits for what a person would see (a count, a status text); Vitest gives it 1 s,
    // which a loaded machine's click → request → redraw can outlast. As long as the pages' own waits.
    expect: { poll: { timeout: 15_000 } },
  },
});

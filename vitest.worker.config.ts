import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Worker and room tests run inside workerd with real D1 and Durable Objects.
// Migrations are read here and applied by test/worker/setup.ts.
export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: { TEST_MIGRATIONS: migrations, ORGANISER_TOKEN: "test-organiser-secret-0123456789abcdef" },
        },
      }),
    ],
    test: {
      include: ["test/worker/**/*.test.ts", "test/security/**/*.test.ts"],
      // Browser attacks run against the running app (vitest.e2e.config.ts).
      exclude: ["test/security/**/*.e2e.test.ts"],
      setupFiles: ["./test/worker/setup.ts"],
      // Tests wait for conditions (acks, D1 rows after the outbox flushes); these bounds only matter
      // when something is wrong, and a loaded CI machine can take several seconds per flush.
      testTimeout: 60_000,
    },
  };
});

import { defineConfig } from "vitest/config";

// Pure logic (party/model, web/lib helpers): plain Node, no Workers APIs.
export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts"],
    environment: "node",
  },
});

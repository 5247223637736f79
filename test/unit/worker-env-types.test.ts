/**
 * The Worker's `Env` is generated from wrangler.toml (`npm run types`), never written by
 * hand: a binding, var or required secret added to the configuration without regenerating
 * fails here, so the types the code is checked against are the ones it deploys with.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
// bin/wrangler.js refuses Node < 22; the CLI it wraps runs on Node 20 (see scripts/lib/app.ts).
const wranglerCli = path.join(root, "node_modules/wrangler/wrangler-dist/cli.js");
const TYPES = ["types", "worker/worker-configuration.d.ts", "--include-runtime=false", "--strict-vars=false"];

describe("the Worker's Env", () => {
  it("is what `wrangler types` generates from wrangler.toml today", async () => {
    const checked = await promisify(execFile)(process.execPath, [wranglerCli, ...TYPES, "--check"], {
      cwd: root,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
      timeout: 60_000,
    }).then(
      () => "up to date",
      (err: { stderr?: string }) => `out of date, run \`npm run types\`: ${err.stderr ?? ""}`,
    );
    expect(checked).toBe("up to date");
  }, 90_000);

  it("is generated with the same flags `npm run types` uses", async () => {
    const { readFile } = await import("node:fs/promises");
    const scripts = JSON.parse(await readFile(path.join(root, "package.json"), "utf8")).scripts as Record<
      string,
      string
    >;
    expect(scripts.types).toContain(TYPES.join(" "));
  });
});

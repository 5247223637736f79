import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
// bin/wrangler.js refuses Node < 22; the CLI it wraps runs on Node 20 (see scripts/lib/app.ts).
const wranglerCli = path.join(root, "node_modules/wrangler/wrangler-dist/cli.js");

describe("the deploy bundle", () => {
  it("builds with wrangler deploy --dry-run and exports the room class", async () => {
    // The assets directory must exist for wrangler to read its config; the web build fills it later.
    mkdirSync(path.join(root, "dist/web"), { recursive: true });
    const outdir = mkdtempSync(path.join(os.tmpdir(), "coproduce-dry-run-"));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [wranglerCli, "deploy", "--dry-run", "--outdir", outdir],
      { cwd: root, env: { ...process.env, WRANGLER_SEND_METRICS: "false" }, timeout: 120_000 },
    );
    expect(stdout).toContain("--dry-run: exiting now.");
    expect(stdout).toMatch(/env\.WorkshopRoom \(WorkshopRoom\)\s+Durable Object/);
    expect(stdout).toMatch(/env\.DB \(coproduce\)\s+D1 Database/);
    const bundle = readFileSync(path.join(outdir, "index.js"), "utf8");
    expect(bundle).toMatch(/export\s*\{[^}]*WorkshopRoom/);
  }, 150_000);
});

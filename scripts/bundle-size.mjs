#!/usr/bin/env node
/**
 * The phones-first budget (DESIGN.md "Budgets"): the JS and CSS a participant's phone
 * downloads on first load, gzipped, must stay within 60 KB.
 *
 * Builds the web app with a Vite manifest into a temp dir (dist/web is left alone),
 * then follows the manifest from index.html through the participant routes: each
 * chunk's static imports and CSS, recursively (dynamic imports load later, on demand,
 * so they are not first load). Each file counts once.
 *
 *   node scripts/bundle-size.mjs                 build, measure, fail above budget
 *   node scripts/bundle-size.mjs --dir dist/web  measure an existing build (needs .vite/manifest.json)
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";

const ROOT = path.resolve(import.meta.dirname, "..");
const BUDGET_BYTES = 60 * 1024;
/**
 * The participant's route modules (manifest keys are relative to Vite's root, web/):
 * the landing page with the code box, the join form, and the participant's room.
 */
const PARTICIPANT_ROUTES = /^routes\/(landing|join|participant)[^/]*\.(t|j)sx?$/;

function build(outDir) {
  return new Promise((resolve, reject) => {
    const vite = path.join(ROOT, "node_modules/vite/bin/vite.js");
    const child = spawn(process.execPath, [vite, "build", "--outDir", outDir, "--emptyOutDir", "--manifest"], {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}`))));
  });
}

function readManifest(dir) {
  const file = path.join(dir, ".vite/manifest.json");
  if (!existsSync(file)) throw new Error(`${file} not found: build with --manifest`);
  const manifest = JSON.parse(readFileSync(file, "utf8"));
  if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) {
    throw new Error(`${file} is not a Vite manifest`);
  }
  return manifest;
}

/** Every file a browser fetches up front for these manifest entries. */
function firstLoadFiles(manifest, keys) {
  const files = new Set();
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no entry "${key}"`);
    if (typeof chunk.file === "string" && /\.(m?js|css)$/.test(chunk.file)) files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...files];
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main() {
  const dirFlag = process.argv.indexOf("--dir");
  let dir;
  let temp;
  if (dirFlag !== -1) {
    dir = path.resolve(process.argv[dirFlag + 1] ?? "");
  } else {
    temp = mkdtempSync(path.join(os.tmpdir(), "coproduce-bundle-"));
    dir = path.join(temp, "web");
    await build(dir);
  }
  try {
    const manifest = readManifest(dir);
    const entry = Object.keys(manifest).find((k) => manifest[k].isEntry && k.endsWith("index.html"));
    if (!entry) throw new Error("manifest has no index.html entry");
    const routes = Object.keys(manifest).filter((k) => PARTICIPANT_ROUTES.test(manifest[k].src ?? k));
    if (routes.length === 0) {
      throw new Error(`no participant route in the manifest (looked for ${PARTICIPANT_ROUTES}); is it lazy-loaded?`);
    }
    const files = firstLoadFiles(manifest, [entry, ...routes]);
    let total = 0;
    const rows = files.map((file) => {
      const raw = readFileSync(path.join(dir, file));
      const gz = gzipSync(raw, { level: 9 }).length;
      total += gz;
      return { file, raw: raw.length, gz };
    });
    rows.sort((a, b) => b.gz - a.gz);
    console.log(`Participant first load (entry ${entry} + ${routes.join(", ")}):`);
    for (const r of rows) console.log(`  ${kb(r.gz).padStart(9)} gzip  ${kb(r.raw).padStart(9)} raw  ${r.file}`);
    console.log(`  ${kb(total).padStart(9)} gzip total, budget ${kb(BUDGET_BYTES)}`);
    if (total > BUDGET_BYTES) {
      console.error(`Over budget by ${kb(total - BUDGET_BYTES)}.`);
      process.exitCode = 1;
    } else {
      console.log(`Within budget (${kb(BUDGET_BYTES - total)} to spare).`);
    }
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});

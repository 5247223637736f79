#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in order, each in its own process with its
 * output streamed. A failing step does not stop the run (one report shows everything);
 * the run ends with a summary table and exits non-zero if any step failed.
 *
 *   npm test                       all steps
 *   npm test -- --only unit,e2e    some steps
 *   npm test -- --skip fault       all but some
 */
import { spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

/** name, what it proves, command */
const STEPS = [
  // First: the Worker's config serves dist/web, which a fresh clone does not have yet.
  ["build", "vite build of the web app into dist/web", ["npm", "run", "--silent", "build"]],
  ["typecheck", "tsc over worker, web and node configs", ["npm", "run", "--silent", "typecheck"]],
  ["lint", "biome check (lint + format)", ["npm", "run", "--silent", "lint"]],
  ["unit", "pure logic in Node", ["npm", "run", "--silent", "test:unit"]],
  ["worker", "API and rooms in workerd", ["npm", "run", "--silent", "test:worker"]],
  [
    "bundle",
    "participant journey: first load <= 60 KB gzip, whole journey measured",
    [process.execPath, "scripts/bundle-size.mjs"],
  ],
  ["e2e", "the app in Chromium and Node clients", ["npm", "run", "--silent", "test:e2e"]],
  ["fault", "runtime killed at random: nothing acknowledged lost", ["npm", "run", "--silent", "test:fault"]],
];

function parseList(flag) {
  const i = process.argv.indexOf(flag);
  if (i === -1) return null;
  return new Set((process.argv[i + 1] ?? "").split(",").filter(Boolean));
}

const only = parseList("--only");
const skip = parseList("--skip") ?? new Set();
for (const name of [...(only ?? []), ...skip]) {
  if (!STEPS.some(([step]) => step === name)) {
    console.error(`Unknown step "${name}". Steps: ${STEPS.map(([s]) => s).join(", ")}`);
    process.exit(2);
  }
}
const selected = STEPS.filter(([name]) => (only ? only.has(name) : true) && !skip.has(name));

const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
};

let current = null;
// Ctrl-C stops the running step's whole process group (wrangler, workerd, Chromium) too.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (current?.pid) {
      try {
        process.kill(-current.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    process.exit(130);
  });
}

function runStep(command) {
  return new Promise((resolve) => {
    const [cmd, ...args] = command;
    current = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"], detached: true });
    current.on("error", (err) => resolve(`could not start: ${err.message}`));
    current.on("exit", (code, signal) => resolve(code === 0 ? 0 : (code ?? signal)));
  });
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

const results = [];
for (const [name, what, command] of selected) {
  console.log(`\n\u2501\u2501\u2501 ${name}: ${what} \u2501\u2501\u2501  (${command.join(" ")})\n`);
  const started = Date.now();
  const outcome = await runStep(command);
  const duration = Date.now() - started;
  const ok = outcome === 0;
  results.push({ name, ok, duration, outcome });
  console.log(`\n\u2501\u2501\u2501 ${name}: ${ok ? "passed" : `FAILED (${outcome})`} in ${seconds(duration)}`);
}

const width = Math.max(...results.map((r) => r.name.length), 4);
console.log("\nSummary");
console.log(`${"step".padEnd(width)}  status  duration`);
for (const r of results) {
  console.log(`${r.name.padEnd(width)}  ${(r.ok ? "passed" : "FAILED").padEnd(6)}  ${seconds(r.duration).padStart(8)}`);
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;

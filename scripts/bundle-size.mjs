#!/usr/bin/env node
/**
 * The phones-first budget (docs/architecture.md, "Budgets"): the JS and CSS a participant's phone
 * downloads over the WHOLE journey (join, the room with map, vote and feedback, and the
 * follow-up page), gzipped, must stay within 60 KB. The first load (join page, then the
 * room) is held to it, and so is the whole journey (since issue #17; until then the journey was
 * over budget and held to a ceiling that could only go down, from 88 KB: BENCHMARKS.md and
 * docs/performance.md, "The phone's bytes", tell how it came down). Which files that is comes from the
 * Vite manifest (scripts/lib/journey.mjs): the entry and participant routes with their
 * static imports, the chunks those routes load later on demand, and the largest
 * language catalogue (a phone loads one; English too is a file of its own). Each file counts once.
 *
 * Builds the web app with a Vite manifest into a temp dir (dist/web is left alone).
 *
 *   node scripts/bundle-size.mjs                 build, measure, fail above budget
 *   node scripts/bundle-size.mjs --dir dist/web  measure an existing build (needs .vite/manifest.json)
 *   node scripts/bundle-size.mjs --json          also print the figures as one JSON line
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { consoleFiles, journey } from "./lib/journey.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const BUDGET_BYTES = 60 * 1024;

function build(outDir) {
  return new Promise((resolve, reject) => {
    const vite = path.join(ROOT, "node_modules/vite/bin/vite.js");
    const child = spawn(process.execPath, [vite, "build", "--outDir", outDir, "--emptyOutDir", "--manifest"], {
      cwd: ROOT,
      // Measure what ships: under a test runner (NODE_ENV=test) Vite would build Solid's development code.
      env: { ...process.env, NODE_ENV: "production" },
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

/** Which sources each built file holds (written by scripts/lib/phone-chunks.ts). */
function readModules(dir) {
  const file = path.join(dir, ".vite/modules.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
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
    const modules = readModules(dir);
    const found = journey(manifest, modules);
    const gz = (file) => gzipSync(readFileSync(path.join(dir, file)), { level: 9 }).length;
    const rows = found.files.map((file) => ({ file, raw: statSync(path.join(dir, file)).size, gz: gz(file) }));
    rows.sort((a, b) => b.gz - a.gz);
    // One language per phone (English too is a catalogue of its own): the largest is the worst case.
    const languages = found.catalogues
      .map((key) => ({ src: manifest[key].src ?? key, file: manifest[key].file, gz: gz(manifest[key].file) }))
      .sort((a, b) => b.gz - a.gz);
    const language = languages[0] ?? null;
    const sum = (list) => list.reduce((total, r) => total + r.gz, 0);
    const code = sum(rows.filter((r) => found.firstLoad.includes(r.file)));
    // The first load in the largest language (a build that ships English in the entry has it in `code`).
    const firstLoad = code + (language?.gz ?? 0);
    const english = languages.find((l) => /(^|\/)en\.ts$/.test(l.src));
    const whole = sum(rows) + (language?.gz ?? 0);
    // For information only (the budget is gzip): what a server that speaks Brotli would send.
    const brotli = [...rows.map((r) => r.file), ...(language ? [language.file] : [])].reduce(
      (total, file) =>
        total +
        brotliCompressSync(readFileSync(path.join(dir, file)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
          .length,
      0,
    );
    const pages = found.pages;
    const followUp = pages.some((p) => /follow|routes\/f\./.test(p));

    console.log(`Participant journey: ${found.entry} + ${pages.join(", ")} and what they load on demand`);
    for (const r of rows) {
      const when = found.firstLoad.includes(r.file) ? "first load" : "on demand";
      console.log(`  ${kb(r.gz).padStart(9)} gzip  ${kb(r.raw).padStart(9)} raw  ${when.padEnd(10)}  ${r.file}`);
    }
    if (language)
      console.log(`  ${kb(language.gz).padStart(9)} gzip  ${"".padStart(13)}one language  ${language.file}`);
    if (!followUp) console.log("  (no follow-up page in this build: the journey is join, map, vote and feedback)");
    const verdict = (bytes, budget) =>
      bytes <= budget ? `within (${kb(budget - bytes)} to spare)` : `OVER by ${kb(bytes - budget)}`;
    console.log(
      `First load (join page, then the room, one language):  ${kb(firstLoad)} gzip, budget ${kb(BUDGET_BYTES)}: ${verdict(firstLoad, BUDGET_BYTES)}`,
    );
    if (english && english !== language)
      console.log(`  (in English: ${kb(code + english.gz)}, as test/e2e/participant-budget.test.ts measures it)`);
    console.log(
      `Whole journey (+ map, vote, feedback${followUp ? ", follow-up" : ""}, one language): ${kb(whole)} gzip, budget ${kb(BUDGET_BYTES)}: ${verdict(whole, BUDGET_BYTES)}`,
    );
    console.log(`  (the same files with Brotli, for information: ${kb(brotli)})`);
    if (process.argv.includes("--json")) {
      console.log(
        JSON.stringify({
          firstLoad,
          firstLoadEnglish: english ? code + english.gz : code,
          whole,
          brotli,
          budget: BUDGET_BYTES,
          pages,
          files: rows,
          /** the sources those files hold, when the build wrote .vite/modules.json */
          sources: found.files.flatMap((file) => modules[file] ?? []),
          language,
        }),
      );
    }

    const strays = consoleFiles(found.files);
    if (strays.length > 0) {
      console.error(`Console code in the participant journey: ${strays.join(", ")}`);
      process.exitCode = 1;
    }
    if (firstLoad > BUDGET_BYTES) {
      console.error(`First load over budget by ${kb(firstLoad - BUDGET_BYTES)}.`);
      process.exitCode = 1;
    }
    if (whole > BUDGET_BYTES) {
      console.error(
        `Whole journey ${kb(whole)} is over the ${kb(BUDGET_BYTES)} budget: find the bytes elsewhere (docs/performance.md, "The phone's bytes").`,
      );
      process.exitCode = 1;
    }
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});

/**
 * `npm run bench`: Coproduce under load on this machine, beside a plain y-websocket
 * server doing less (relaying only), and a 3-hour 200-person workshop's size and wake
 * time. Loopback only; bounded in count and time. Prints the figures and writes
 * BENCHMARKS.md.
 *
 *   npm run bench                          500 phones, 20 edits/s for 15 s
 *   npm run bench -- --clients 1000        the stretch
 *   npm run bench -- --no-reference --no-scale
 *   npm run bench -- --clients 1000 --no-scale --append   add a run to BENCHMARKS.md
 *   npm run bench -- --no-room --no-scale                 the phone alone (Chromium, 4× CPU, Slow 4G)
 *   npm run bench -- --no-phone                           the server alone
 *   npm run bench -- --capacity 250,500,750,1000,1250     also ramp phones until ack p95 > 150 ms
 */
import { appendFile, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildWeb, makeTempDir, ROOT, randomToken, removeDir } from "../../scripts/lib/app";
import { renderCapacity, runCapacity } from "./capacity";
import { type BenchApp, bundleWorker, startBenchApp } from "./miniflare-app";
import { renderPhone, runPhoneBench } from "./phone";
import { runReference } from "./reference";
import { renderReport } from "./report";
import { runRoomLoad } from "./room-load";
import { runScale, WORKSHOP_SHAPE } from "./scale";

function numberFlag(name: string, fallback: number, max: number): number {
  const i = process.argv.indexOf(name);
  if (i === -1) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new Error(`${name}: a number from 1 to ${max}`);
  return value;
}

function stepsFlag(name: string): number[] {
  const i = process.argv.indexOf(name);
  if (i === -1) return [];
  const steps = (process.argv[i + 1] ?? "").split(",").map(Number);
  if (steps.length === 0 || steps.some((n) => !Number.isInteger(n) || n < 1 || n > 2000)) {
    throw new Error(
      `${name}: phones per step, ascending, each 1 to 2000 (all phones join from one address, and the Worker admits 2,000 joins per address per window; e.g. 250,500,750,1000)`,
    );
  }
  return steps;
}

const options = {
  clients: numberFlag("--clients", 500, 1000),
  editsPerSecond: numberFlag("--edit-rate", 20, 200),
  seconds: numberFlag("--seconds", 15, 60),
  scalePeople: numberFlag("--scale-people", 200, 500),
  phoneCards: numberFlag("--phone-cards", 800, 5000),
  boardCards: numberFlag("--board-cards", 3000, 5000),
  room: !process.argv.includes("--no-room"),
  capacity: stepsFlag("--capacity"),
  phone: !process.argv.includes("--no-phone"),
  reference: !process.argv.includes("--no-reference") && !process.argv.includes("--no-room"),
  scale: !process.argv.includes("--no-scale"),
  append: process.argv.includes("--append"),
  out: path.join(ROOT, "BENCHMARKS.md"),
};
// A hard stop keeps the benchmark bounded whatever happens.
const HARD_LIMIT_MS = 25 * 60_000;

function log(line: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

async function main(): Promise<void> {
  const limit = setTimeout(() => {
    console.error(`bench: still running after ${HARD_LIMIT_MS / 60_000} minutes; giving up.`);
    process.exit(1);
  }, HARD_LIMIT_MS);
  limit.unref();

  // The machine's load beside every figure: this machine is shared, and a figure under load says little alone.
  const loads: number[] = [os.loadavg()[0] ?? 0];
  const sampler = setInterval(() => loads.push(os.loadavg()[0] ?? 0), 10_000);
  sampler.unref();
  const dir = await makeTempDir("bench");
  const persistTo = path.join(dir, "state");
  const organiserToken = randomToken();
  let app: BenchApp | undefined;
  try {
    log("bundling the Worker as a deploy would, and starting it on workerd through Miniflare…");
    // The bundle is made once, up front: edits elsewhere in the repo cannot change the app mid-run.
    const script = await bundleWorker(dir);
    // The phone benchmark needs the pages: the web app built once too, served as ASSETS.
    // PHONE_PROFILE=1: unminified, so the profile names functions (the figures are then not the shipped code's).
    const minify = process.env.PHONE_PROFILE !== "1";
    const assetsDir = options.phone
      ? await buildWeb({ outDir: path.join(dir, "web"), minify, onOutput: () => {} })
      : undefined;
    app = await startBenchApp({ script, persistTo, organiserToken, migrate: true, assetsDir });
    log(`app at ${app.baseUrl}`);

    const room = options.room ? await runRoomLoad({ baseUrl: app.baseUrl, organiserToken, ...options, log }) : null;
    const capacity =
      options.capacity.length > 0
        ? await runCapacity({
            baseUrl: app.baseUrl,
            organiserToken,
            steps: options.capacity,
            editsPerSecond: options.editsPerSecond,
            seconds: Math.min(options.seconds, 10),
            log,
          })
        : null;
    const phone = options.phone
      ? await runPhoneBench({
          baseUrl: app.baseUrl,
          organiserToken,
          cards: options.phoneCards,
          boardCards: Math.max(options.boardCards, options.phoneCards + 100),
          log,
        })
      : null;
    const reference = options.reference ? await runReference({ ...options, log }) : null;
    const scale = options.scale
      ? await runScale({
          people: options.scalePeople,
          ...WORKSHOP_SHAPE,
          organiserToken,
          app,
          log,
          restart: async () => {
            // The same state on disk and the same port: the room must wake from storage.
            const port = app!.port;
            await app!.stop();
            app = undefined;
            app = await startBenchApp({ script, persistTo, organiserToken, port, migrate: false, assetsDir });
            return app;
          },
        })
      : null;

    const command = `npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
    clearInterval(sampler);
    const sorted = [...loads].sort((a, b) => a - b);
    const load = `load average (1 min, \`uptime\`) during the run: min ${sorted[0]?.toFixed(1)}, median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)}, max ${sorted.at(-1)?.toFixed(1)}`;
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}; ${load}`;
    const report =
      renderReport({ command, machine, when: new Date().toISOString(), options, room, reference, scale }) +
      (capacity ? `\n${renderCapacity(capacity)}` : "") +
      (phone ? `\n${renderPhone(phone)}` : "");
    console.log(`\n${report}`);
    if (options.append) await appendFile(options.out, `\n---\n\n${report}`);
    else await writeFile(options.out, `# Benchmarks\n\n${await readingOf(options.out)}${report}`);
    log(`wrote ${path.relative(ROOT, options.out)}`);
  } finally {
    await app?.stop();
    await removeDir(dir);
  }
}

main().catch((err: unknown) => {
  console.error(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});

/**
 * The hand-written reading of the figures at the top of BENCHMARKS.md (everything between
 * the title and the first generated run) survives a new run.
 */
async function readingOf(file: string): Promise<string> {
  const text = await readFile(file, "utf8").catch(() => "");
  const start = text.indexOf("\n\n") + 2;
  const end = text.indexOf("Made by `npm run bench");
  return start > 1 && end > start ? text.slice(start, end) : "";
}

/**
 * The app as the tooling runs it: build the web app, migrate the local D1, and run
 * the Worker under `wrangler dev` (real workerd, real Durable Objects, real D1),
 * each in its own process group so a test can stop it or kill it like a crash.
 */
import { randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, rm, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort, killGroup, portIsFree, run, type Spawned, sleep, spawnGroup, stopGroup } from "./proc";

export const ROOT = path.resolve(import.meta.dirname, "../..");

// Wrangler's `bin/wrangler.js` refuses to start on Node < 22, but the CLI it wraps runs
// on the Node 20 this project targets, so the tooling calls the CLI directly.
const WRANGLER_CLI = path.join(ROOT, "node_modules/wrangler/wrangler-dist/cli.js");
const VITE_CLI = path.join(ROOT, "node_modules/vite/bin/vite.js");

/** Environment for wrangler and vite: no telemetry, no fetch of Cloudflare's `cf` object (no internet here). */
export function toolEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    // Plain text output: it is kept for failure messages and parsed for build errors.
    NO_COLOR: "1",
    FORCE_COLOR: "0",
    ...extra,
  };
}

export function wranglerArgs(args: string[]): string[] {
  return ["--no-warnings", WRANGLER_CLI, ...args];
}

export interface OutputSink {
  onOutput?: (chunk: string, stream: "stdout" | "stderr") => void;
}

/** `vite build`, optionally into another directory (e2e runs build into their own temp dir). */
export async function buildWeb(
  /** `minify: false` keeps function names, for reading a CPU profile (PHONE_PROFILE=1 npm run bench) */
  options: { outDir?: string; manifest?: boolean; minify?: boolean } & OutputSink = {},
): Promise<string> {
  const outDir = options.outDir ?? path.join(ROOT, "dist/web");
  const args = [VITE_CLI, "build", "--outDir", outDir, "--emptyOutDir"];
  if (options.manifest) args.push("--manifest");
  if (options.minify === false) args.push("--minify", "false");
  // What ships: a test runner's NODE_ENV=test would build Solid's development code instead.
  await run(process.execPath, args, {
    cwd: ROOT,
    env: toolEnv({ NODE_ENV: "production" }),
    onOutput: options.onOutput,
  });
  return outDir;
}

/** Applies the D1 migrations to the local database (in `persistTo`, or wrangler's default .wrangler/state). */
export async function applyMigrations(options: { persistTo?: string; root?: string } & OutputSink = {}): Promise<void> {
  const args = ["d1", "migrations", "apply", "coproduce", "--local"];
  if (options.persistTo) args.push("--persist-to", options.persistTo);
  await run(process.execPath, wranglerArgs(args), {
    cwd: options.root ?? ROOT,
    env: toolEnv({ CI: "true" }),
    onOutput: options.onOutput,
  });
}

export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `coproduce-${prefix}-`));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/**
 * What the Worker is built from; everything else (the rest of web/, test/, scripts/) stays
 * behind. web/i18n: the follow-up's Atom feed (#15) speaks the participant catalogues.
 */
const WORKER_SOURCES = [
  "worker",
  "party",
  "seeds",
  "migrations",
  "wrangler.toml",
  "package.json",
  "tsconfig.json",
  "tsconfig.base.json",
  "tsconfig.worker.json",
  "web/i18n",
];

/**
 * Copies the Worker's sources into `dir` (node_modules linked, not copied) and returns
 * it, for runs that must not change under them: `wrangler dev` rebuilds and drops every
 * connection when a watched file changes, which would break a test or benchmark halfway.
 */
export async function snapshotSources(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (const entry of WORKER_SOURCES) {
    await cp(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  await symlink(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

export interface StartOptions extends OutputSink {
  /** Where wrangler.toml and the sources are (a snapshot from snapshotSources); the repo by default. */
  root?: string;
  port?: number;
  /** Local state (D1, Durable Objects); wrangler's default when absent. */
  persistTo?: string;
  /** Serve the web app from here instead of wrangler.toml's dist/web. */
  assetsDir?: string;
  /** Passed as a var; when absent the app reads ORGANISER_TOKEN from .dev.vars. */
  organiserToken?: string;
  readyTimeoutMs?: number;
}

export interface RunningApp {
  baseUrl: string;
  port: number;
  /** The last few KB of wrangler's output, for failure messages. */
  recentOutput(): string;
  /** Graceful stop (SIGTERM, then SIGKILL) of wrangler and its workerd processes. */
  stop(): Promise<void>;
  /** SIGKILL the whole process group at once: a crash. */
  kill(): Promise<void>;
  spawned: Spawned;
}

/** Starts `wrangler dev` on loopback and resolves once GET /api/health answers ok. */
export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const port = options.port ?? (await freePort());
  // Another app on the port would answer the health check and pass for this one.
  if (options.port !== undefined && !(await portIsFree(port))) {
    throw new Error(`port ${port} on 127.0.0.1 is in use (another wrangler dev?); stop it or choose another port`);
  }
  const inspectorPort = await freePort();
  const args = [
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    // Every wrangler dev opens an inspector; a fixed one would clash between concurrent runs.
    "--inspector-port",
    String(inspectorPort),
    "--show-interactive-dev-session=false",
    "--log-level",
    "info",
  ];
  if (options.persistTo) args.push("--persist-to", options.persistTo);
  if (options.assetsDir) args.push("--assets", options.assetsDir);
  if (options.organiserToken) args.push("--var", `ORGANISER_TOKEN:${options.organiserToken}`);

  let recent = "";
  let buildError: string | undefined;
  const spawned = spawnGroup(process.execPath, wranglerArgs(args), {
    cwd: options.root ?? ROOT,
    env: toolEnv(),
    onOutput: (chunk, stream) => {
      const plain = stripAnsi(chunk);
      recent = (recent + plain).slice(-8000);
      // wrangler dev keeps watching after a failed bundle; waiting would only time out.
      if (buildError === undefined && /✘ \[ERROR\]/.test(plain)) {
        buildError = plain.slice(plain.indexOf("[ERROR]")).split("\n")[0];
      }
      options.onOutput?.(chunk, stream);
    },
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const app: RunningApp = {
    baseUrl,
    port,
    spawned,
    recentOutput: () => recent,
    stop: () => stopGroup(spawned),
    kill: () => killGroup(spawned),
  };
  try {
    await waitForHealth(baseUrl, options.readyTimeoutMs ?? 120_000, spawned, () => buildError);
  } catch (err) {
    await app.stop();
    throw new Error(`${(err as Error).message}\n--- wrangler output ---\n${recent}`);
  }
  return app;
}

export function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal colour codes start with ESC.
  return text.replace(/\x1b\[[0-9;]*m/g, "");
}

/** Polls GET /api/health until it answers `{ok:true}`; fails early if the process exits. */
export async function waitForHealth(
  baseUrl: string,
  timeoutMs: number,
  spawned?: Spawned,
  fatal: () => string | undefined = () => undefined,
): Promise<void> {
  let exitedWith: number | string | undefined;
  spawned?.exited.then((code) => {
    exitedWith = code;
  });
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    if (exitedWith !== undefined) throw new Error(`wrangler dev exited (${exitedWith}) before ${baseUrl} was healthy`);
    const error = fatal();
    if (error) throw new Error(`the Worker failed to build: ${error}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
      const body = await res.text();
      if (res.ok && body.includes('"ok":true')) return;
      last = `${res.status} ${body.slice(0, 200)}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(250);
  }
  throw new Error(`${baseUrl}/api/health not healthy after ${timeoutMs} ms (last: ${last})`);
}

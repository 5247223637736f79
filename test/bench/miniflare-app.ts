/**
 * The app as the benchmark runs it: the deploy bundle (`wrangler deploy --dry-run`) on
 * one workerd through the Miniflare API, with local Durable Objects and D1 persisted to
 * disk. No `wrangler dev`: its dev proxy (a second workerd) sits between the phones and
 * the Worker and would be measured as much as the room.
 */
import { mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import * as v from "valibot";
import { ROOT, toolEnv, waitForHealth, wranglerArgs } from "../../scripts/lib/app";
import { run } from "../../scripts/lib/proc";

/**
 * wrangler.toml's compatibility date and flags, read from it (not copied), so the bundle runs as
 * deployed: with `no_web_socket_compression`, the room's sockets send plain frames
 * (docs/performance.md, "Plain frames"). `wsCompression` (BENCH_WS_COMPRESSION=1 in the bench)
 * swaps that flag for `web_socket_compression`: the A/B for per-socket compression.
 */
export function compatibility(toml: string, wsCompression = false): { date: string; flags: string[] } {
  const date = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1];
  const list = /^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(toml)?.[1];
  if (!date || list === undefined) throw new Error("wrangler.toml: no compatibility_date or compatibility_flags");
  const flags = [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  if (!wsCompression) return { date, flags };
  return { date, flags: [...flags.filter((f) => f !== "no_web_socket_compression"), "web_socket_compression"] };
}

export interface BenchApp {
  baseUrl: string;
  port: number;
  /** The room's own figures, through the Durable Object's RPC `state()` (rooms are named by workshop id). */
  roomState(workshopId: string): Promise<RoomFigures>;
  stop(): Promise<void>;
}

const RoomFiguresSchema = v.object({
  docBytes: v.number(),
  commands: v.number(),
});
export type RoomFigures = v.InferOutput<typeof RoomFiguresSchema>;

/** Bundles the Worker exactly as `wrangler deploy` would and returns the entry module's path. */
export async function bundleWorker(outDir: string): Promise<string> {
  // Static assets are not part of the benchmark, and the bundle must not depend on a web build.
  const emptyAssets = path.join(outDir, "no-assets");
  await mkdir(emptyAssets, { recursive: true });
  const bundleDir = path.join(outDir, "worker");
  let output = "";
  try {
    await run(process.execPath, wranglerArgs(["deploy", "--dry-run", "--outdir", bundleDir, "--assets", emptyAssets]), {
      cwd: ROOT,
      env: toolEnv(),
      onOutput: (chunk) => (output = (output + chunk).slice(-8000)),
    });
  } catch (err) {
    throw new Error(`wrangler deploy --dry-run failed: ${(err as Error).message}\n${output}`);
  }
  return path.join(bundleDir, "index.js");
}

/**
 * Splits a migration into statements: `--` comments dropped, `;` ends a statement
 * outside quotes. D1's `exec` would take one statement per line, which the schema's
 * multi-line CREATE TABLEs are not.
 */
export function splitSql(sql: string): string[] {
  // A trigger's body (CREATE TRIGGER … BEGIN …; END) holds semicolons of its own.
  const insideTrigger = (text: string) => /\bCREATE\s+TRIGGER\b/i.test(text) && !/\bEND\s*$/i.test(text.trim());
  const statements: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!;
    if (quote) {
      current += ch;
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      current += ch;
    } else if (ch === "-" && sql[i + 1] === "-") {
      while (i < sql.length && sql[i] !== "\n") i++;
      current += "\n";
    } else if (ch === ";" && !insideTrigger(current)) {
      if (current.trim()) statements.push(current.trim());
      current = "";
    } else {
      current += ch;
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

async function applyMigrations(mf: Miniflare): Promise<void> {
  const db = await mf.getD1Database("DB");
  const dir = path.join(ROOT, "migrations");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  for (const file of files) {
    const statements = splitSql(await readFile(path.join(dir, file), "utf8"));
    await db.batch(statements.map((s) => db.prepare(s)));
  }
}

export interface StartOptions {
  script: string;
  /** Local D1 and Durable Object storage; a restart on the same directory finds the same rooms. */
  persistTo: string;
  organiserToken: string;
  port?: number;
  /** Fresh state: apply the migrations before answering. */
  migrate: boolean;
  /** A built web app (vite build) to serve as the Worker's ASSETS; without it, pages are 404. */
  assetsDir?: string;
  /** permessage-deflate on the room's sockets, unlike wrangler.toml (default: BENCH_WS_COMPRESSION=1) */
  wsCompression?: boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
};

/**
 * The ASSETS binding as wrangler.toml configures it for a single-page app: a file when
 * there is one, index.html for any other path. (The phone benchmark needs the pages;
 * the room benchmark never asks.)
 */
function serveAssets(dir: string | undefined): (request: Request) => Promise<Response> {
  return async (request) => {
    if (!dir) return new Response("Not found", { status: 404 });
    const pathname = decodeURIComponent(new URL(request.url).pathname);
    const file = path.join(dir, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ""));
    const inside = file.startsWith(dir + path.sep);
    const body = inside ? await readFile(file).catch(() => null) : null;
    if (body) {
      return new Response(body, {
        headers: { "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream" },
      });
    }
    return new Response(await readFile(path.join(dir, "index.html")), {
      headers: { "content-type": CONTENT_TYPES[".html"]! },
    });
  };
}

/** Starts the bundle on 127.0.0.1 and resolves once GET /api/health answers ok. */
export async function startBenchApp(o: StartOptions): Promise<BenchApp> {
  const { date, flags } = compatibility(
    await readFile(path.join(ROOT, "wrangler.toml"), "utf8"),
    o.wsCompression ?? Boolean(process.env.BENCH_WS_COMPRESSION),
  );
  // The Worker on its own socket, as deployed, where its own flags decide the WebSocket extensions.
  // Miniflare's entry worker (BENCH_VIA_ENTRY=1) would sit between and negotiate permessage-deflate
  // whatever the Worker's flags say, a local artefact that compresses every frame once per socket.
  const direct = !process.env.BENCH_VIA_ENTRY;
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      modules: true,
      scriptPath: o.script,
      // Module names are relative to this; the default (the cwd) would put the bundle outside it.
      modulesRoot: path.dirname(o.script),
      compatibilityDate: date,
      compatibilityFlags: flags,
      host: "127.0.0.1",
      port: direct ? 0 : (o.port ?? 0),
      ...(direct ? { unsafeDirectSockets: [{ host: "127.0.0.1", port: o.port ?? 0 }] } : {}),
      d1Databases: { DB: "coproduce-bench" },
      durableObjects: { WorkshopRoom: { className: "WorkshopRoom", useSQLite: true } },
      bindings: { ORGANISER_TOKEN: o.organiserToken, PUBLIC_ORIGIN: "" },
      // The Worker asks ASSETS for non-API paths: the phone benchmark's pages.
      serviceBindings: { ASSETS: serveAssets(o.assetsDir) },
      resourcePersistencePath: o.persistTo,
      // BENCH_INSPECTOR_PORT=9229 lets a profiler attach to the room's isolate (see BENCHMARKS.md).
      ...(process.env.BENCH_INSPECTOR_PORT ? { inspectorPort: Number(process.env.BENCH_INSPECTOR_PORT) } : {}),
    }),
  );
  try {
    const ready = await mf.ready;
    const url = direct ? await mf.unsafeGetDirectURL() : ready;
    if (o.migrate) await applyMigrations(mf);
    const baseUrl = url.origin;
    await waitForHealth(baseUrl, 30_000);
    const rooms = await mf.getDurableObjectNamespace("WorkshopRoom");
    return {
      baseUrl,
      port: Number(url.port),
      async roomState(workshopId) {
        // The stub is an RPC proxy: its methods are the room's, untyped on this side, so the answer is validated.
        const stub = rooms.get(rooms.idFromName(workshopId)) as unknown as { state(): Promise<unknown> };
        return v.parse(RoomFiguresSchema, await stub.state());
      },
      stop: () => mf.dispose(),
    };
  } catch (err) {
    await mf.dispose();
    throw err;
  }
}

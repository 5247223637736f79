/**
 * Where a big room's wake goes (issue #17): builds the 200-person workshop once into a kept
 * directory, then wakes it again and again on the current code, with a CPU profile of the
 * room's isolate across the first connection after each restart.
 *
 *   npx tsx test/bench/wake-probe.ts build /tmp/wake 200     # once (minutes)
 *   npx tsx test/bench/wake-probe.ts probe /tmp/wake 5       # N restarts on the current code
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import WebSocket from "ws";
import { getTicket } from "../../scripts/lib/api";
import { randomToken } from "../../scripts/lib/app";
import { type BenchApp, bundleWorker, startBenchApp } from "./miniflare-app";
import { runScale, timeConnect, WORKSHOP_SHAPE } from "./scale";
import { Samples } from "./stats";

const [mode, dir = "/tmp/wake", countArg] = process.argv.slice(2);
const log = (line: string) => console.log(`[wake ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** scale.ts's connect-to-synced time, the socket closed after. */
async function timeConnectAndClose(baseUrl: string, token: string): Promise<number> {
  const { ms, client } = await timeConnect(baseUrl, token);
  await client.close();
  return ms;
}

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

async function profiler(port: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as {
    title?: string;
    webSocketDebuggerUrl: string;
  }[];
  const target = targets.find((t) => /core:user/.test(t.title ?? "")) ?? targets[0];
  if (!target) throw new Error("no inspector target");
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  let lastId = 0;
  const waiting = new Map<number, (r: unknown) => void>();
  ws.on("message", (data) => {
    const m = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (m.id !== undefined) waiting.get(m.id)?.(m.result);
  });
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  const call = (method: string, params = {}) =>
    new Promise<unknown>((resolve) => {
      const id = ++lastId;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  await call("Profiler.enable");
  await call("Profiler.setSamplingInterval", { interval: 100 });
  return {
    start: () => call("Profiler.start"),
    stop: async () => ((await call("Profiler.stop")) as { profile: Profile }).profile,
    close: () => ws.close(),
  };
}

/** CPU time (ms) under the room's wake and its first answer: onStart and the first message it handles. */
function roomCpu(profile: Profile): number {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  let ms = 0;
  profile.samples.forEach((id, i) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (name.get(at) === "onStart" || name.get(at) === "webSocketMessage") {
        ms += (profile.timeDeltas[i + 1] ?? 0) / 1000;
        return;
      }
    }
  });
  return ms;
}

/** Self and total (inclusive) time per function, in ms. */
function summarise(profile: Profile): void {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (id: number) => {
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    return `${functionName || "(anonymous)"} ${url.split("/").pop()}:${lineNumber}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const k = key(id);
    if (k.startsWith("(idle)") || k.startsWith("(program)")) return;
    all += dt;
    self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const kk = key(at);
      if (seen.has(kk)) continue;
      seen.add(kk);
      total.set(kk, (total.get(kk) ?? 0) + dt);
    }
  });
  console.log(`busy ${all.toFixed(1)} ms`);
  // The call tree under the room's own wake and first answer, two levels per line.
  const nodeTotal = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      nodeTotal.set(at, (nodeTotal.get(at) ?? 0) + dt);
  });
  const print = (id: number, depth: number) => {
    const ms = nodeTotal.get(id) ?? 0;
    if (ms < 1 || depth > 14) return;
    console.log(`${"  ".repeat(depth)}${ms.toFixed(1)} ${key(id)}`);
    for (const c of nodes.get(id)!.children ?? []) print(c, depth + 1);
  };
  for (const n of profile.nodes) if (/^(#load|readClientFrame|onStart) /.test(key(n.id))) print(n.id, 0);
  console.log("self:");
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`  ${ms.toFixed(1).padStart(7)}  ${k}`);
  console.log("total:");
  for (const [k, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 45))
    console.log(`  ${ms.toFixed(1).padStart(7)}  ${k}`);
}

async function main(): Promise<void> {
  await mkdir(dir, { recursive: true });
  const persistTo = path.join(dir, "state");
  const script = await bundleWorker(path.join(dir, `bundle-${Date.now()}`));
  const saved = path.join(dir, "workshop.json");
  if (mode === "build") {
    const organiserToken = randomToken();
    let app: BenchApp = await startBenchApp({ script, persistTo, organiserToken, migrate: true });
    const result = await runScale({
      people: Number(countArg ?? 200),
      ...WORKSHOP_SHAPE,
      organiserToken,
      app,
      log,
      restart: async () => {
        const port = app.port;
        await app.stop();
        app = await startBenchApp({ script, persistTo, organiserToken, port, migrate: false });
        return app;
      },
    });
    await app.stop();
    await writeFile(saved, JSON.stringify({ organiserToken, ...result.workshop }));
    log(`built: ${result.commands} commands, ${result.commandErrors} refused; doc ${result.docBytes} B`);
    log(`wake ${(result.coldConnect.percentile(50) - result.warmConnect.percentile(50)).toFixed(1)} ms`);
    return;
  }
  if (!existsSync(saved)) throw new Error(`build first: ${saved}`);
  const { organiserToken, facilitatorToken } = JSON.parse(await readFile(saved, "utf8")) as {
    organiserToken: string;
    facilitatorToken: string;
  };
  const port = 9330;
  const cold = new Samples();
  const warm = new Samples();
  const cpu = new Samples();
  const n = Number(countArg ?? 3);
  for (let i = 0; i < n; i++) {
    process.env.BENCH_INSPECTOR_PORT = String(port);
    const app = await startBenchApp({ script, persistTo, organiserToken, migrate: false });
    try {
      // Warm the Worker (not the room) first, as the bench does.
      await getTicket(app.baseUrl, facilitatorToken);
      const prof = !process.env.NOPROF ? await profiler(port) : null;
      await prof?.start();
      cold.add(await timeConnectAndClose(app.baseUrl, facilitatorToken));
      const profile = await prof?.stop();
      await prof?.start();
      warm.add(await timeConnectAndClose(app.baseUrl, facilitatorToken));
      const warmProfile = await prof?.stop();
      if (profile) cpu.add(roomCpu(profile));
      if (profile && i === 0 && process.env.TREE) summarise(profile);
      if (warmProfile && process.env.WARM) {
        console.log("---- warm");
        summarise(warmProfile);
      }
      prof?.close();
    } finally {
      await app.stop();
    }
  }
  log(
    `cold median ${cold.percentile(50).toFixed(1)} ms, warm ${warm.percentile(50).toFixed(1)} ms, wake ${(cold.percentile(50) - warm.percentile(50)).toFixed(1)} ms (cold ${cold.values.map((x) => x.toFixed(0)).join(",")}); the room's CPU on wake (onStart + first messages) median ${cpu.percentile(50).toFixed(1)} ms (${cpu.values.map((x) => x.toFixed(0)).join(",")})`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

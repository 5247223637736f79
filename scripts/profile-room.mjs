#!/usr/bin/env node
/**
 * CPU profile of the Worker/room isolate while a benchmark runs:
 *
 *   BENCH_INSPECTOR_PORT=9229 npm run bench -- --no-reference --no-scale &
 *   node scripts/profile-room.mjs 9229 10      # attach, sample 10 s, print the top functions
 *
 * Talks the Chrome DevTools protocol to workerd's inspector on 127.0.0.1 only.
 */
import WebSocket from "ws";

const port = process.argv[2] ?? "9229";
const seconds = Number(process.argv[3] ?? 10);

const targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
const target = targets.find((t) => /core:user/.test(t.title ?? "")) ?? targets[0];
if (!target) throw new Error(`no inspector target on port ${port}`);
const ws = new WebSocket(target.webSocketDebuggerUrl);
let lastId = 0;
const waiting = new Map();
const call = (method, params = {}) =>
  new Promise((resolve) => {
    const id = ++lastId;
    waiting.set(id, resolve);
    ws.send(JSON.stringify({ id, method, params }));
  });
ws.on("message", (data) => {
  const message = JSON.parse(String(data));
  waiting.get(message.id)?.(message.result);
  waiting.delete(message.id);
});
await new Promise((resolve, reject) => {
  ws.once("open", resolve);
  ws.once("error", reject);
});

await call("Profiler.enable");
await call("Profiler.setSamplingInterval", { interval: 200 });
await call("Profiler.start");
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
const { profile } = await call("Profiler.stop");
ws.close();

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const selfSamples = new Map();
for (const id of profile.samples) {
  const { functionName, url, lineNumber } = nodes.get(id).callFrame;
  const key = `${functionName || "(anonymous)"} ${url.split("/").pop()}:${lineNumber}`;
  selfSamples.set(key, (selfSamples.get(key) ?? 0) + 1);
}
console.log(`${profile.samples.length} samples over ${seconds} s; self time:`);
for (const [key, count] of [...selfSamples].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${((100 * count) / profile.samples.length).toFixed(1).padStart(5)}%  ${key}`);
}

/**
 * The reference: the stock y-websocket server (@y/websocket-server, its own bin) in
 * its own process, relaying the same card edits between the same number of plain Yjs
 * clients. No validation, no durability, no acks: only relaying.
 *
 * It is not a dependency of the project (it drags in a native LevelDB): the benchmark
 * installs the pinned version on demand into node_modules/.cache, once, and runs it from
 * there: with its own ws 6 (it needs `WebSocket.Server`), without install scripts (its
 * optional LevelDB is never built: the relay runs in memory), and without its own copy of
 * the peer yjs (one Yjs in the process: it finds the project's).
 */
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { updateFrame } from "../../party/model/frames";
import { FROM_ROOM } from "../../party/model/peer";
import { ROOT } from "../../scripts/lib/app";
import { freePort, run, spawnGroup, stopGroup } from "../../scripts/lib/proc";
import { openSocket, RoomClient } from "../../scripts/lib/room-client";
import { EditTracker, editText, paced } from "./edits";
import { pool, Samples, sleep } from "./stats";

export interface ReferenceResult {
  joined: number;
  joinErrors: string[];
  joinTime: Samples;
  joinWallMs: number;
  edits: EditTracker;
}

export const REFERENCE_PACKAGE = "@y/websocket-server";
export const REFERENCE_VERSION = "0.1.1";
/** Where the benchmark installs the reference (inside node_modules: ignored, and found by `npm ci` cleanups). */
const REFERENCE_DIR = path.join(ROOT, "node_modules/.cache/coproduce-bench-reference");
const SERVER_JS = `node_modules/${REFERENCE_PACKAGE}/src/server.js`;

/** The reference server's entry: installed on demand (a one-time `npm install` of the pinned version). */
export async function referenceServer(log: (line: string) => void): Promise<string> {
  const installed = path.join(REFERENCE_DIR, SERVER_JS);
  if (existsSync(installed)) return installed;
  log(
    `reference: installing ${REFERENCE_PACKAGE}@${REFERENCE_VERSION} into ${path.relative(ROOT, REFERENCE_DIR)} (once)…`,
  );
  let output = "";
  try {
    await run(
      "npm",
      [
        "install",
        "--prefix",
        REFERENCE_DIR,
        "--ignore-scripts",
        "--legacy-peer-deps",
        "--no-package-lock",
        "--no-audit",
        "--no-fund",
        `${REFERENCE_PACKAGE}@${REFERENCE_VERSION}`,
      ],
      { cwd: ROOT, onOutput: (chunk) => (output = (output + chunk).slice(-4000)) },
    );
  } catch (err) {
    throw new Error(
      `could not install the reference (${REFERENCE_PACKAGE}@${REFERENCE_VERSION}); run with --no-reference to skip it: ${(err as Error).message}\n${output}`,
    );
  }
  if (!existsSync(installed)) throw new Error(`the reference installed, but ${installed} is missing`);
  return installed;
}

export async function runReference(o: {
  clients: number;
  editsPerSecond: number;
  seconds: number;
  log: (line: string) => void;
}): Promise<ReferenceResult> {
  const serverJs = await referenceServer(o.log);
  const port = await freePort();
  const server = spawnGroup(process.execPath, [serverJs], {
    cwd: ROOT,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port) },
    onOutput: () => {},
  });
  try {
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`http://127.0.0.1:${port}/`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await sleep(100);
    }
    const joinTime = new Samples();
    const joinErrors: string[] = [];
    const clients: RoomClient[] = [];
    o.log(`reference: connecting ${o.clients} Yjs clients to y-websocket (25 at a time)…`);
    const joinStart = performance.now();
    const joins = await pool(
      25,
      Array.from({ length: o.clients }, () => async () => {
        const t0 = performance.now();
        const socket = await openSocket(`ws://127.0.0.1:${port}/bench-room`, 60_000);
        const client = new RoomClient(socket, "bench-room", false);
        // A y-websocket client sends its own doc changes as sync updates (not what it received).
        client.doc.on("update", (update: Uint8Array, origin: unknown) => {
          if (origin === FROM_ROOM || !client.isOpen) return;
          socket.send(updateFrame(update));
        });
        client.startSync();
        await client.waitForSync(60_000);
        joinTime.add(performance.now() - t0);
        return client;
      }),
    );
    const joinWallMs = performance.now() - joinStart;
    for (const r of joins) {
      if (r.status === "fulfilled") clients.push(r.value);
      else joinErrors.push(String(r.reason instanceof Error ? r.reason.message : r.reason).slice(0, 200));
    }
    if (clients.length === 0) throw new Error(`reference: no client connected (${joinErrors[0] ?? "no error"})`);
    const edits = new EditTracker(clients.length);
    clients.forEach((client, i) => {
      client.onBinaryFrame = edits.frames(i);
    });
    const editCount = Math.round(o.editsPerSecond * o.seconds);
    o.log(`reference: ${editCount} card edits at ${o.editsPerSecond}/s…`);
    await paced(editCount, o.editsPerSecond, (seq) => {
      const from = Math.floor(Math.random() * clients.length);
      edits.sent(seq, from);
      clients[from]!.doc.getMap("cards").set(randomUUID(), { text: editText(seq), lane: "before", kind: "note" });
    });
    const deadline = performance.now() + 15_000;
    while (edits.missing() > 0 && performance.now() < deadline) await sleep(100);
    await Promise.all(clients.map((c) => c.close()));
    return { joined: clients.length, joinErrors, joinTime, joinWallMs, edits };
  } finally {
    await stopGroup(server);
  }
}

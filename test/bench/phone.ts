/**
 * The phone in the hand (issue #17): Chromium with the CPU slowed 4× and DevTools' "Slow 4G"
 * network, joining a map of 800 cards through the real join page, and the facilitator's
 * board with 3,000 cards while it is panned.
 *
 * Measured: Join → cards on screen, DOM nodes, long tasks (> 50 ms) while new cards arrive,
 * a reload with no network (the map from the IndexedDB cache), and board frame times.
 */
import { existsSync } from "node:fs";
import { type Browser, type CDPSession, chromium, type Page } from "playwright-core";
import { createWorkshop, joinAsParticipant } from "../../scripts/lib/api";
import { connectRoom, type RoomClient } from "../../scripts/lib/room-client";
import { labelled } from "../support/activities";
import { cachedDocBytes } from "../support/doc-cache";
import { Samples, sleep } from "./stats";

/** DevTools' "Slow 4G" preset (Chromium's own figures: 150 ms RTT × 3.75, 1.6 Mbps × 0.9 down, 750 kbps × 0.9 up). */
export const SLOW_4G = { latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
export const CPU_SLOWDOWN = 4;

export interface PhoneBenchOptions {
  baseUrl: string;
  organiserToken: string;
  /** cards on the map the phone joins */
  cards: number;
  /** cards on the facilitator's board */
  boardCards: number;
  log: (line: string) => void;
}

export interface PhoneBenchResult {
  cards: number;
  /** "Join" pressed → the first window of cards drawn, throttled */
  joinToCardsMs: number;
  /** where that time went: requests and the WebSocket, ms after Join */
  joinBreakdown: string;
  /** cards drawn at that moment */
  cardsDrawn: number;
  domNodes: number;
  /** long tasks while the map loaded (after Join) */
  loadLongTasks: Samples;
  arrivals: { cards: number; longTasks: Samples; seenAll: boolean };
  offlineReload: { cachedBytes: number; showedMap: boolean; cardsDrawn: number; ms: number };
  board: { cards: number; frames: Samples; longFrames: number; domNodes: number };
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const LANES = labelled({ before: "Before", during: "During", after: "After" });
/** Enough participants for a full map: each may add 60 cards (party/model/handlers/card-store.ts QUOTA). */
const WRITERS = 60;

function cardText(i: number): string {
  return `Card ${i}: ${"a clear, short idea about getting help at the right time ".slice(0, 40 + (i % 60))}`;
}

/** Adds `count` cards from `writers` participants, paced under each socket's rate limit. */
async function addCards(
  writers: RoomClient[],
  activityId: string,
  from: number,
  count: number,
  perSecond: number,
): Promise<number> {
  let refused = 0;
  const reasons = new Map<string, number>();
  const refuse = (why: string): void => {
    refused++;
    reasons.set(why, (reasons.get(why) ?? 0) + 1);
  };
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const writer = writers[i % writers.length]!;
    const n = from + i;
    inFlight.push(
      writer.send("card.add", { activityId, lane: LANES[n % LANES.length]!.id, kind: "note", text: cardText(n) }).then(
        (ack) => {
          if (!ack.ok) refuse(ack.error.code);
        },
        (err: Error) => refuse(err.message.replace(/[0-9a-f-]{36}/g, "…")),
      ),
    );
  }
  await Promise.all(inFlight);
  if (refused > 0) throw new Error(`card.add refused ${refused} times: ${JSON.stringify(Object.fromEntries(reasons))}`);
  return refused;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The functions that took the most self time in a CDP CPU profile (PHONE_PROFILE=1). */
function topSelfTime(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }, n = 12): string[] {
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  }
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const name = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop() ?? ""}:${f.lineNumber + 1}`;
    byName.set(name, (byName.get(name) ?? 0) + (self.get(node.id) ?? 0));
  }
  return [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${name}`);
}

/** The functions whose calls (with everything they called) took the most time (PHONE_PROFILE=1). */
function topTotalTime(profile: { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[] }, n = 16): string[] {
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  for (let i = 0; i < samples.length; i++) {
    self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  }
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const total = new Map<number, number>();
  const sum = (id: number): number => {
    const node = byId.get(id)!;
    let ms = self.get(id) ?? 0;
    for (const child of node.children ?? []) ms += sum(child);
    total.set(id, ms);
    return ms;
  };
  const root = profile.nodes[0];
  if (root) sum(root.id);
  // A function counted once per call path would count recursion twice: keep the outermost.
  const byName = new Map<string, number>();
  const walk = (id: number, seen: Set<string>): void => {
    const node = byId.get(id)!;
    const f = node.callFrame;
    const name = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop() ?? ""}:${f.lineNumber + 1}`;
    const outer = !seen.has(name);
    if (outer && f.url) byName.set(name, (byName.get(name) ?? 0) + (total.get(id) ?? 0));
    const next = outer ? new Set(seen).add(name) : seen;
    for (const child of node.children ?? []) walk(child, next);
  };
  if (root) walk(root.id, new Set());
  return [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${name}`);
}

/** Chromium's main-thread counters (seconds): all tasks, script, style and layout. */
async function mainThreadMetrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const wanted = ["TaskDuration", "ScriptDuration", "RecalcStyleDuration", "LayoutDuration"];
  return Object.fromEntries(metrics.filter((m) => wanted.includes(m.name)).map((m) => [m.name, m.value]));
}

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, ...SLOW_4G });
  return cdp;
}

/**
 * Records long tasks from the start of every page the context opens, and when the room's
 * WebSocket opened and first heard from the room (for the breakdown of Join → cards).
 */
const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: true });
  window.__socket = {};
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      window.__socket.created ??= performance.now();
      this.addEventListener("open", () => {
        window.__socket.open ??= performance.now();
        window.__socket.extensions ??= this.extensions;
      });
      this.addEventListener("message", (e) => {
        window.__socket.first ??= performance.now();
        if (typeof e.data !== "string") {
          const size = e.data.byteLength ?? 0;
          window.__socket.bytes = (window.__socket.bytes ?? 0) + size;
          if (size > (window.__socket.bigBytes ?? 0)) {
            window.__socket.bigBytes = size;
            window.__socket.big = performance.now();
          }
        }
      });
    }
  };
`;

/** Where the time between "Join" and the cards went, from the page's own timings. */
async function breakdown(page: Page, pressed: number, cardsAt: number): Promise<string> {
  const marks = (await page.evaluate(`(() => ({
    resources: performance.getEntriesByType("resource").map((r) => ({ name: r.name, start: r.startTime, end: r.responseEnd })),
    socket: window.__socket,
  }))()`)) as {
    resources: { name: string; start: number; end: number }[];
    socket: {
      created?: number;
      open?: number;
      first?: number;
      bytes?: number;
      big?: number;
      bigBytes?: number;
      extensions?: string;
    };
  };
  const at = (t: number | undefined) => (t === undefined ? "?" : `${(t - pressed).toFixed(0)}`);
  const parts = marks.resources
    .filter((r) => r.end >= pressed)
    .map((r) => `${new URL(r.name).pathname.replace(/^\/assets\//, "")} ${at(r.start)}–${at(r.end)}`);
  const ws = marks.socket;
  parts.push(
    `socket ${at(ws.created)}, open ${at(ws.open)}, first frame ${at(ws.first)}, largest frame (${((ws.bigBytes ?? 0) / 1024).toFixed(0)} KB) ${at(ws.big)}, ${((ws.bytes ?? 0) / 1024).toFixed(0)} KB in all (extensions: ${ws.extensions || "none"})`,
  );
  parts.push(`cards drawn ${at(cardsAt)}`);
  return parts.join("; ");
}

async function longTasksSince(page: Page, since: number): Promise<Samples> {
  const tasks = await page.evaluate(
    (t) =>
      ((window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks ?? []).filter(
        (task) => task.start >= t,
      ),
    since,
  );
  const samples = new Samples();
  for (const task of tasks) samples.add(task.duration);
  return samples;
}

const pageNow = (page: Page): Promise<number> => page.evaluate(() => performance.now());
const domNodes = (page: Page): Promise<number> => page.evaluate(() => document.getElementsByTagName("*").length);

/** Waits until at least `n` cards are drawn; returns page time when they first were. */
async function cardsDrawn(page: Page, n: number, timeout: number): Promise<number> {
  const handle = await page.waitForFunction(
    (want) => {
      const w = window as unknown as { __cardsAt?: number };
      if (document.querySelectorAll("li.card").length >= want) {
        w.__cardsAt ??= performance.now();
        return w.__cardsAt;
      }
      return false;
    },
    n,
    { polling: "raf", timeout },
  );
  const at = (await handle.jsonValue()) as number;
  await page.evaluate(() => {
    delete (window as unknown as { __cardsAt?: number }).__cardsAt;
  });
  return at;
}

export async function runPhoneBench(o: PhoneBenchOptions): Promise<PhoneBenchResult> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  const workshop = await createWorkshop(o.baseUrl, o.organiserToken, { title: `Phone bench ${Date.now()}` });
  const facilitator = await connectRoom({ baseUrl: o.baseUrl, token: workshop.facilitatorToken });
  const writers: RoomClient[] = [];
  let browser: Browser | undefined;
  try {
    const map = await facilitator.command<{ activityId: string }>("activity.add", {
      kind: "map",
      title: "Where do people go for help?",
      config: { lanes: LANES, kinds: [{ id: "note", label: "Note", color: "#336699" }] },
    });
    await facilitator.command("activity.open", { activityId: map.activityId });
    for (let i = 0; i < WRITERS; i++) {
      const joined = await joinAsParticipant(o.baseUrl, workshop.joinCode, {
        group: i % 2 ? "community" : "statutory",
      });
      writers.push(await connectRoom({ baseUrl: o.baseUrl, token: joined.token, followDoc: false }));
    }
    o.log(`phone: adding ${o.cards} cards from ${WRITERS} participants…`);
    let refused = await addCards(writers, map.activityId, 0, o.cards, 100);
    if (refused > 0) throw new Error(`${refused} card.add refused while building the map`);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    await context.addInitScript(OBSERVE_LONG_TASKS);
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const cdp = await throttle(page);
    const profiling = process.env.PHONE_PROFILE === "1";

    o.log(`phone: opening the join page (CPU ${CPU_SLOWDOWN}× slower, Slow 4G)…`);
    await page.goto(`${o.baseUrl}/j/${workshop.joinCode}`);
    await page.getByRole("radio", { name: /community member/i }).check();
    await page.getByRole("checkbox", { name: /I understand and agree/ }).check();
    if (profiling) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.start");
    }
    const pressed = await pageNow(page);
    await page.getByRole("button", { name: "Join the workshop" }).click();
    const firstWindow = Math.min(o.cards, 48);
    const cardsAt = await cardsDrawn(page, firstWindow, 60_000);
    if (profiling) {
      const { profile } = await cdp.send("Profiler.stop");
      o.log(`phone: self time from Join to cards (CPU ${CPU_SLOWDOWN}×):\n${topSelfTime(profile).join("\n")}`);
    }
    const joinToCardsMs = cardsAt - pressed;
    const drawn = await page.locator("li.card").count();
    await page.getByText("Connected").waitFor();
    const nodes = await domNodes(page);
    const loadLongTasks = await longTasksSince(page, pressed);
    const joinBreakdown = await breakdown(page, pressed, cardsAt);
    o.log(`phone: cards on screen ${joinToCardsMs.toFixed(0)} ms after Join; ${nodes} DOM nodes`);
    o.log(`phone: after Join (ms): ${joinBreakdown}`);

    // New cards arrive while the phone watches: each must cost no long task.
    const arrivals = 40;
    if (profiling) await cdp.send("Profiler.start");
    // Where the main thread's time went (script, style, layout), from Chromium's own counters.
    await cdp.send("Performance.enable");
    const metricsBefore = await mainThreadMetrics(cdp);
    const before = await pageNow(page);
    refused = await addCards(writers, map.activityId, o.cards, arrivals, 4);
    if (refused > 0) throw new Error(`${refused} card.add refused while cards arrived`);
    // Trimmed: the room trims card text, and a card may end where the generated text has a space.
    const last = cardText(o.cards + arrivals - 1).trim();
    // Polled once a second with plain textContent: a locator's text matching would itself
    // make long tasks on a throttled page.
    const seenAll = await page
      .waitForFunction((text) => document.body.textContent?.includes(text) ?? false, last, {
        polling: 1000,
        timeout: 30_000,
      })
      .then(
        () => true,
        () => false,
      );
    const arrivalTasks = await longTasksSince(page, before);
    const metricsAfter = await mainThreadMetrics(cdp);
    const spent = Object.entries(metricsAfter)
      .map(([name, s]) => `${name} ${(((s - (metricsBefore[name] ?? 0)) * 1000) / arrivals).toFixed(1)} ms`)
      .join(", ");
    o.log(`phone: main thread per card that arrived: ${spent}`);
    if (profiling) {
      const { profile } = await cdp.send("Profiler.stop");
      o.log(`phone: self time while cards arrived (CPU ${CPU_SLOWDOWN}×):\n${topSelfTime(profile).join("\n")}`);
      o.log(`phone: total time while cards arrived:\n${topTotalTime(profile, 45).join("\n")}`);
    }
    o.log(
      `phone: ${arrivals} cards arrived; long tasks ${arrivalTasks.count}, max ${arrivalTasks.percentile(100).toFixed(0)} ms`,
    );

    // Offline reload: the map from the phone's cache.
    const deadline = performance.now() + 20_000;
    let bytes = await cachedDocBytes(page, workshop.id);
    while (bytes === 0 && performance.now() < deadline) {
      await sleep(250);
      bytes = await cachedDocBytes(page, workshop.id);
    }
    await context.setOffline(true);
    const reloadStart = performance.now();
    await page.reload({ waitUntil: "domcontentloaded" }).catch(() => undefined);
    const showedMap = await page
      .locator("li.card")
      .first()
      .waitFor({ timeout: 30_000 })
      .then(
        () => true,
        () => false,
      );
    const reloadMs = performance.now() - reloadStart;
    const offlineCards = await page.locator("li.card").count();
    await context.setOffline(false);
    await context.close();
    o.log(`phone: offline reload ${showedMap ? "showed" : "did NOT show"} the map (${offlineCards} cards drawn)`);

    // The facilitator's board with many cards, on a laptop (no throttling), while panning.
    o.log(`phone: the facilitator board with ${o.boardCards} cards…`);
    refused = await addCards(writers, map.activityId, o.cards + arrivals, o.boardCards - o.cards - arrivals, 100);
    if (refused > 0) throw new Error(`${refused} card.add refused while building the board`);
    const laptop = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const console = await laptop.newPage();
    console.setDefaultTimeout(60_000);
    await console.goto(
      `${o.baseUrl}${new URL(workshop.links.facilitator, o.baseUrl).pathname}${new URL(workshop.links.facilitator, o.baseUrl).hash}`,
    );
    const frame = console.locator(".board__frame").first();
    await frame.waitFor();
    await console.waitForFunction(() => document.querySelectorAll("[data-card-id]").length > 0);
    const box = (await frame.boundingBox())!;
    // A string, not a function: tsx's helpers (__name) do not exist in the page.
    await console.evaluate(`(() => {
      window.__frames = [];
      let last = performance.now();
      const tick = (now) => {
        window.__frames.push(now - last);
        last = now;
        if (window.__frames.length < 100000) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    // Drag the background around for a few seconds (background: a point between lanes' cards is not guaranteed,
    // so start where the frame's own padding is).
    const x0 = box.x + 8;
    const y0 = box.y + box.height - 8;
    await console.mouse.move(x0, y0);
    await console.mouse.down();
    for (let step = 0; step < 120; step++) {
      const angle = (step / 120) * Math.PI * 4;
      await console.mouse.move(x0 + 300 + Math.cos(angle) * 250, y0 - 300 + Math.sin(angle) * 250, { steps: 2 });
    }
    await console.mouse.up();
    const frames = new Samples();
    for (const ms of await console.evaluate(() => (window as unknown as { __frames: number[] }).__frames.slice(1))) {
      frames.add(ms);
    }
    const boardNodes = await domNodes(console);
    const result: PhoneBenchResult = {
      cards: o.cards,
      joinToCardsMs,
      joinBreakdown,
      cardsDrawn: drawn,
      domNodes: nodes,
      loadLongTasks,
      arrivals: { cards: arrivals, longTasks: arrivalTasks, seenAll },
      offlineReload: { cachedBytes: bytes, showedMap, cardsDrawn: offlineCards, ms: reloadMs },
      board: {
        cards: o.boardCards,
        frames,
        longFrames: frames.values.filter((ms) => ms > 50).length,
        domNodes: boardNodes,
      },
    };
    await laptop.close();
    return result;
  } finally {
    await browser?.close();
    await Promise.all([facilitator, ...writers].map((c) => c.close()));
  }
}

/** The phone figures against the goals, as Markdown. */
export function renderPhone(r: PhoneBenchResult): string {
  const f = (ms: number) => `${ms.toFixed(0)} ms`;
  const verdict = (ok: boolean) => (ok ? "within" : "**over**");
  const lt = (s: Samples) => (s.count === 0 ? "none" : `${s.count}, longest ${f(s.percentile(100))}`);
  return `## The phone in the hand

Chromium (${CHROMIUM}) with the CPU slowed ${CPU_SLOWDOWN}× (CDP \`Emulation.setCPUThrottlingRate\`) and DevTools'
"Slow 4G" network (${SLOW_4G.latency} ms latency, ${(SLOW_4G.downloadThroughput / 1000).toFixed(0)} kB/s down, ${(SLOW_4G.uploadThroughput / 1000).toFixed(0)} kB/s up), a 390 × 844 phone
viewport, joining a map of ${r.cards} cards through the join page. The facilitator's board runs unthrottled
(a laptop).

| what | measured | goal |
|---|---|---|
| "Join" pressed → cards on screen (${r.cardsDrawn} drawn) | ${f(r.joinToCardsMs)} | ≤ 2,000 ms: ${verdict(r.joinToCardsMs <= 2000)} |
| DOM nodes with the map shown | ${r.domNodes} | ≤ 3,000: ${verdict(r.domNodes <= 3000)} |
| long tasks while the map loaded | ${lt(r.loadLongTasks)} | |
| long tasks while ${r.arrivals.cards} new cards arrived (4/s)${r.arrivals.seenAll ? "" : " — NOT all seen"} | ${lt(r.arrivals.longTasks)} | none > 50 ms: ${verdict(r.arrivals.seenAll && r.arrivals.longTasks.count === 0)} |
| reload with no network | ${r.offlineReload.showedMap ? `the map, ${r.offlineReload.cardsDrawn} cards drawn, in ${f(r.offlineReload.ms)}` : "**no map**"} (cache ${(r.offlineReload.cachedBytes / 1024).toFixed(0)} KB in IndexedDB) | shows the map: ${verdict(r.offlineReload.showedMap)} |
| facilitator board, ${r.board.cards} cards, panning: frame time p50 / p95 / max | ${f(r.board.frames.percentile(50))} / ${f(r.board.frames.percentile(95))} / ${f(r.board.frames.percentile(100))} over ${r.board.frames.count} frames; ${r.board.longFrames} over 50 ms; ${r.board.domNodes} DOM nodes | responsive |
`;
}

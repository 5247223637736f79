/**
 * The room client's promises to a flaky phone: a command is stored before it is
 * sent, survives a reload, is resent after reconnecting, and is forgotten only when
 * the room acknowledges it. Driven with a fake socket and fake timers.
 */
import * as encoding from "lib0/encoding";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { deflateFrame } from "../../party/deflate";
import {
  MESSAGE_DEFLATED,
  readServerFrame,
  stateVectorParam,
  syncStep1Frame,
  syncStep1FromParam,
  updateFrame,
} from "../../party/model/frames";
import { CloseCode } from "../../party/model/protocol";
import { DocCache, type DocStore, legacyDocKey, memoryDocs } from "../../web/lib/room/cache";
import { RoomConnection } from "../../web/lib/room/connection";
import { pendingKey } from "../../web/lib/room/queue";
import { type KeyValueStore, memoryStore } from "../../web/lib/storage";
import { FakeSocket } from "./support/fake-socket";

function setup(
  store: KeyValueStore = memoryStore(),
  ticketFails: () => number | null = () => null,
  docs: DocStore = memoryDocs(),
  freshStart = false,
) {
  const sockets: FakeSocket[] = [];
  const tickets: string[] = [];
  const states: string[] = [];
  let n = 0;
  const conn = new RoomConnection({
    workshopId: "w1",
    token: "secret-token",
    actorKey: "p1",
    store,
    docStore: docs,
    fetchTicket: async (token, workshopId) => {
      expect(token).toBe("secret-token");
      expect(workshopId).toBe("w1");
      const status = ticketFails();
      if (status !== null) throw Object.assign(new Error("refused"), { status });
      const ticket = `ticket-${++n}`;
      tickets.push(ticket);
      return ticket;
    },
    openSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    socketUrl: (id, ticket) => `ws://room/${id}?ticket=${ticket}`,
    events: { state: (s) => states.push(s) },
    random: () => 0.5,
    now: () => 999_000,
    freshStart,
  });
  return { conn, sockets, tickets, states, store, docs };
}

/** A connection started and greeted by the room on its first socket: online. */
async function online(made: ReturnType<typeof setup> = setup()) {
  made.conn.start();
  await flush();
  made.sockets[0]!.open();
  made.sockets[0]!.hello();
  return made;
}

/** Lets the ticket promise settle. */
async function flush(): Promise<void> {
  // The doc cache's code is imported on demand before the first ticket (web/lib/room/connection.ts).
  await vi.dynamicImportSettled();
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

const card = { activityId: "a1", lane: "now", kind: "idea", text: "A drop-in on Saturdays" };

describe("room connection", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("opens the socket with a fresh ticket and its state vector in the address, and sends no sync step 1", async () => {
    const { conn, sockets } = setup();
    conn.start();
    await flush();
    expect(sockets).toHaveLength(1);
    // perf (#17): the room answers the vector in the address with its welcome, a round trip sooner.
    const sv = stateVectorParam(Y.encodeStateVector(new Y.Doc()));
    expect(sockets[0]!.url).toBe(`ws://room/w1?ticket=ticket-1&sv=${sv}&deflate=1`);
    expect(syncStep1FromParam(sv)).toEqual(syncStep1Frame(new Y.Doc()));
    sockets[0]!.open();
    expect(sockets[0]!.sent).toHaveLength(0);
    sockets[0]!.hello(1_005_000);
    expect(conn.state).toBe("online");
    expect(conn.clockOffset).toBe(6_000);
    conn.stop();
  });

  it("stores a command before sending it and forgets it on the ack", async () => {
    const { conn, sockets, store } = await online();
    const outcome = conn.send("card.add", card, "cmd-1");
    expect(store.getItem(pendingKey("w1", "p1"))).toContain("cmd-1");
    expect(conn.statuses.get("cmd-1")).toEqual({ state: "pending", name: "card.add" });
    expect(sockets[0]!.commands()).toEqual([{ type: "command", id: "cmd-1", name: "card.add", args: card }]);
    sockets[0]!.says({ type: "ack", id: "cmd-1", ok: true, result: { cardId: "c9" } });
    await expect(outcome).resolves.toEqual({ ok: true, result: { cardId: "c9" } });
    expect(conn.statuses.get("cmd-1")).toEqual({ state: "saved", name: "card.add", result: { cardId: "c9" } });
    expect(store.getItem(pendingKey("w1", "p1"))).toBeNull();
    conn.stop();
  });

  it("reports a refusal with the room's reason and does not resend it", async () => {
    const { conn, sockets } = await online();
    const outcome = conn.send("card.add", card, "cmd-locked");
    sockets[0]!.says({
      type: "ack",
      id: "cmd-locked",
      ok: false,
      error: { code: "locked", message: "The room is locked." },
    });
    await expect(outcome).resolves.toEqual({ ok: false, error: { code: "locked", message: "The room is locked." } });
    expect(conn.pending()).toEqual([]);
    sockets[0]!.drop();
    await vi.advanceTimersByTimeAsync(1_000);
    sockets[1]!.open();
    sockets[1]!.hello();
    expect(sockets[1]!.commands()).toEqual([]);
    conn.stop();
  });

  it("queues while offline and resends every unacknowledged command after reconnecting, in order", async () => {
    const { conn, sockets, tickets, states } = await online();
    conn.send("card.add", card, "cmd-a");
    sockets[0]!.drop();
    expect(conn.state).toBe("offline");
    conn.send("card.support", { cardId: "c1", on: true }, "cmd-b");
    // Backoff: the first retry waits between 250 and 500 ms.
    await vi.advanceTimersByTimeAsync(200);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(300);
    expect(sockets).toHaveLength(2);
    expect(tickets).toEqual(["ticket-1", "ticket-2"]);
    sockets[1]!.open();
    expect(sockets[1]!.commands()).toEqual([]); // not before the room says hello
    sockets[1]!.hello();
    expect(sockets[1]!.commands().map((c) => c.id)).toEqual(["cmd-a", "cmd-b"]);
    expect(states).toEqual(["online", "offline", "online"]);
    conn.stop();
  });

  it("reconnects and resends when a command is not acknowledged in time (a silently dead socket)", async () => {
    const { conn, sockets } = await online();
    conn.send("card.add", card, "cmd-lost");
    await vi.advanceTimersByTimeAsync(14_000);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sockets[0]!.closed).not.toBeNull();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    sockets[1]!.hello();
    expect(sockets[1]!.commands().map((c) => c.id)).toEqual(["cmd-lost"]);
    sockets[1]!.says({ type: "ack", id: "cmd-lost", ok: true, result: {} });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sockets).toHaveLength(2); // acknowledged: nothing more to chase
    conn.stop();
  });

  it("keeps pending commands across a reload and resends them from a fresh client", async () => {
    const store = memoryStore();
    const first = setup(store);
    first.conn.start();
    await flush();
    first.conn.send("card.add", card, "cmd-offline"); // never connected: stays queued
    first.conn.stop();

    const second = setup(store);
    expect(second.conn.pending().map((p) => p.id)).toEqual(["cmd-offline"]);
    expect(second.conn.statuses.get("cmd-offline")?.state).toBe("pending");
    const outcome = second.conn.waitFor("cmd-offline");
    await online(second);
    expect(second.sockets[0]!.commands()).toEqual([
      { type: "command", id: "cmd-offline", name: "card.add", args: card },
    ]);
    // The room had already applied it before the reload: it answers with the original ack.
    second.sockets[0]!.says({ type: "ack", id: "cmd-offline", ok: true, result: { cardId: "c1" } });
    await expect(outcome).resolves.toEqual({ ok: true, result: { cardId: "c1" } });
    expect(store.getItem(pendingKey("w1", "p1"))).toBeNull();
    second.conn.stop();
  });

  it("refuses invalid arguments at once without queueing them", async () => {
    const { conn, store } = setup();
    const outcome = await conn.send("card.add", { ...card, text: "x".repeat(1001) }, "too-long");
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.code).toBe("too_large");
    expect(store.getItem(pendingKey("w1", "p1"))).toBeNull();
  });

  it("stops for good when removed, settles what was pending and drops the cached doc", async () => {
    const { conn, sockets, store, docs } = await online();
    const outcome = conn.send("card.add", card, "cmd-x");
    conn.doc.getMap("workshop").set("id", "w1"); // something to cache
    await vi.advanceTimersByTimeAsync(2_500);
    expect(await docs.read("w1")).not.toEqual([]);
    sockets[0]!.drop(CloseCode.removed);
    expect(conn.state).toBe("closed");
    expect(conn.closeReason).toBe("removed");
    await expect(outcome).resolves.toMatchObject({ ok: false });
    expect(store.getItem(pendingKey("w1", "p1"))).toBeNull();
    await flush();
    expect(await docs.read("w1")).toEqual([]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
  });

  it("stops when the ticket endpoint refuses the token, but retries when the network fails", async () => {
    let status: number | null = 0;
    const { conn, sockets } = setup(memoryStore(), () => status);
    conn.start();
    await flush();
    expect(conn.state).toBe("offline");
    status = 401;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(conn.state).toBe("closed");
    expect(conn.closeReason).toBe("unauthorised");
    expect(sockets).toHaveLength(0);
  });

  it("applies the room's updates and drops a cached doc the room does not know", async () => {
    const docs = memoryDocs();
    const server = new Y.Doc();
    server.getMap("workshop").set("id", "w1");
    const stale = new Y.Doc();
    stale.getMap("cards").set("ghost", { id: "ghost" });
    // A cache from before the room was rebuilt.
    await docs.replace("w1", Y.encodeStateAsUpdate(stale));

    const { conn, sockets } = setup(memoryStore(), () => null, docs);
    conn.start();
    await conn.ready;
    await flush();
    expect(conn.doc.getMap("cards").has("ghost")).toBe(true);
    sockets[0]!.open();
    const step1 = encoding.createEncoder();
    encoding.writeVarUint(step1, 0);
    encoding.writeVarUint(step1, 0);
    encoding.writeVarUint8Array(step1, Y.encodeStateVector(server));
    sockets[0]!.sends(encoding.toUint8Array(step1));
    expect(conn.doc.getMap("cards").has("ghost")).toBe(false);
    // It asked again from nothing.
    const last = sockets[0]!.sent.at(-1) as Uint8Array;
    expect(readServerFrame(last)).toEqual({ kind: "sync-step-1", stateVector: new Map() });
    const step2 = encoding.createEncoder();
    encoding.writeVarUint(step2, 0);
    encoding.writeVarUint(step2, 1);
    encoding.writeVarUint8Array(step2, Y.encodeStateAsUpdate(server));
    sockets[0]!.sends(encoding.toUint8Array(step2));
    expect(conn.doc.getMap("workshop").get("id")).toBe("w1");
    conn.stop();
  });

  it("reads a deflated first sync and keeps the room's order for the frames that follow it (perf #17)", async () => {
    const { conn, sockets } = await online();
    const server = new Y.Doc();
    const cards = server.getMap("cards");
    for (let i = 0; i < 300; i++) cards.set(`c${i}`, { id: `c${i}`, text: `Card ${i}: a bus after six would help` });
    const step2 = encoding.createEncoder();
    encoding.writeVarUint(step2, 0);
    encoding.writeVarUint(step2, 1);
    encoding.writeVarUint8Array(step2, Y.encodeStateAsUpdate(server));
    const packed = deflateFrame(encoding.toUint8Array(step2));
    expect(packed[0]).toBe(MESSAGE_DEFLATED);
    // An edit made after it, and an ack, sent while the phone is still inflating the sync.
    const before = Y.encodeStateVector(server);
    cards.set("c0", { id: "c0", text: "Edited" });
    const edit = Y.encodeStateAsUpdate(server, before);
    const saved = conn.send("card.add", card, "cmd-1");
    sockets[0]!.sends(packed);
    sockets[0]!.sends(updateFrame(edit));
    sockets[0]!.says({ type: "ack", id: "cmd-1", ok: true, result: {} });
    // Nothing is read out of order: the edit and the ack wait behind the sync.
    expect(conn.doc.getMap("cards").size).toBe(0);
    expect(conn.pending()).toHaveLength(1);
    await vi.waitFor(() => expect(conn.pending()).toHaveLength(0));
    expect(conn.doc.getMap("cards").size).toBe(300);
    expect(conn.doc.getMap("cards").get("c0")).toEqual({ id: "c0", text: "Edited" });
    expect(await saved).toEqual({ ok: true, result: {} });
    // Frames after the queue drained are read at once again.
    cards.set("c1", { id: "c1", text: "Edited too" });
    sockets[0]!.sends(updateFrame(Y.encodeStateAsUpdate(server, Y.encodeStateVector(conn.doc))));
    expect(conn.doc.getMap("cards").get("c1")).toEqual({ id: "c1", text: "Edited too" });
    conn.stop();
  });

  it("drops a socket whose deflated frame does not inflate, and reconnects", async () => {
    const { conn, sockets } = await online();
    sockets[0]!.sends(new Uint8Array([MESSAGE_DEFLATED, 0xff, 0xff, 0xff, 0x00, 0x13]));
    await vi.waitFor(() => expect(sockets[0]!.closed).not.toBeNull());
    expect(conn.state).toBe("offline");
    conn.stop();
  });

  it("a phone that has just joined connects before its cache opens, and replaces what the device held (perf #17)", async () => {
    const memory = memoryDocs();
    const old = new Y.Doc();
    old.getMap("cards").set("ghost", { id: "ghost" });
    await memory.replace("w1", Y.encodeStateAsUpdate(old));
    // The device's store answers only when the test lets it (a slow IndexedDB).
    let release = (): void => {};
    const opened = new Promise<void>((resolve) => {
      release = resolve;
    });
    const docs: DocStore = { ...memory, remove: async (id) => opened.then(() => memory.remove(id)) };
    const { conn, sockets } = setup(memoryStore(), () => null, docs, true);
    conn.start();
    await flush();
    // Connected without waiting, from nothing: the room sends it all.
    expect(sockets).toHaveLength(1);
    expect(sockets[0]!.url).toContain(`&sv=${stateVectorParam(Y.encodeStateVector(new Y.Doc()))}&`);
    sockets[0]!.open();
    sockets[0]!.hello();
    const server = new Y.Doc();
    server.getMap("cards").set("c1", { id: "c1", text: "A bus after six" });
    const sync = encoding.createEncoder();
    encoding.writeVarUint(sync, 0);
    encoding.writeVarUint(sync, 1);
    encoding.writeVarUint8Array(sync, Y.encodeStateAsUpdate(server));
    sockets[0]!.sends(encoding.toUint8Array(sync));
    expect(conn.doc.getMap("cards").toJSON()).toEqual({ c1: { id: "c1", text: "A bus after six" } });
    // The cache opens: the old copy is gone, never applied, and what arrived meanwhile is kept.
    release();
    const cached = async (): Promise<unknown> => {
      const doc = new Y.Doc();
      for (const piece of await memory.read("w1")) Y.applyUpdate(doc, piece);
      return doc.getMap("cards").toJSON();
    };
    await flush();
    // The cache saves every 2 s (web/lib/room/cache.ts).
    await vi.advanceTimersByTimeAsync(2_100);
    await flush();
    expect(await cached()).toEqual({ c1: { id: "c1", text: "A bus after six" } });
    expect(conn.doc.getMap("cards").has("ghost")).toBe(false);
    conn.stop();
  });

  it("reads presence written by the room", async () => {
    const seen: unknown[] = [];
    const store = memoryStore();
    const { sockets } = setup(store);
    const conn = new RoomConnection({
      workshopId: "w2",
      token: "t",
      actorKey: "p",
      store,
      fetchTicket: async () => "t1",
      openSocket: (url) => {
        const s = new FakeSocket(url);
        sockets.push(s);
        return s;
      },
      socketUrl: () => "ws://x",
      events: { presence: (list) => seen.push(list) },
    });
    conn.start();
    await flush();
    const socket = sockets.at(-1)!;
    socket.open();
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, 42);
    encoding.writeVarUint(inner, 1);
    encoding.writeVarString(inner, JSON.stringify({ id: "p1", group: "community" }));
    const outer = encoding.createEncoder();
    encoding.writeVarUint(outer, 1);
    encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
    socket.sends(encoding.toUint8Array(outer));
    expect(seen).toEqual([[{ clientId: 42, state: { id: "p1", group: "community" } }]]);
    conn.stop();
  });
});

/** A doc whose every change is recorded by a cache, as the room connection does. */
function cachedDoc(docs: DocStore, workshopId: string): { doc: Y.Doc; cache: DocCache } {
  const doc = new Y.Doc();
  const cache = new DocCache(docs, workshopId, doc);
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== "cache") cache.record(update);
  });
  return { doc, cache };
}

describe("doc cache", () => {
  it("keeps the three most recently used workshops' docs and drops older ones", async () => {
    const docs = memoryDocs();
    const save = async (id: string) => {
      const { doc, cache } = cachedDoc(docs, id);
      doc.getMap("workshop").set("id", id);
      await cache.saveNow();
    };
    for (const id of ["w1", "w2", "w3", "w4"]) await save(id);
    expect(await docs.read("w1")).toEqual([]);
    for (const id of ["w2", "w3", "w4"]) expect(await docs.read(id)).toHaveLength(1);
    // Using w2 again makes w3 the oldest.
    await save("w2");
    await save("w5");
    expect(await docs.read("w3")).toEqual([]);
    expect(await docs.read("w2")).toHaveLength(2);
  });

  it("saves what changed since the last save, not the whole doc, and reads it back whole", async () => {
    const docs = memoryDocs();
    const { doc, cache } = cachedDoc(docs, "w1");
    const cards = doc.getMap("cards");
    // The first sync: one large update, kept as it came.
    const room = new Y.Doc();
    for (let i = 0; i < 800; i++)
      room.getMap("cards").set(`c${i}`, { id: `c${i}`, text: `card ${i} ${"x".repeat(60)}` });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room));
    await cache.saveNow();
    const first = await docs.read("w1");
    expect(first).toHaveLength(1);
    // Then cards arrive one by one: each save stores only those, merged.
    for (let i = 800; i < 805; i++) cards.set(`c${i}`, { id: `c${i}`, text: `card ${i}` });
    await cache.saveNow();
    const second = await docs.read("w1");
    expect(second).toHaveLength(2);
    expect(second[1]!.byteLength).toBeLessThan(first[0]!.byteLength / 20);
    const again = new Y.Doc();
    expect(await new DocCache(docs, "w1", again).load()).toBe(true);
    expect(again.getMap("cards").size).toBe(805);
  });

  it("holds a 1 MB doc, which localStorage could not, and compacts a long log when loading it", async () => {
    const docs = memoryDocs();
    const { doc, cache } = cachedDoc(docs, "w1");
    const cards = doc.getMap("cards");
    for (let batch = 0; batch < 50; batch++) {
      for (let i = 0; i < 80; i++) {
        const id = `c${batch * 80 + i}`;
        cards.set(id, { id, text: `${id} ${"x".repeat(240)}` });
      }
      await cache.saveNow();
    }
    const pieces = await docs.read("w1");
    expect(pieces.length).toBe(50);
    expect(pieces.reduce((sum, p) => sum + p.byteLength, 0)).toBeGreaterThan(1_000_000);
    const again = new Y.Doc();
    expect(await new DocCache(docs, "w1", again).load()).toBe(true);
    expect(again.getMap("cards").size).toBe(4000);
    const compacted = await docs.read("w1");
    expect(compacted).toHaveLength(1);
    expect(compacted[0]!.byteLength).toBeGreaterThan(1_000_000);
  });

  it("moves a doc cached in localStorage by an earlier version and removes the old keys", async () => {
    const store = memoryStore();
    const old = new Y.Doc();
    old.getMap("workshop").set("id", "w1");
    store.setItem(legacyDocKey("w1"), Buffer.from(Y.encodeStateAsUpdate(old)).toString("base64"));
    store.setItem(legacyDocKey("w0"), "AAA=");
    store.setItem("coproduce:docs", JSON.stringify(["w1", "w0"]));
    const docs = memoryDocs();
    const doc = new Y.Doc();
    vi.useFakeTimers();
    try {
      expect(await new DocCache(docs, "w1", doc, store).load()).toBe(true);
      expect(doc.getMap("workshop").get("id")).toBe("w1");
      for (const key of [legacyDocKey("w1"), legacyDocKey("w0"), "coproduce:docs"])
        expect(store.getItem(key)).toBeNull();
      await vi.advanceTimersByTimeAsync(2_500);
    } finally {
      vi.useRealTimers();
    }
    expect(await docs.read("w1")).toHaveLength(1);
  });

  it("treats a store that cannot be read as empty and a broken entry as gone", async () => {
    const refusing: DocStore = {
      read: () => Promise.reject(new Error("IndexedDB refused")),
      append: () => Promise.reject(new Error("quota")),
      replace: () => Promise.reject(new Error("quota")),
      remove: () => Promise.reject(new Error("IndexedDB refused")),
    };
    const { doc, cache } = cachedDoc(refusing, "w1");
    expect(await cache.load()).toBe(false);
    doc.getMap("workshop").set("id", "w1");
    await expect(cache.saveNow()).resolves.toBeUndefined();
    const docs = memoryDocs();
    await docs.append("w1", new Uint8Array([255, 255, 255]), "log");
    expect(await new DocCache(docs, "w1", new Y.Doc()).load()).toBe(false);
    expect(await docs.read("w1")).toEqual([]);
  });
});

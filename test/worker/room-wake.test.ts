/**
 * perf (#17): what a room does when it wakes. It reads its snapshot and the updates logged
 * since, and answers a reader from nothing with those bytes as storage holds them, instead of
 * encoding the whole doc again from cold code (the largest part of a big room's first answer).
 */
import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import * as decoding from "lib0/decoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { WorkshopRoom } from "../../party/room";
import { facilitator, liveMap, participant } from "./support/fixtures";
import { type RoomClient, roomClients, roomStub, tuneRoom } from "./support/room-client";

const clients = roomClients();
const { join } = clients;

/** The room's sync frames to one client, in order: [step, payload] (0: step 1, 1: step 2, 2: update). */
function syncFrames(client: RoomClient): [number, Uint8Array][] {
  return client.frames
    .filter((f) => f[0] === 0)
    .map((f) => {
      const decoder = decoding.createDecoder(f);
      decoding.readVarUint(decoder);
      const step = decoding.readVarUint(decoder);
      return [step, decoding.readVarUint8Array(decoder)];
    });
}

/** A room with a snapshot and `after` logged updates since it, then evicted (sockets closed). */
async function snapshottedRoom(label: string, after: number) {
  const { id, fac, mapId } = await liveMap(join, label, { snapshotEvery: 1 });
  const stub = await roomStub(id);
  const p1 = await join(id, participant(1));
  const text = (i: number) => `Card number ${i} from person one`;
  for (let i = 0; i < 4; i++)
    await p1.ok("card.add", { activityId: mapId, lane: "during", kind: "helps", text: text(i) });
  // Snapshots are taken on the turn after a command: wait until one covers every command so far.
  for (let asked = 0; ; asked++) {
    const state = await stub.state();
    if (state.snapshotSeq === state.lastSeq) break;
    if (asked > 100) throw new Error("no snapshot of the whole log");
  }
  // Then `after` more commands, logged after the snapshot.
  await tuneRoom(id, { snapshotEvery: 1000 });
  for (let i = 4; i < 4 + after; i++)
    await p1.ok("card.add", { activityId: mapId, lane: "during", kind: "helps", text: text(i) });
  // Every card has reached the facilitator (edits go out on the turn after their ack).
  const cardCount = () => Object.keys((fac.json().cards ?? {}) as Record<string, unknown>).length;
  await fac.waitFor(() => cardCount() === 4 + after, `the facilitator to hold ${4 + after} cards`);
  const expected = fac.json();
  const stored = await runInDurableObject(stub, (_room: WorkshopRoom, ctx) => {
    const sql = ctx.storage.sql;
    const seq = sql.exec<{ seq: number }>("SELECT MAX(seq) AS seq FROM snapshots").one().seq;
    const snapshot = new Uint8Array(
      sql.exec<{ data: ArrayBuffer }>("SELECT data FROM snapshots WHERE seq = ? AND part = 0", seq).one().data,
    );
    const updates = sql
      .exec<{ doc_update: ArrayBuffer }>(
        "SELECT doc_update FROM commands WHERE seq > ? AND doc_update IS NOT NULL ORDER BY seq",
        seq,
      )
      .toArray()
      .map((r) => new Uint8Array(r.doc_update));
    return { snapshot, updates };
  });
  expect(stored.updates).toHaveLength(after);
  clients.closeAll();
  await evictDurableObject(stub, { webSockets: "close" });
  return { id, stub, mapId, expected, stored, text };
}

describe("waking a room", () => {
  it("answers a facilitator from nothing with the stored snapshot and the updates since, not a re-encoded doc", async () => {
    const { id, expected, stored } = await snapshottedRoom("wake-stored", 2);

    const fresh = await join(id, facilitator);
    const frames = syncFrames(fresh);
    const step2 = frames.findIndex(([step]) => step === 1);
    // The snapshot exactly as storage holds it is the answer to sync step 1 …
    expect(frames[step2]![1]).toEqual(stored.snapshot);
    // … and the updates logged since it came just before, merged into one update.
    const [before, since] = frames[step2 - 1]!;
    expect(before).toBe(2);
    expect(since).toEqual(Y.mergeUpdates(stored.updates));
    // What the facilitator holds is the whole doc, as it was before the room slept.
    expect(fresh.json()).toEqual(expected);
  });

  it("keeps answering from storage after new commands, and a phone still gets its redacted replica", async () => {
    const { id, mapId, expected, stored } = await snapshottedRoom("wake-then-edit", 0);
    const p2 = await join(id, participant(2, "statutory"));
    await p2.ok("card.add", { activityId: mapId, lane: "before", kind: "helps", text: "After the wake" });

    const fac = await join(id, facilitator);
    const frames = syncFrames(fac);
    const step2 = frames.findIndex(([step]) => step === 1);
    expect(frames[step2]![1]).toEqual(stored.snapshot);
    expect(frames[step2 - 1]![0]).toBe(2);
    const cards = Object.values(fac.json().cards as Record<string, { text: string; authorId: string }>);
    expect(cards.map((c) => c.text)).toContain("After the wake");
    expect(cards).toHaveLength(Object.keys(expected.cards as object).length + 1);
    // privacy (#12): a phone never gets the room's stored bytes, only the redacted replica.
    const phoneCards = Object.values(p2.json().cards as Record<string, { authorId: string }>);
    expect(phoneCards.length).toBe(cards.length);
    expect(phoneCards.every((c) => c.authorId === "")).toBe(true);
  });

  it("after a withdrawal, answers from the doc: the stored bytes with the person's words are not sent", async () => {
    const { id, text } = await snapshottedRoom("wake-withdraw", 1);
    const p1 = await join(id, participant(1));
    await p1.ok("me.withdraw", {});

    const fac = await join(id, facilitator);
    const frames = syncFrames(fac);
    const words = new TextEncoder().encode(text(0));
    const holds = (bytes: Uint8Array) => Buffer.from(bytes).includes(Buffer.from(words));
    expect(frames.some(([, payload]) => holds(payload))).toBe(false);
    const texts = Object.values(fac.json().cards as Record<string, { text: string }>).map((c) => c.text);
    expect(texts).not.toContain(text(0));
  });
  it("after a card is deleted or rewritten, answers from the doc, awake and woken: the old words are not sent", async () => {
    // Cards 0-3 are in the stored snapshot, card 4 in the log after it.
    const { id, stub, text } = await snapshottedRoom("wake-take-back", 1);
    const p1 = await join(id, participant(1));
    const idOf = (t: string) =>
      Object.entries(p1.json().cards as Record<string, { text: string }>).find(([, c]) => c.text === t)![0];
    await p1.ok("card.delete", { cardId: idOf(text(0)) });
    await p1.ok("card.edit", { cardId: idOf(text(4)), text: "Said better now" });
    const takenBack = (client: RoomClient) =>
      [text(0), text(4)].filter((card) => {
        const words = Buffer.from(new TextEncoder().encode(card));
        return syncFrames(client).some(([, payload]) => Buffer.from(payload).includes(words));
      });

    const awake = await join(id, facilitator);
    expect(takenBack(awake)).toEqual([]);
    clients.closeAll();
    await evictDurableObject(stub, { webSockets: "close" });
    const woken = await join(id, facilitator);
    expect(takenBack(woken)).toEqual([]);
    const texts = Object.values(woken.json().cards as Record<string, { text: string }>).map((c) => c.text);
    expect(texts).toContain("Said better now");
    expect(texts).not.toContain(text(0));
  });

  it("after a withdrawal whose compaction failed, a woken room still answers from the doc, not the log", async () => {
    // Cards 0-3 are in the stored snapshot, card 4 in the log after it.
    const { id, stub, text } = await snapshottedRoom("wake-withdraw-uncompacted", 1);
    const p1 = await join(id, participant(1));
    // Storage refuses the snapshot that should compact the log after the withdrawal.
    await runInDurableObject(stub, (_room: WorkshopRoom, ctx) => {
      ctx.storage.sql.exec(
        "CREATE TRIGGER no_snapshot BEFORE INSERT ON snapshots BEGIN SELECT RAISE(ABORT, 'disk full'); END",
      );
    });
    await p1.ok("me.withdraw", {});
    clients.closeAll();
    await evictDurableObject(stub, { webSockets: "close" });

    const fac = await join(id, facilitator);
    for (const card of [text(0), text(4)]) {
      const words = new TextEncoder().encode(card);
      const holds = (bytes: Uint8Array) => Buffer.from(bytes).includes(Buffer.from(words));
      expect(
        syncFrames(fac).some(([, payload]) => holds(payload)),
        card,
      ).toBe(false);
    }
    const texts = Object.values(fac.json().cards as Record<string, { text: string }>).map((c) => c.text);
    expect(texts).not.toContain(text(0));
    expect(texts).not.toContain(text(4));
  });
});

/** A room full of phones must survive bad clients: garbage, floods, forged writes and forged presence. */
import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { COMMAND_NAMES } from "../../party/model/commands";
import { CloseCode } from "../../party/model/protocol";
import { createRoom, facilitator, liveMap, participant, screen } from "./support/fixtures";
import { type Json, roomClients, roomStub, tuneRoom } from "./support/room-client";

const clients = roomClients();
const { join } = clients;

function frame(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

/** A deterministic pseudo-random source, so a failing fuzz run can be repeated. */
function prng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

function randomValue(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * (depth > 2 ? 5 : 7));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return rand() < 0.5;
    case 2:
      return Math.floor(rand() * 2e9) - 1e9;
    case 3:
      return "x".repeat(Math.floor(rand() * 40));
    case 4:
      return rand() * 1e308 * (rand() < 0.5 ? -1 : 1);
    case 5:
      return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
    default: {
      const obj: Record<string, unknown> = {};
      for (let i = 0; i < Math.floor(rand() * 4); i++) obj[`k${i}`] = randomValue(rand, depth + 1);
      return obj;
    }
  }
}

/** One malformed, oversized, unknown or forged message; never a valid command. */
function garbage(rand: () => number, i: number): string | Uint8Array {
  const id = `f${i}`;
  const name = COMMAND_NAMES[Math.floor(rand() * COMMAND_NAMES.length)];
  switch (i % 12) {
    case 0:
      return `__YPS:{"type":"command","id":"${id}",`; // truncated JSON
    case 1:
      return `__YPS:${JSON.stringify(randomValue(rand))}`;
    case 2:
      return `__YPS:${JSON.stringify({ type: "command", id, name: `nope.${i}`, args: {} })}`;
    case 3:
      // Known names with arguments that are not an object at all.
      return `__YPS:${JSON.stringify({ type: "command", id, name, args: [null, 7, "seven", false][i % 4] })}`;
    case 4:
      return `__YPS:${JSON.stringify({ type: "command", id, name, args: "x".repeat(70_000) })}`;
    case 5:
      return `__YPS:${JSON.stringify({ type: "cmd", id: 42, name: null })}`;
    case 6:
      return "not even prefixed";
    case 7:
      return crypto.getRandomValues(new Uint8Array(1 + Math.floor(rand() * 64)));
    case 8:
      return frame(0, (e) => {
        encoding.writeVarUint(e, 7); // unknown sync step
        encoding.writeVarUint8Array(e, crypto.getRandomValues(new Uint8Array(8)));
      });
    case 9:
      return frame(0, (e) => {
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, crypto.getRandomValues(new Uint8Array(16))); // a "doc update" of noise
      });
    case 10:
      return frame(1, (e) => encoding.writeVarUint8Array(e, crypto.getRandomValues(new Uint8Array(12))));
    default:
      return `__YPS:${JSON.stringify({ type: "command", id: "../../etc", name, args: {} })}`;
  }
}

describe("a participant cannot write the doc", () => {
  it("ignores raw Yjs updates and sync step 2 from a client", async () => {
    const id = await createRoom("raw-update");
    const p1 = await join(id, participant(1));
    const stub = await roomStub(id);
    const before = await stub.state();

    // Forge a card in the client's own copy and push it to the room both ways a provider can.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(p1.doc));
    forged.getMap("cards").set("forged", { id: "forged", text: "I wrote this directly" });
    forged.getMap("workshop").set("title", "Hijacked");
    const update = Y.encodeStateAsUpdate(forged, Y.encodeStateVector(p1.doc));
    p1.send(frame(0, (e) => syncProtocol.writeUpdate(e, update)));
    p1.send(frame(0, (e) => syncProtocol.writeSyncStep2(e, forged, Y.encodeStateVector(p1.doc))));
    // A command after the forgeries proves they were processed (same socket, in order).
    expect((await p1.command("me.update", { name: "Still me" })).ok).toBe(true);

    const fresh = await join(id, screen);
    expect((fresh.json().cards as Json).forged).toBeUndefined();
    expect((fresh.json().workshop as Json).title).toBe("Getting to the GP");
    expect((await stub.state()).commands).toBe(before.commands + 1);
  });

  it("drops a spoofed awareness frame and keeps the verified identity in presence", async () => {
    const id = await createRoom("spoof");
    const watcher = await join(id, screen);
    const p1 = await join(id, participant(1));
    await watcher.waitFor(() => [...watcher.presence.values()].some((s) => s?.id === "p1"), "p1 present");
    const framesBefore = watcher.frames.length;

    // p1 claims to be the facilitator, under a client id of its own choosing.
    const spoof = frame(1, (e) => {
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, 777);
      encoding.writeVarUint(inner, 1);
      encoding.writeVarString(
        inner,
        JSON.stringify({ id: facilitator.id, role: "facilitator", name: "Boss", group: "" }),
      );
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
    });
    for (let i = 0; i < 5; i++) p1.send(spoof);
    expect((await p1.command("me.update", { name: "Honest" })).ok).toBe(true);
    await watcher.waitFor(
      () => [...watcher.presence.values()].some((s) => s?.id === "p1" && s.name === "Honest"),
      "p1's verified rename",
    );
    expect(watcher.presence.has(777)).toBe(false);
    expect([...watcher.presence.values()].filter((s) => s?.role === "facilitator")).toEqual([]);
    // No frame the watcher received since carries the spoofed bytes.
    const spoofPayload = new TextDecoder().decode(spoof.slice(2));
    for (const f of watcher.frames.slice(framesBefore)) {
      expect(new TextDecoder().decode(f)).not.toContain(spoofPayload.slice(6));
    }
  });
});

describe("garbage and floods", () => {
  it("survives thousands of malformed, oversized, unknown and random messages with the doc unchanged", async () => {
    // Lift the per-connection limits so a single socket can deliver the whole fuzz run.
    const { id, mapId } = await liveMap(join, "fuzz", {
      maxBadMessages: 1_000_000,
      ratePerSecond: 1_000_000,
      burst: 1_000_000,
    });
    const stub = await roomStub(id);
    const p1 = await join(id, participant(1));
    const before = await stub.state();
    await p1.synced();
    const docBefore = JSON.stringify(p1.json());

    const rand = prng(20261126);
    const total = 2000;
    for (let i = 0; i < total; i++) p1.send(garbage(rand, i));
    // Messages on one socket are handled in order: once the last garbage is answered, all were.
    p1.sendCustom(JSON.stringify({ type: "command", id: "sentinel", name: "no.such", args: {} }));
    await p1.waitFor(() => p1.find((m) => m.id === "sentinel"), "the sentinel's ack", 80_000);
    const last = await p1.command("card.add", {
      activityId: mapId,
      lane: "before",
      kind: "helps",
      text: "still works",
    });
    expect(last.ok).toBe(true);

    const acks = p1.messages.filter((m) => m.type === "ack" && m.ok === false);
    const codes = new Set(acks.map((a) => (a.error as Json).code));
    expect(codes).toEqual(new Set(["bad_request", "too_large", "unknown_command", "forbidden"]));
    expect(p1.messages.filter((m) => m.type === "ack" && m.ok === true)).toEqual([last]);
    expect(p1.closed).toBeNull();
    const after = await stub.state();
    expect(after.commands).toBe(before.commands + 1);

    // Apart from the one real card, nothing changed (compared in the participant's own replica:
    // a screen's holds who is who, a phone's does not; party/model/replica.ts).
    const fresh = await join(id, screen);
    const cards = Object.values(fresh.json().cards as Record<string, Json>);
    expect(cards.map((c) => c.text)).toEqual(["still works"]);
    const again = await join(id, participant(1));
    const withoutCards = (s: string) => JSON.stringify({ ...JSON.parse(s), cards: {} });
    expect(withoutCards(JSON.stringify(again.json()))).toBe(withoutCards(docBefore));
  }, 120_000);

  it("closes a connection that keeps sending garbage (4400)", async () => {
    const id = await createRoom("garbage-close");
    const p1 = await join(id, participant(1));
    for (let i = 0; i < 25; i++) p1.sendCustom("{not json");
    expect((await p1.waitClosed()).code).toBe(CloseCode.badMessages);
    const badAcks = p1.messages.filter((m) => m.type === "ack" && (m.error as Json)?.code === "bad_request");
    expect(badAcks).toHaveLength(19);
  });

  it("rate-limits a flood with acks, then closes it (4429); others are unaffected", async () => {
    const id = await createRoom("flood");
    // A slow refill makes the test independent of how fast this machine delivers messages.
    await tuneRoom(id, { ratePerSecond: 1, burst: 10, maxRateStrikes: 40 });
    const fac = await join(id, facilitator);
    const p1 = await join(id, participant(1));
    const send = (cid: string) =>
      p1.sendCustom(JSON.stringify({ type: "command", id: cid, name: "me.update", args: { name: cid } }));
    for (let i = 0; i < 30; i++) send(`flood-${i}`);
    expect(await p1.ack("flood-29")).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    const acks = p1.messages.filter((m) => m.type === "ack" && String(m.id).startsWith("flood-"));
    expect(acks.filter((a) => a.ok === true).length).toBeLessThanOrEqual(12);
    expect(acks.filter((a) => (a.error as Json)?.code === "rate_limited").length).toBeGreaterThanOrEqual(18);
    expect(p1.closed).toBeNull();

    for (let i = 0; i < 30; i++) send(`more-${i}`);
    expect((await p1.waitClosed()).code).toBe(CloseCode.tooManyMessages);
    expect(p1.find((m) => m.type === "goodbye")).toMatchObject({ code: CloseCode.tooManyMessages });
    expect((await fac.command("timer.start", { seconds: 30 })).ok).toBe(true);
  });
});

/** The one protocol module (party/model/protocol.ts, frames.ts, peer.ts): what every client and the room agree on. */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  awarenessFrame,
  decodeAwareness,
  encodeAwareness,
  readClientFrame,
  readServerFrame,
  syncStep1Frame,
  updateFrame,
} from "../../party/model/frames";
import { RoomPeer } from "../../party/model/peer";
import {
  CUSTOM_PREFIX,
  encodeCommand,
  encodeText,
  type PrivateMessage,
  readServerMessage,
} from "../../party/model/protocol";

const card = {
  id: "c1",
  activityId: "a1",
  lane: "now",
  kind: "idea",
  text: "Evening clinics",
  authorId: "p1",
  authorName: "Blue Heron",
  group: "community",
  createdAt: 1,
  hidden: false,
  supports: [],
};

describe("text messages", () => {
  it("frames commands and messages as y-partyserver custom messages", () => {
    expect(encodeCommand("c1", "timer.stop", {})).toBe(
      `${CUSTOM_PREFIX}{"type":"command","id":"c1","name":"timer.stop","args":{}}`,
    );
    const hello = {
      type: "hello",
      you: { role: "screen", id: "s1", name: "Screen", group: "" },
      serverTime: 5,
    } as const;
    expect(readServerMessage(encodeText(hello))).toEqual(hello);
  });

  it("reads an ack with an error code this client does not know yet, so the command still settles", () => {
    const text = `${CUSTOM_PREFIX}{"type":"ack","id":"c1","ok":false,"error":{"code":"brand_new","message":"m"}}`;
    expect(readServerMessage(text)).toEqual({
      type: "ack",
      id: "c1",
      ok: false,
      error: { code: "brand_new", message: "m" },
    });
  });

  it("fills an accepted ack's missing result", () => {
    expect(readServerMessage(`${CUSTOM_PREFIX}{"type":"ack","id":"c1","ok":true}`)).toEqual({
      type: "ack",
      id: "c1",
      ok: true,
      result: {},
    });
  });

  it("reads private cards as cards and drops a message whose cards are not cards", () => {
    const good: PrivateMessage = { type: "private", kind: "cards", activityId: "a1", cards: [card] };
    expect(readServerMessage(encodeText(good))).toEqual(good);
    const junk = `${CUSTOM_PREFIX}${JSON.stringify({ ...good, cards: [card, { id: 7 }, "junk"] })}`;
    expect(readServerMessage(junk)).toBeNull();
  });

  it("drops unprefixed, non-JSON and unknown messages", () => {
    expect(readServerMessage('{"type":"hello"}')).toBeNull();
    expect(readServerMessage(`${CUSTOM_PREFIX}{not json`)).toBeNull();
    expect(readServerMessage(`${CUSTOM_PREFIX}{"type":"surprise"}`)).toBeNull();
    expect(
      readServerMessage(`${CUSTOM_PREFIX}{"type":"private","kind":"ballot","activityId":"a","ballot":{"x":1}}`),
    ).toBeNull();
  });
});

describe("binary frames", () => {
  it("round-trips presence in the y-protocols awareness format", () => {
    const changes = [
      { clientId: 7, clock: 3, state: { id: "p1", name: "Sam" } },
      { clientId: 9, clock: 1, state: null },
    ];
    expect(decodeAwareness(encodeAwareness(changes))).toEqual(changes);
    expect(readServerFrame(awarenessFrame(encodeAwareness(changes)))).toEqual({ kind: "presence", changes });
  });

  it("lets the room answer a client's step 1 and never apply what a client writes", () => {
    const room = new Y.Doc();
    room.getMap("workshop").set("id", "w1");
    const client = new Y.Doc();
    const asked = readClientFrame(syncStep1Frame(client), room);
    expect(asked.kind).toBe("sync-step-1");
    if (asked.kind !== "sync-step-1") return;
    const answer = readServerFrame(asked.reply);
    expect(answer.kind).toBe("sync-step-2");

    const forged = new Y.Doc();
    forged.getMap("cards").set("x", { text: "forged" });
    expect(readClientFrame(updateFrame(Y.encodeStateAsUpdate(forged)), room)).toEqual({ kind: "write-attempt" });
    expect(room.getMap("cards").size).toBe(0);
    expect(readClientFrame(new Uint8Array([0, 9]), room)).toEqual({ kind: "garbage" });
    expect(readClientFrame(new Uint8Array([]), room)).toEqual({ kind: "garbage" });
  });
});

describe("the client core", () => {
  it("syncs from the room's answer, follows updates, and reports a stale cache", () => {
    const room = new Y.Doc();
    room.getMap("workshop").set("id", "w1");
    const peer = new RoomPeer();
    const asked = readClientFrame(peer.syncStep1(), room);
    if (asked.kind !== "sync-step-1") throw new Error("expected step 1");
    expect(peer.receive(asked.reply)).toEqual({ kind: "synced" });
    expect(peer.doc.getMap("workshop").get("id")).toBe("w1");

    const before = Y.encodeStateVector(room);
    room.getMap("workshop").set("title", "Clinic");
    expect(peer.receive(updateFrame(Y.encodeStateAsUpdate(room, before)))).toEqual({ kind: "updated" });
    expect(peer.doc.getMap("workshop").get("title")).toBe("Clinic");

    // A fresh room (the workshop was reset) knows less than our cached doc.
    expect(peer.receive(syncStep1Frame(new Y.Doc()))).toEqual({ kind: "stale" });
    expect(peer.receive(syncStep1Frame(room))).toEqual({ kind: "ignored" });
  });

  it("stops following after the first sync when told to (load generators)", () => {
    const room = new Y.Doc();
    const peer = new RoomPeer(new Y.Doc(), { followDoc: false });
    const asked = readClientFrame(peer.syncStep1(), room);
    if (asked.kind !== "sync-step-1") throw new Error("expected step 1");
    peer.receive(asked.reply);
    room.getMap("cards").set("c1", card);
    expect(peer.receive(updateFrame(Y.encodeStateAsUpdate(room)))).toEqual({ kind: "ignored" });
    expect(peer.doc.getMap("cards").size).toBe(0);
  });

  it("keeps presence without expiry and ignores an older state arriving late", () => {
    const peer = new RoomPeer();
    peer.receive(awarenessFrame(encodeAwareness([{ clientId: 1, clock: 5, state: { id: "p1" } }])));
    expect(peer.receive(awarenessFrame(encodeAwareness([{ clientId: 1, clock: 4, state: null }])))).toEqual({
      kind: "presence",
      changed: false,
    });
    expect(peer.presence.list()).toEqual([{ clientId: 1, state: { id: "p1" } }]);
    peer.receive(awarenessFrame(encodeAwareness([{ clientId: 1, clock: 5, state: null }])));
    expect(peer.presence.list()).toEqual([]);
  });

  it("reports an update that will not apply as corrupt", () => {
    const peer = new RoomPeer();
    expect(peer.receive(updateFrame(new Uint8Array([1, 2, 3, 4, 5])))).toEqual({ kind: "corrupt" });
  });
});

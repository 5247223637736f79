/**
 * Deflated frames (perf #17): a phone that says `deflate=1` in its WebSocket address gets the
 * welcome's sync compressed (party/model/frames.ts MESSAGE_DEFLATED). Attacks: asking for it in
 * another spelling or an oversized value, getting more than the redacted replica through it (as a
 * participant or another role), and sending the room a
 * deflated frame (the room never inflates what a client sends).
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { roots } from "../../party/model/doc";
import { inflateFrame, MESSAGE_DEFLATED, readServerFrame, stateVectorParam } from "../../party/model/frames";
import { participant } from "../worker/support/fixtures";
import { RoomClient } from "../worker/support/room-client";
import { handoff, joinAs, newWorkshop, redTeam, ticketFor, tokenOf } from "./support/harness";

const team = redTeam();
const EMPTY_SV = stateVectorParam(Y.encodeStateVector(new Y.Doc()));

async function open(workshopId: string, token: string, query: string): Promise<RoomClient> {
  const res = await handoff(workshopId, await ticketFor(token), query);
  expect(res.status).toBe(101);
  if (!res.webSocket) throw new Error("no socket");
  return team.track(RoomClient.adopt(res.webSocket));
}

/** A map with enough cards that the first sync is worth compressing. */
async function busyMap() {
  const { w, mapId } = await team.mapRoom();
  const { joined: author, phone: writer } = await team.participant(w, "community", "Named Author");
  for (let i = 0; i < 40; i++) {
    await writer.ok("card.add", {
      activityId: mapId,
      lane: "day",
      kind: "barrier",
      text: `Barrier ${i}: the last bus leaves before the evening clinic ends, so people miss it`,
    });
  }
  return { w, author };
}

const deflated = (client: RoomClient) => client.frames.find((f) => f[0] === MESSAGE_DEFLATED);

describe("deflated first sync", () => {
  it("is the same redacted replica as the plain one: no id, no name, nothing more", async () => {
    const { w, author } = await busyMap();
    const token = (await joinAs(w)).token;
    const packed = await open(w.id, token, `&sv=${EMPTY_SV}&deflate=1`);
    await packed.waitFor(() => deflated(packed), "a deflated sync with the welcome");
    const frame = readServerFrame(await inflateFrame(deflated(packed)!));
    expect(frame.kind).toBe("sync-step-2");
    const doc = new Y.Doc();
    if (frame.kind === "sync-step-2") Y.applyUpdate(doc, frame.update);

    const plain = await open(w.id, token, `&sv=${EMPTY_SV}`);
    await plain.waitFor(() => plain.frames.some((f) => f[0] === 0 && f[1] === 1), "a plain sync");
    expect(deflated(plain)).toBeUndefined();
    expect(doc.getMap("cards").toJSON()).toEqual(roots(plain.doc).cards.toJSON());
    expect(doc.getMap("cards").size).toBe(40);
    const text = JSON.stringify(doc.toJSON());
    expect(text).not.toContain(author.participantId);
    expect(text).not.toContain("Named Author");
  });

  it("is sent only to a client that asks with deflate=1 (any other spelling is dropped by the Worker)", async () => {
    const { w } = await busyMap();
    const token = (await joinAs(w)).token;
    for (const query of [`&sv=${EMPTY_SV}&deflate=true`, `&sv=${EMPTY_SV}&deflate=11`, `&sv=${EMPTY_SV}&Deflate=1`]) {
      const phone = await open(w.id, token, query);
      await phone.waitFor(() => phone.frames.some((f) => f[0] === 0 && f[1] === 1), "a plain sync");
      expect(deflated(phone)).toBeUndefined();
      phone.close();
    }
  });

  it("an oversized deflate value is dropped by the Worker like any other spelling: plain sync", async () => {
    const { w } = await busyMap();
    const token = (await joinAs(w)).token;
    const phone = await open(w.id, token, `&sv=${EMPTY_SV}&deflate=${"1".repeat(4000)}`);
    await phone.waitFor(() => phone.frames.some((f) => f[0] === 0 && f[1] === 1), "a plain sync");
    expect(deflated(phone)).toBeUndefined();
  });

  it("another redacted role asking deflate=1 (the evaluator) gets its plain replica, deflated: no id, no name", async () => {
    const { w, author } = await busyMap();
    const token = tokenOf(w, "evaluator");
    const packed = await open(w.id, token, `&sv=${EMPTY_SV}&deflate=1`);
    await packed.waitFor(() => deflated(packed), "a deflated sync with the welcome");
    const frame = readServerFrame(await inflateFrame(deflated(packed)!));
    const doc = new Y.Doc();
    if (frame.kind === "sync-step-2") Y.applyUpdate(doc, frame.update);
    const plain = await open(w.id, token, `&sv=${EMPTY_SV}`);
    await plain.waitFor(() => plain.frames.some((f) => f[0] === 0 && f[1] === 1), "a plain sync");
    expect(doc.getMap("cards").toJSON()).toEqual(roots(plain.doc).cards.toJSON());
    const text = JSON.stringify(doc.toJSON());
    expect(text).not.toContain(author.participantId);
    expect(text).not.toContain("Named Author");
  });

  it("a newcomer to a big room who asked gets everyone present deflated, still without ids or names", async () => {
    // The room's sockets send plain frames (wrangler.toml no_web_socket_compression): a big room's
    // presence (~70 bytes a person) is the one welcome frame besides the sync worth compressing.
    const w = await newWorkshop();
    const crowd = 130;
    for (let i = 0; i < crowd; i++) await team.connectToRoom(w.id, participant(i, i % 2 ? "community" : "statutory"));
    const token = (await joinAs(w, "community", "Named Newcomer")).token;
    const packed = await open(w.id, token, `&sv=${EMPTY_SV}&deflate=1`);
    let frame: ReturnType<typeof readServerFrame> | undefined;
    for (let seen = 0; frame?.kind !== "presence"; seen = packed.frames.length) {
      await packed.waitFor(() => packed.frames.length > seen, "the welcome's next frame");
      const inflated = packed.frames.filter((f) => f[0] === MESSAGE_DEFLATED).map(inflateFrame);
      frame = (await Promise.all(inflated)).map(readServerFrame).find((f) => f.kind === "presence");
    }
    expect(packed.frames.some((f) => f[0] === 1)).toBe(false);
    const states = frame.changes.flatMap((c) =>
      c.state ? [c.state as { id: string; name: string; group: string }] : [],
    );
    expect(states.length).toBe(crowd + 1);
    expect(new Set(states.map((s) => s.group))).toEqual(new Set(["community", "statutory"]));
    for (const s of states) expect([s.id, s.name]).toEqual(["", ""]);
    expect(JSON.stringify(states)).not.toContain("Named Newcomer");

    // Without deflate=1 the same presence comes plain: nothing deflated at all.
    const plain = await open(w.id, token, `&sv=${EMPTY_SV}`);
    await plain.waitFor(() => plain.frames.some((f) => f[0] === 1 && f.length > 8 * 1024), "everyone present, plain");
    expect(deflated(plain)).toBeUndefined();
  });

  it("a deflated frame sent to the room is an unreadable frame, never inflated or applied", async () => {
    const w = await newWorkshop();
    const phone = await team.phone(w);
    phone.send(new Uint8Array([MESSAGE_DEFLATED, 0x4b, 0x4c, 0x4a, 0x06, 0x00]));
    await phone.waitFor(
      () => phone.find((m) => m.type === "ack" && (m.error as { code?: string } | undefined)?.code === "bad_request"),
      "a refusal for the unreadable frame",
    );
  });
});

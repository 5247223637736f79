/** Acknowledged means durable: restarts, hibernation and snapshots lose nothing. */
import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DEFAULT_TUNING, type WorkshopRoom } from "../../party/room";
import { liveMap, participant, screen } from "./support/fixtures";
import { type Json, roomClients, roomStub, tuneRoom } from "./support/room-client";

const clients = roomClients();
const { join } = clients;

async function busyRoom(label: string, cards: number) {
  const { id, fac, mapId } = await liveMap(join, label);
  const p1 = await join(id, participant(1));
  const p2 = await join(id, participant(2, "statutory"));
  const acks = [];
  for (let i = 0; i < cards; i++) {
    const author = i % 2 === 0 ? p1 : p2;
    acks.push(
      await author.command(
        "card.add",
        { activityId: mapId, lane: "during", kind: "helps", text: `Card ${i}` },
        `add-${i}`,
      ),
    );
  }
  return { id, fac, p1, p2, mapId, acks };
}

describe("restarting the room", () => {
  it("rebuilds every acknowledged command from storage with no client involved", async () => {
    const { id, fac, acks } = await busyRoom("restart", 6);
    expect(acks.every((a) => a.ok)).toBe(true);
    await fac.ok("timer.start", { seconds: 300 });
    await fac.synced(); // every edit so far reaches it on the turn after its ack
    const expected = fac.json();
    const stub = await roomStub(id);
    const before = await stub.state();
    clients.closeAll();
    // A mark on this instance, to prove the doc below comes from a new one.
    await tuneRoom(id, { presenceMs: DEFAULT_TUNING.presenceMs + 1 });

    await evictDurableObject(stub, { webSockets: "close" });

    expect(await runInDurableObject(stub, (room: WorkshopRoom) => room.tuning.presenceMs)).toBe(
      DEFAULT_TUNING.presenceMs,
    );
    const fresh = await join(id, screen);
    expect(fresh.json()).toEqual(expected);
    // The room kept writing as the same Yjs client: one entry in the state vector, not one per wake.
    expect(Y.decodeStateVector(Y.encodeStateVector(fresh.doc)).size).toBe(1);
    const after = await stub.state();
    expect(after.commands).toBe(before.commands);
    expect(after.docBytes).toBe(before.docBytes);
  });

  it("keeps serving hibernated sockets: presence and commands still work after waking", async () => {
    const { id, p1, fac, mapId } = await busyRoom("hibernate", 2);
    const stub = await roomStub(id);
    await evictDurableObject(stub, { webSockets: "hibernate" });

    // The same sockets, a new instance: identity came back from the attachment.
    const ack = await p1.command("card.add", { activityId: mapId, lane: "before", kind: "helps", text: "After a nap" });
    expect(ack.ok).toBe(true);
    const cardId = (ack as { result: Json }).result.cardId as string;
    await fac.waitFor(() => (fac.json().cards as Record<string, Json>)[cardId], "the card on the facilitator's doc");
    expect((fac.json().cards as Record<string, Json>)[cardId]).toMatchObject({ authorId: "p1", group: "community" });
    expect((await stub.state()).present).toBe(3);
    // Written after waking, yet by the same Yjs client as before.
    expect(Y.decodeStateVector(Y.encodeStateVector(fac.doc)).size).toBe(1);
  });

  it("snapshots every N commands, prunes replayed updates and still recognises old command ids", async () => {
    const { id, mapId } = await liveMap(join, "snapshot", { snapshotEvery: 5 });
    const stub = await roomStub(id);
    const p1 = await join(id, participant(1));
    const first = await p1.command(
      "card.add",
      { activityId: mapId, lane: "before", kind: "helps", text: "one" },
      "s-0",
    );
    for (let i = 1; i < 12; i++) {
      await p1.ok("card.add", { activityId: mapId, lane: "before", kind: "helps", text: `card ${i}` });
    }
    const state = await stub.state();
    expect(state.snapshotSeq).toBeGreaterThanOrEqual(10);
    const pruned = await runInDurableObject(stub, (_room: WorkshopRoom, ctx) => {
      return ctx.storage.sql
        .exec<{ n: number }>(
          "SELECT COUNT(*) AS n FROM commands WHERE doc_update IS NOT NULL AND seq <= ?",
          state.snapshotSeq,
        )
        .one().n;
    });
    expect(pruned).toBe(0);
    await p1.synced();
    const expected = p1.json();
    clients.closeAll();

    await evictDurableObject(stub, { webSockets: "close" });
    const back = await join(id, participant(1));
    expect(back.json()).toEqual(expected);
    expect(
      await back.command("card.add", { activityId: mapId, lane: "before", kind: "helps", text: "x" }, "s-0"),
    ).toEqual(first);
    expect(Object.keys(back.json().cards as object)).toHaveLength(12);
  });

  it("refuses a command whose storage write fails, leaving no trace in the doc or the log", async () => {
    const { id, p1, fac, mapId } = await busyRoom("write-fails", 1);
    const stub = await roomStub(id);
    const before = await stub.state();
    await p1.synced();
    const docBefore = JSON.stringify(p1.json());
    // Both replicas hold the same items (a phone's redacted, party/model/replica.ts): same state vector.
    const vector = (c: typeof p1) => Y.encodeStateVector(c.doc).join(",");
    await fac.waitFor(() => vector(fac) === vector(p1), "the facilitator to catch up");
    const facBefore = JSON.stringify(fac.json());
    // Break the room's storage under it: the outbox insert inside the command's transaction fails.
    await runInDurableObject(stub, (_room: WorkshopRoom, ctx) => {
      ctx.storage.sql.exec("DROP TABLE outbox");
    });
    const ack = await p1.command("card.add", { activityId: mapId, lane: "before", kind: "helps", text: "Lost?" });
    expect(ack).toMatchObject({ ok: false, error: { code: "internal" } });
    // Give a would-be broadcast time to arrive: nothing does.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(JSON.stringify(fac.json())).toBe(facBefore);
    expect(JSON.stringify(p1.json())).toBe(docBefore);
    const logged = await runInDurableObject(stub, (_room: WorkshopRoom, ctx) => {
      return ctx.storage.sql.exec<{ n: number }>("SELECT MAX(seq) AS n FROM commands").one().n;
    });
    expect(logged).toBe(before.lastSeq);

    // After a restart the schema is back and the same command goes through.
    clients.closeAll();
    await evictDurableObject(stub, { webSockets: "close" });
    const again = await join(id, participant(1));
    expect(
      (await again.command("card.add", { activityId: mapId, lane: "before", kind: "helps", text: "Kept" })).ok,
    ).toBe(true);
    const cards = Object.values(again.json().cards as Record<string, Json>).map((c) => c.text);
    expect(cards).toContain("Kept");
    expect(cards).not.toContain("Lost?");
  });
});

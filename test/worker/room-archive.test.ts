/**
 * Closed activities out of the live doc (party/archive.ts, docs/performance.md): a closed
 * map's cards, comments and links leave the doc for the room's storage exactly as they were,
 * come back the same when it reopens, survive a restart, and every command that read them in
 * the doc (a vote drawing options from the map, moderation, a withdrawal) still does.
 */
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CommitPipeline } from "../../party/commit";
import { joinParticipant } from "../../party/model/apply";
import { roots } from "../../party/model/doc";
import { mineOf } from "../../party/model/mine";
import type { Actor } from "../../party/model/protocol";
import type { WorkshopRoom } from "../../party/room";
import { facilitator, participant, roomInit, workshopId } from "./support/fixtures";
import { roomStub } from "./support/room-client";

type Pipeline = CommitPipeline;

async function withStorage<T>(id: string, run: (storage: DurableObjectStorage) => T): Promise<T> {
  const stub = await roomStub(id);
  return runInDurableObject(stub, (_room: WorkshopRoom, state) => run(state.storage));
}

const open = (storage: DurableObjectStorage): Pipeline =>
  new CommitPipeline(storage, { committed: () => {} }, () => 200);

function ok<T = Record<string, unknown>>(pipeline: Pipeline, actor: Actor, name: string, args: unknown): T {
  const committed = pipeline.command(actor, crypto.randomUUID(), name, args);
  if (!committed.ack.ok) throw new Error(`${name} refused: ${JSON.stringify(committed.ack.error)}`);
  return committed.ack.result as T;
}

function join(pipeline: Pipeline, actor: Actor): void {
  const joined = pipeline.run(actor, `join-${actor.id}`, "participant.join", {}, (ctx) =>
    joinParticipant(pipeline.doc, actor, ctx.now)
      ? { ok: true, result: {}, effects: [] }
      : { ok: false, error: { code: "forbidden", message: "removed" } },
  );
  if (!joined.ack.ok) throw new Error("join refused");
}

/** A workshop whose map has six cards (two by p1), comments and a link; returns the ids. */
function workshopWithMap(pipeline: Pipeline) {
  pipeline.init(roomInit(workshopId("archive")));
  const r = roots(pipeline.doc);
  const [mapId, voteId] = r.workshop.get("agenda") as string[];
  const map = r.activities.get(mapId!);
  if (map?.kind !== "map") throw new Error("the fixture's first activity is a map");
  ok(pipeline, facilitator, "activity.update", { activityId: mapId, config: { ...map.config, allowLinks: true } });
  ok(pipeline, facilitator, "activity.open", { activityId: mapId });
  const people = [participant(1), participant(2, "staff"), participant(3)];
  for (const p of people) join(pipeline, p);
  const cardIds: string[] = [];
  for (let i = 0; i < 6; i++) {
    const p = people[i % 3]!;
    cardIds.push(
      ok<{ cardId: string }>(pipeline, p, "card.add", {
        activityId: mapId,
        lane: i % 2 ? "before" : "during",
        kind: i % 3 ? "helps" : "barrier",
        text: `Card number ${i}`,
      }).cardId,
    );
  }
  ok(pipeline, people[1]!, "card.support", { cardId: cardIds[0], on: true });
  ok(pipeline, people[0]!, "comment.add", { cardId: cardIds[1], text: "Yes, and the bus too" });
  ok(pipeline, people[2]!, "comment.add", { cardId: cardIds[0], text: "Same for me" });
  ok(pipeline, facilitator, "link.add", { from: cardIds[0], to: cardIds[1], label: "leads to" });
  return { mapId: mapId!, voteId: voteId!, cardIds, people };
}

/** The map's entries as the doc holds them. */
function entriesOf(doc: Y.Doc, mapId: string) {
  const r = roots(doc);
  const cards = Object.fromEntries([...r.cards.entries()].filter(([, c]) => c.activityId === mapId));
  const comments = Object.fromEntries([...r.comments.entries()].filter(([, c]) => c.cardId in cards));
  const links = Object.fromEntries([...r.links.entries()].filter(([, l]) => l.from in cards));
  return { cards, comments, links };
}

describe("closed activities out of the live doc", () => {
  it("closing a map moves its cards, comments and links out of the doc, exactly as they were", async () => {
    await withStorage(workshopId("room"), (storage) => {
      const pipeline = open(storage);
      const { mapId } = workshopWithMap(pipeline);
      const before = entriesOf(pipeline.doc, mapId);
      expect(Object.keys(before.cards)).toHaveLength(6);
      const bytesBefore = Y.encodeStateAsUpdate(pipeline.doc).byteLength;
      const outboxBefore = pipeline.outbox.pending();

      ok(pipeline, facilitator, "activity.close", { activityId: mapId });

      const r = roots(pipeline.doc);
      expect(entriesOf(pipeline.doc, mapId)).toEqual({ cards: {}, comments: {}, links: {} });
      expect(r.archived.get(mapId)).toEqual({ cards: 6, comments: 2, links: 1, rev: 1 });
      expect(pipeline.archived(mapId)).toEqual({ activityId: mapId, ...before });
      expect(Y.encodeStateAsUpdate(pipeline.doc).byteLength).toBeLessThan(bytesBefore);
      // D1 hears that the activity closed, not that its cards went: nothing about them changed.
      const ops = storage.sql
        .exec<{ op: string }>("SELECT op FROM outbox ORDER BY seq")
        .toArray()
        .slice(-(pipeline.outbox.pending() - outboxBefore))
        .map((row) => row.op);
      expect(ops).not.toContain("cardDeleted");
      expect(ops).not.toContain("commentDeleted");
      expect(ops).not.toContain("linkRemoved");
      // A phone still learns which of the closed map's cards are its own (privacy's `mine`).
      const mine = mineOf(pipeline.doc, "p1", pipeline.archive.roots(pipeline.doc));
      expect(mine.cards.sort()).toEqual(
        Object.values(before.cards)
          .filter((c) => c.authorId === "p1")
          .map((c) => c.id)
          .sort(),
      );
      expect(mine.cards).toHaveLength(2);
    });
  });

  it("reopening puts the same entries back; a restart finds the archive where it was", async () => {
    const id = workshopId("room");
    const { mapId, before } = await withStorage(id, (storage) => {
      const pipeline = open(storage);
      const { mapId } = workshopWithMap(pipeline);
      const before = entriesOf(pipeline.doc, mapId);
      ok(pipeline, facilitator, "activity.close", { activityId: mapId });
      return { mapId, before };
    });
    await withStorage(id, (storage) => {
      // A new pipeline over the same storage: the room waking up.
      const woken = open(storage);
      expect(entriesOf(woken.doc, mapId).cards).toEqual({});
      expect(woken.archived(mapId)).toEqual({ activityId: mapId, ...before });
      ok(woken, facilitator, "activity.open", { activityId: mapId });
      expect(entriesOf(woken.doc, mapId)).toEqual(before);
      expect(roots(woken.doc).archived.has(mapId)).toBe(false);
      expect(woken.archived(mapId)).toBeNull();
      expect(storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM archive").one().n).toBe(0);
      // And the doc rebuilt from the log alone agrees.
      woken.shared.rebuild();
      expect(entriesOf(woken.doc, mapId)).toEqual(before);
    });
  });

  it("a vote drawing options from a closed map gets the same options it would have got before", async () => {
    await withStorage(workshopId("room"), (storage) => {
      const pipeline = open(storage);
      const { mapId, cardIds } = workshopWithMap(pipeline);
      const { activityId: voteId } = ok<{ activityId: string }>(pipeline, facilitator, "activity.add", {
        kind: "vote",
        title: "Which matters most",
        config: { method: "dots", fromActivity: { activityId: mapId } },
      });
      ok(pipeline, facilitator, "activity.close", { activityId: mapId });
      ok(pipeline, facilitator, "activity.open", { activityId: voteId });
      const vote = roots(pipeline.doc).activities.get(voteId);
      const options = vote?.kind === "vote" ? vote.config.options : [];
      expect(options.flatMap((o) => o.cardIds ?? []).sort()).toEqual([...cardIds].sort());
      expect(options.map((o) => o.label)).toContain("Card number 0");
      // The map stays out of the doc.
      expect(entriesOf(pipeline.doc, mapId).cards).toEqual({});
    });
  });

  it("moderating a closed map's card changes the archive, tells clients (rev) and D1", async () => {
    await withStorage(workshopId("room"), (storage) => {
      const pipeline = open(storage);
      const { mapId, cardIds } = workshopWithMap(pipeline);
      ok(pipeline, facilitator, "activity.close", { activityId: mapId });
      const outboxBefore = pipeline.outbox.pending();
      ok(pipeline, facilitator, "card.hide", { cardId: cardIds[2], reason: "Names a person" });
      const hidden = pipeline.archived(mapId)?.cards[cardIds[2]!];
      expect(hidden).toMatchObject({ hidden: true, text: "" });
      expect(roots(pipeline.doc).archived.get(mapId)?.rev).toBe(2);
      expect(entriesOf(pipeline.doc, mapId).cards).toEqual({});
      const ops = storage.sql
        .exec<{ op: string }>("SELECT op FROM outbox ORDER BY seq")
        .toArray()
        .slice(-(pipeline.outbox.pending() - outboxBefore))
        .map((row) => row.op);
      expect(ops).toContain("card");
      // And it can be restored from there, as before.
      ok(pipeline, facilitator, "card.restore", { cardId: cardIds[2] });
      expect(pipeline.archived(mapId)?.cards[cardIds[2]!]).toMatchObject({ hidden: false, text: "Card number 2" });
    });
  });

  it("a participant who withdraws leaves no card, comment or support in the archive", async () => {
    await withStorage(workshopId("room"), (storage) => {
      const pipeline = open(storage);
      const { mapId, people } = workshopWithMap(pipeline);
      ok(pipeline, facilitator, "activity.close", { activityId: mapId });
      const theirs = (archived: ReturnType<Pipeline["archived"]>) =>
        JSON.stringify(archived).includes(`"${people[0]!.id}"`) ||
        Object.values(archived?.comments ?? {}).some((c) => c.text === "Yes, and the bus too");
      expect(theirs(pipeline.archived(mapId))).toBe(true);
      ok(pipeline, people[0]!, "me.withdraw", {});
      const after = pipeline.archived(mapId);
      expect(theirs(after)).toBe(false);
      expect(Object.keys(after?.cards ?? {})).toHaveLength(4);
      const stored = storage.sql.exec<{ value: string }>("SELECT value FROM archive").toArray();
      expect(stored.some((row) => row.value.includes("Yes, and the bus too"))).toBe(false);
    });
  });

  it("a refused command leaves the archive as it was", async () => {
    await withStorage(workshopId("room"), (storage) => {
      const pipeline = open(storage);
      const { mapId, cardIds, people } = workshopWithMap(pipeline);
      ok(pipeline, facilitator, "activity.close", { activityId: mapId });
      const before = pipeline.archived(mapId);
      const refused = pipeline.command(people[1]!, "x1", "card.edit", { cardId: cardIds[0], text: "Not mine" });
      expect(refused.ack.ok).toBe(false);
      expect(pipeline.archived(mapId)).toEqual(before);
    });
  });
});

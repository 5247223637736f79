/**
 * The commit pipeline on its own (party/commit.ts): no socket, no client, only the Durable
 * Object's storage. Accepted means logged, mirrored to the outbox and broadcast-ready in
 * one go; refused means nothing at all; a resent command gets its first answer.
 */
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CommitPipeline } from "../../party/commit";
import { roots } from "../../party/model/doc";
import type { WorkshopRoom } from "../../party/room";
import { facilitator, participant, roomInit, workshopId } from "./support/fixtures";
import { docJson, roomStub } from "./support/room-client";

/** A pipeline over a fresh room's storage, never connected to (the room's own pipeline stays unloaded). */
async function withPipeline<T>(run: (pipeline: CommitPipeline, updates: (Uint8Array | null)[]) => T): Promise<T> {
  const stub = await roomStub(workshopId("commit"));
  return runInDurableObject(stub, (_room: WorkshopRoom, state) => {
    const updates: (Uint8Array | null)[] = [];
    const pipeline = new CommitPipeline(state.storage, { committed: (u) => updates.push(u) }, () => 200);
    return run(pipeline, updates);
  });
}

describe("the commit pipeline", () => {
  it("logs, mirrors and reports an accepted command before its ack exists", async () => {
    await withPipeline((pipeline, updates) => {
      const id = workshopId("w");
      expect(pipeline.init(roomInit(id))).toEqual({ ok: true, created: true, workshopId: id });
      const outboxAfterInit = pipeline.outbox.pending();
      const committed = pipeline.command(facilitator, "c1", "timer.start", { seconds: 60 });
      expect(committed.ack).toMatchObject({ type: "ack", id: "c1", ok: true });
      expect(pipeline.store.commandCount()).toBe(2);
      expect(pipeline.outbox.pending()).toBeGreaterThan(outboxAfterInit);
      expect(updates).toHaveLength(2);
      expect(updates[1]).toBeInstanceOf(Uint8Array);
      expect(roots(pipeline.doc).workshop.get("timer")).toMatchObject({ seconds: 60 });
    });
  });

  it("refuses without a trace: no log row, no outbox row, no broadcast, the doc unchanged", async () => {
    await withPipeline((pipeline, updates) => {
      pipeline.init(roomInit(workshopId("w")));
      const before = docJson(pipeline.doc);
      const counts = [pipeline.store.commandCount(), pipeline.outbox.pending(), updates.length];
      const refused = pipeline.command(participant(1), "c1", "timer.start", { seconds: 60 });
      expect(refused.ack).toMatchObject({ ok: false, error: { code: "forbidden" } });
      const bad = pipeline.command(facilitator, "c2", "timer.start", { seconds: -1 });
      expect(bad.ack).toMatchObject({ ok: false, error: { code: "bad_request" } });
      expect([pipeline.store.commandCount(), pipeline.outbox.pending(), updates.length]).toEqual(counts);
      expect(docJson(pipeline.doc)).toEqual(before);
    });
  });

  it("answers a resent command with its first ack and applies it once", async () => {
    await withPipeline((pipeline) => {
      pipeline.init(roomInit(workshopId("w")));
      const first = pipeline.command(facilitator, "same", "room.lock", { locked: true });
      pipeline.command(facilitator, "other", "room.lock", { locked: false });
      const again = pipeline.command(facilitator, "same", "room.lock", { locked: true });
      expect(again.ack).toEqual(first.ack);
      expect(pipeline.store.commandCount()).toBe(3);
      expect(roots(pipeline.doc).workshop.get("locked")).toBe(false);
    });
  });

  it("rebuilds the same doc from storage alone", async () => {
    await withPipeline((pipeline) => {
      pipeline.init(roomInit(workshopId("w")));
      pipeline.command(facilitator, "c1", "timer.start", { seconds: 90 });
      pipeline.shared.rebuild();
      expect(roots(pipeline.doc).workshop.get("timer")).toMatchObject({ seconds: 90 });
    });
  });
});

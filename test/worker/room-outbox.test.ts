/** The outbox: D1 learns every accepted command, in order, even through a D1 outage; erase leaves nothing. */
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../party/model/protocol";
import type { WorkshopRoom } from "../../party/room";
import { agendaOf, createRoom, facilitator, participant, screen } from "./support/fixtures";
import { type Json, RoomClient, roomClients, roomStub } from "./support/room-client";

const clients = roomClients();
const { join } = clients;

/** The rows the Worker writes before a room exists: the workshop, then each participant at join. */
async function seedD1(workshopId: string, participants: string[]) {
  const now = Date.now();
  await env.DB.prepare(
    `INSERT INTO workshops (id, title, join_code, stakeholder_groups, consent_text, created_at)
     VALUES (?, 'Getting to the GP', ?, '[]', 'consent', ?)`,
  )
    .bind(workshopId, workshopId.slice(-8).toUpperCase(), now)
    .run();
  for (const id of participants) {
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO participants (id, workshop_id, name, group_id, consent_version, consented_at, joined_at)
         VALUES (?, ?, ?, 'community', 1, ?, ?)`,
      ).bind(id, workshopId, `Participant ${id}`, now, now),
      env.DB.prepare(
        "INSERT INTO tokens (hash, id, workshop_id, role, participant_id, created_at) VALUES (?, ?, ?, 'participant', ?, ?)",
      ).bind(`hash-${workshopId}-${id}`, `tok-${workshopId}-${id}`, workshopId, id, now),
    ]);
  }
}

async function count(sql: string, ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(sql)
    .bind(...params)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

type Stub = Awaited<ReturnType<typeof roomStub>>;

/** Runs the room's flush alarm now (if one is scheduled; it may already have fired by itself). */
async function flush(stub: Stub) {
  return runDurableObjectAlarm(stub);
}

/** Flushes until the outbox is empty, or fails after a few seconds. */
async function drain(stub: Stub) {
  const deadline = Date.now() + 5000;
  for (;;) {
    await flush(stub);
    if ((await stub.state()).outboxPending === 0) return;
    if (Date.now() > deadline) throw new Error("the outbox did not drain");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function retryScheduled(stub: Stub) {
  return runInDurableObject(stub, async (_room: WorkshopRoom, ctx) => (await ctx.storage.getAlarm()) !== null);
}

/**
 * A room and its D1 rows for participants `first` and `first + 1`, with its map open: the
 * facilitator and both participants connected.
 */
async function openMapFor(name: string, first: number) {
  const id = await createRoom(name);
  await seedD1(id, [`p${first}`, `p${first + 1}`]);
  const stub = await roomStub(id);
  const fac = await join(id, facilitator);
  const [mapId, voteId] = agendaOf(fac);
  await fac.ok("activity.open", { activityId: mapId });
  const people = [await join(id, participant(first)), await join(id, participant(first + 1))] as const;
  return { id, stub, fac, mapId, voteId, people };
}

describe("the outbox to D1", () => {
  it("writes the audit trail and saved outputs, and survives a D1 outage without losing or reordering anything", async () => {
    const { id, stub, fac, mapId, voteId, people } = await openMapFor("outbox", 1);
    const [p1, p2] = people;
    const { cardId } = await p1.ok("card.add", {
      activityId: mapId,
      lane: "before",
      kind: "barrier",
      text: "No buses",
    });
    await p2.ok("card.support", { cardId, on: true });
    await p2.ok("comment.add", { cardId, text: "Same on Sundays" });

    await drain(stub);
    const state = await stub.state();
    expect(await count("SELECT COUNT(*) AS n FROM events WHERE workshop_id = ?", id)).toBe(state.commands);
    expect(await count("SELECT COUNT(*) AS n FROM activities WHERE workshop_id = ?", id)).toBe(2);
    const workshop = await env.DB.prepare("SELECT status, started_at FROM workshops WHERE id = ?").bind(id).first();
    expect(workshop).toMatchObject({ status: "live", started_at: expect.any(Number) });
    const card = await env.DB.prepare("SELECT * FROM cards WHERE id = ?").bind(cardId).first();
    expect(card).toMatchObject({
      author_id: "p1",
      group_id: "community",
      supports: 1,
      supporters: '["p2"]',
      text: "No buses",
    });

    // D1 goes away: the room keeps acknowledging, the outbox keeps everything.
    await env.DB.exec("ALTER TABLE events RENAME TO events_offline");
    try {
      await fac.ok("activity.open", { activityId: voteId });
      await p1.ok("ballot.submit", { activityId: voteId, ballot: { allocations: { o1: 3, o3: 2 } } });
      await p2.ok("ballot.submit", { activityId: voteId, ballot: { allocations: { o2: 3, o1: 2 } } });
      await fac.ok("timer.start", { seconds: 90 });
      await flush(stub);
      await flush(stub);
      const during = await stub.state();
      expect(during.outboxPending).toBeGreaterThan(0);
      expect(await retryScheduled(stub)).toBe(true);
      expect(await count("SELECT COUNT(*) AS n FROM ballots WHERE workshop_id = ?", id)).toBe(0);
    } finally {
      await env.DB.exec("ALTER TABLE events_offline RENAME TO events");
    }

    // D1 is back: the retry (already scheduled by the failed flush) delivers everything, in order.
    await drain(stub);
    const after = await stub.state();
    const seqs = await env.DB.prepare("SELECT seq FROM events WHERE workshop_id = ? ORDER BY seq")
      .bind(id)
      .all<{ seq: number }>();
    expect(seqs.results.map((r) => r.seq)).toEqual(Array.from({ length: after.lastSeq }, (_, i) => i + 1));
    expect(await count("SELECT COUNT(*) AS n FROM ballots WHERE workshop_id = ?", id)).toBe(2);
    const ballot = await env.DB.prepare("SELECT * FROM ballots WHERE workshop_id = ? AND participant_id = 'p1'")
      .bind(id)
      .first();
    expect(ballot).toMatchObject({ participant_id: "p1", group_id: "community" });
    expect(JSON.parse(String(ballot?.ballot))).toEqual({ allocations: { o1: 3, o3: 2 } });
    const vote = await env.DB.prepare("SELECT status FROM activities WHERE id = ?").bind(voteId).first();
    expect(vote).toMatchObject({ status: "open" });

    // Reordering the agenda and closing the workshop reach D1 too.
    await fac.ok("activity.move", { activityId: voteId, index: 0 });
    await fac.ok("workshop.close", {});
    await drain(stub);
    const order = await env.DB.prepare("SELECT id FROM activities WHERE workshop_id = ? ORDER BY position")
      .bind(id)
      .all<{ id: string }>();
    expect(order.results.map((r) => r.id)).toEqual([voteId, mapId]);
    const closed = await env.DB.prepare("SELECT status, closed_at FROM workshops WHERE id = ?").bind(id).first();
    expect(closed).toMatchObject({ status: "closed", closed_at: expect.any(Number) });
  });

  it("keeps a removed participant's contributions, erases a withdrawn one's, and revokes both", async () => {
    const { id, stub, fac, mapId, voteId, people } = await openMapFor("outbox-remove", 11);
    const [p11, p12] = people;
    const { cardId } = await p11.ok("card.add", { activityId: mapId, lane: "before", kind: "barrier", text: "Mine" });
    await p11.ok("comment.add", { cardId, text: "My comment" });
    await p12.ok("card.add", { activityId: mapId, lane: "before", kind: "helps", text: "Theirs" });
    await p12.ok("comment.add", { cardId, text: "Their comment" });
    await fac.ok("activity.open", { activityId: voteId });
    await p11.ok("ballot.submit", { activityId: voteId, ballot: { allocations: { o2: 1 } } });
    await p12.ok("ballot.submit", { activityId: voteId, ballot: { allocations: { o2: 1 } } });
    await drain(stub);
    const cardsBy = (p: string) =>
      count(`SELECT COUNT(*) AS n FROM cards WHERE workshop_id = ? AND author_id = '${p}'`, id);
    const commentsBy = (p: string) =>
      count(`SELECT COUNT(*) AS n FROM comments WHERE workshop_id = ? AND author_id = '${p}'`, id);
    const ballotsBy = (p: string) =>
      count(`SELECT COUNT(*) AS n FROM ballots WHERE workshop_id = ? AND participant_id = '${p}'`, id);
    const revoked = (p: string) =>
      count(
        `SELECT COUNT(*) AS n FROM tokens WHERE participant_id = '${p}' AND workshop_id = ? AND revoked_at IS NOT NULL`,
        id,
      );
    expect([await cardsBy("p11"), await cardsBy("p12")]).toEqual([1, 1]);

    // Removal is moderation: access ends, what they said stays (as in the room's doc).
    await fac.ok("participant.remove", { participantId: "p11" });
    await drain(stub);
    expect([await cardsBy("p11"), await commentsBy("p11"), await ballotsBy("p11")]).toEqual([1, 1, 1]);
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM participants WHERE id = 'p11' AND removed_at IS NOT NULL AND workshop_id = ?",
        id,
      ),
    ).toBe(1);
    expect(await revoked("p11")).toBe(1);
    expect(await revoked("p12")).toBe(0);

    // Withdrawal is the person's own wish: everything they contributed leaves D1.
    await p12.ok("me.withdraw", {});
    await drain(stub);
    expect([await cardsBy("p12"), await commentsBy("p12"), await ballotsBy("p12")]).toEqual([0, 0, 0]);
    expect(await revoked("p12")).toBe(1);
    expect(await cardsBy("p11")).toBe(1);
  });
});

describe("a row D1 will never accept", () => {
  it("is set aside with its reason and does not hold back the rows after it", async () => {
    const id = await createRoom("poison");
    const stub = await roomStub(id);
    const fac = await join(id, facilitator);
    const [mapId] = agendaOf(fac);
    // A card row missing its NOT NULL text, as a model bug might produce.
    await runInDurableObject(stub, (_room: WorkshopRoom, ctx) => {
      ctx.storage.sql.exec(
        "INSERT INTO outbox (op, params) VALUES ('card', ?)",
        JSON.stringify([
          "bad-card",
          id,
          mapId,
          "before",
          "helps",
          null,
          "p1",
          "community",
          1,
          0,
          null,
          0,
          "[]",
          null,
          null,
        ]),
      );
    });
    await fac.ok("activity.open", { activityId: mapId });
    await fac.ok("timer.start", { seconds: 60 });

    await drain(stub);
    const state = await stub.state();
    expect(state).toMatchObject({ outboxPending: 0, outboxDead: 1 });
    expect(await count("SELECT COUNT(*) AS n FROM events WHERE workshop_id = ?", id)).toBe(state.commands);
    expect(await count("SELECT COUNT(*) AS n FROM cards WHERE id = 'bad-card'")).toBe(0);
    const reason = await runInDurableObject(
      stub,
      (_room: WorkshopRoom, ctx) =>
        ctx.storage.sql.exec<{ error: string }>("SELECT error FROM outbox_dead").one().error,
    );
    expect(reason).toMatch(/NOT NULL/i);
  });
});

describe("erase", () => {
  it("closes every socket, deletes storage, outbox and alarm, and refuses connections afterwards", async () => {
    const id = await createRoom("erase");
    const stub = await roomStub(id);
    const fac = await join(id, facilitator);
    const p1 = await join(id, participant(1));
    const [mapId] = agendaOf(fac);
    await fac.ok("activity.open", { activityId: mapId });
    await p1.ok("card.add", { activityId: mapId, lane: "before", kind: "barrier", text: "Soon gone" });
    expect((await stub.state()).outboxPending).toBeGreaterThan(0);

    await stub.erase();
    expect((await fac.waitClosed()).code).toBe(CloseCode.deleted);
    expect((await p1.waitClosed()).code).toBe(CloseCode.deleted);
    expect(await stub.state()).toMatchObject({
      initialised: false,
      commands: 0,
      lastSeq: 0,
      snapshotSeq: 0,
      outboxPending: 0,
    });
    expect(await runDurableObjectAlarm(stub)).toBe(false);
    const leftovers = await runInDurableObject(stub, (_room: WorkshopRoom, ctx) => {
      const tables = [
        "commands",
        "ballots",
        "feedback",
        "silent_cards",
        "moderated",
        "departed",
        "outbox",
        "snapshots",
        "room_meta",
      ];
      return tables.map((t) => ctx.storage.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`).one().n);
    });
    expect(leftovers.every((n) => n === 0)).toBe(true);

    const late = await RoomClient.connect(id, screen);
    clients.track(late);
    expect((await late.waitClosed()).code).toBe(CloseCode.notFound);

    // The id can be used again from scratch.
    const again = await stub.init((await import("./support/fixtures")).roomInit(id));
    expect(again).toMatchObject({ ok: true, created: true });
    const fresh = await join(id, screen);
    expect(Object.keys(fresh.json().cards as Json)).toHaveLength(0);
  });
});

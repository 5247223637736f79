/**
 * Red team for the session fields and commands (issue #19): `keepOpen` on
 * results.reveal, `plannedMinutes` on activity.add/update, `cards.approve` and the
 * map's `reviewCards`. Each is tried with the wrong role, another workshop's ids,
 * unknown fields, oversized input and a replayed command id, over the real socket
 * in workerd; every refusal must leave the shared doc as it was.
 */
import { describe, expect, it } from "vitest";
import { agendaOf, createRoom, evaluator, facilitator, participant, screen } from "../worker/support/fixtures";
import { type Json, type RoomClient, roomClients } from "../worker/support/room-client";

const { join } = roomClients();

const reviewMap = {
  prompt: "What happened?",
  lanes: [{ id: "before", label: "Before" }],
  kinds: [{ id: "barrier", label: "Barrier", color: "#e76f51" }],
  reviewCards: true,
};

async function liveRoom(label: string) {
  const id = await createRoom(label);
  const fac = await join(id, facilitator);
  const [, voteId] = agendaOf(fac);
  if (!voteId) throw new Error("fixture agenda is missing its vote");
  const mapId = String(
    (await fac.ok("activity.add", { kind: "map", title: "Held map", config: reviewMap, plannedMinutes: 10 }))
      .activityId,
  );
  await fac.ok("activity.open", { activityId: mapId });
  const p1 = await join(id, participant(1));
  const cardId = String(
    (await p1.ok("card.add", { activityId: mapId, lane: "before", kind: "barrier", text: "Names Dr X" })).cardId,
  );
  return { id, fac, p1, mapId, voteId, cardId };
}

/** The ack must be a refusal with `code`, and `client`'s doc must not have changed. */
async function refusedUnchanged(client: RoomClient, watcher: RoomClient, name: string, args: Json, code: string) {
  await watcher.synced();
  const before = JSON.stringify(watcher.json());
  const ack = await client.command(name, args);
  expect(ack, `${name} ${JSON.stringify(args)}`).toMatchObject({ ok: false, error: { code } });
  await watcher.synced();
  expect(JSON.stringify(watcher.json())).toBe(before);
}

describe("cards.approve", () => {
  it("holds a participant's card and lets only a facilitator approve it", async () => {
    const { id, fac, p1, cardId } = await liveRoom("approve-roles");
    await fac.waitFor(() => (fac.json().cards as Json)[cardId], "the card");
    expect((fac.json().cards as Record<string, Json>)[cardId]?.awaitingReview).toBe(true);
    const scr = await join(id, screen);
    const ev = await join(id, evaluator);
    for (const client of [p1, scr, ev])
      await refusedUnchanged(client, fac, "cards.approve", { cardIds: [cardId] }, "forbidden");
    expect(await fac.ok("cards.approve", { cardIds: [cardId] })).toEqual({ approved: [cardId] });
    await fac.waitFor(
      () => (fac.json().cards as Record<string, Json>)[cardId]?.awaitingReview === undefined,
      "approval",
    );
  });

  it("refuses another workshop's card, unknown fields, bad and oversized lists", async () => {
    const a = await liveRoom("approve-a");
    const b = await liveRoom("approve-b");
    await refusedUnchanged(a.fac, a.fac, "cards.approve", { cardIds: [b.cardId] }, "not_found");
    await refusedUnchanged(a.fac, a.fac, "cards.approve", { cardIds: [a.cardId], all: true }, "bad_request");
    await refusedUnchanged(a.fac, a.fac, "cards.approve", { cardIds: [] }, "bad_request");
    await refusedUnchanged(a.fac, a.fac, "cards.approve", { cardIds: ["bad id!"] }, "bad_request");
    const many = Array.from({ length: 201 }, () => a.cardId);
    await refusedUnchanged(a.fac, a.fac, "cards.approve", { cardIds: many }, "bad_request");
    await refusedUnchanged(a.fac, a.fac, "cards.approve", { cardIds: "x".repeat(70_000) }, "too_large");
  });

  it("applies a replayed command id once and answers it the same", async () => {
    const { fac, cardId } = await liveRoom("approve-replay");
    const first = await fac.command("cards.approve", { cardIds: [cardId] }, "approve-1");
    const again = await fac.command("cards.approve", { cardIds: [cardId] }, "approve-1");
    expect(again).toEqual(first);
  });
});

describe("results.reveal keepOpen", () => {
  it("is the facilitator's alone, strict about its fields, and closes the vote unless keepOpen", async () => {
    const { id, fac, p1, voteId } = await liveRoom("reveal");
    await fac.ok("activity.open", { activityId: voteId });
    await p1.ok("ballot.submit", { activityId: voteId, ballot: { allocations: { o1: 2 } } });
    for (const client of [p1, await join(id, screen), await join(id, evaluator)])
      await refusedUnchanged(client, fac, "results.reveal", { activityId: voteId, keepOpen: true }, "forbidden");
    await refusedUnchanged(fac, fac, "results.reveal", { activityId: voteId, keepOpen: "yes" }, "bad_request");
    await refusedUnchanged(fac, fac, "results.reveal", { activityId: voteId, keep: true }, "bad_request");
    const other = await liveRoom("reveal-other");
    await refusedUnchanged(fac, fac, "results.reveal", { activityId: other.voteId }, "not_found");

    expect(await fac.ok("results.reveal", { activityId: voteId, keepOpen: true })).toMatchObject({ status: "open" });
    await p1.ok("ballot.submit", { activityId: voteId, ballot: { allocations: { o1: 3 } } });
    expect(await fac.ok("results.reveal", { activityId: voteId })).toMatchObject({ status: "closed" });
    const late = await p1.command("ballot.submit", { activityId: voteId, ballot: { allocations: { o2: 1 } } });
    expect(late).toMatchObject({ ok: false, error: { code: "closed" } });
    await fac.waitFor(() => (fac.json().results as Record<string, Json>)[voteId], "results");
    expect((fac.json().results as Record<string, Json>)[voteId]).toMatchObject({ totals: { o1: 3 } });
  });
});

describe("plannedMinutes", () => {
  it("is the facilitator's alone and bounded; replays apply once", async () => {
    const { id, fac, p1, mapId } = await liveRoom("planned");
    for (const client of [p1, await join(id, screen), await join(id, evaluator)])
      await refusedUnchanged(client, fac, "activity.update", { activityId: mapId, plannedMinutes: 5 }, "forbidden");
    for (const plannedMinutes of [0, -1, 2.5, 241, 1e12, "5", true])
      await refusedUnchanged(fac, fac, "activity.update", { activityId: mapId, plannedMinutes }, "bad_request");
    await refusedUnchanged(
      fac,
      fac,
      "activity.add",
      { kind: "info", title: "Break", config: {}, plannedMinutes: 10, startsAt: 5 },
      "bad_request",
    );
    const other = await liveRoom("planned-other");
    await refusedUnchanged(fac, fac, "activity.update", { activityId: other.mapId, plannedMinutes: 5 }, "not_found");

    const add = { kind: "info", title: "Break", config: {}, plannedMinutes: 10 };
    const first = await fac.command("activity.add", add, "add-break");
    const again = await fac.command("activity.add", add, "add-break");
    expect(again).toEqual(first);
    await fac.synced();
    const breaks = Object.values(fac.json().activities as Record<string, Json>).filter((a) => a.title === "Break");
    expect(breaks).toHaveLength(1);
    expect(breaks[0]?.plannedMinutes).toBe(10);
  });

  it("starts the shared countdown when the activity opens, on every client", async () => {
    const { id, fac, voteId } = await liveRoom("planned-timer");
    await fac.ok("activity.update", { activityId: voteId, plannedMinutes: 7 });
    const p2 = await join(id, participant(2));
    await fac.ok("activity.open", { activityId: voteId });
    const timer = await p2.waitFor(() => {
      const current = (p2.json().workshop as { timer?: { seconds: number; activityId?: string } }).timer;
      return current?.activityId === voteId && current;
    }, "the vote's timer");
    expect(timer).toMatchObject({ seconds: 420, activityId: voteId });
  });
});

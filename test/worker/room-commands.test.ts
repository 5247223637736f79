/** Commands through the socket: roles, acks, exactly-once replays, private state. */
import { describe, expect, it } from "vitest";
import { createRoom, evaluator, facilitator, liveMap as liveMapFixture, participant, screen } from "./support/fixtures";
import { type Json, RoomClient, roomClients, roomStub } from "./support/room-client";

const clients = roomClients();
const { join } = clients;

const liveMap = (label: string) => liveMapFixture(join, label);

const cardArgs = (activityId: string, text = "The bus stops running at six") => ({
  activityId,
  lane: "before",
  kind: "barrier",
  text,
});

describe("commands by role", () => {
  it("accepts what a role may do and refuses what it may not", async () => {
    const { id, fac, mapId, voteId } = await liveMap("roles");
    const p1 = await join(id, participant(1));
    const scr = await join(id, screen);
    const ev = await join(id, evaluator);

    const added = await p1.command("card.add", cardArgs(mapId));
    expect(added).toMatchObject({ ok: true, result: { cardId: expect.any(String) } });
    const cardId = (added as { result: Json }).result.cardId as string;

    const cases: [RoomClient, string, Json, string | true][] = [
      [p1, "activity.open", { activityId: voteId }, "forbidden"],
      [p1, "results.reveal", { activityId: voteId }, "forbidden"],
      [p1, "participant.remove", { participantId: "p1" }, "forbidden"],
      [p1, "card.hide", { cardId, reason: "rude" }, "forbidden"],
      [scr, "card.add", cardArgs(mapId), "forbidden"],
      [scr, "timer.start", { seconds: 60 }, "forbidden"],
      [ev, "card.support", { cardId, on: true }, "forbidden"],
      [ev, "comment.add", { cardId, text: "hm" }, "forbidden"],
      [fac, "ballot.submit", { activityId: voteId, ballot: { allocations: { o1: 1 } } }, "forbidden"],
      [fac, "me.withdraw", {}, "forbidden"],
      [p1, "card.support", { cardId, on: true }, true],
      [p1, "comment.add", { cardId, text: "Same for me" }, true],
      [fac, "timer.start", { seconds: 120 }, true],
      [fac, "card.hide", { cardId, reason: "duplicate" }, true],
      [p1, "no.such.command", {}, "unknown_command"],
      [p1, "card.add", { activityId: mapId, lane: "before" }, "bad_request"],
      [fac, "activity.open", { activityId: "missing" }, "not_found"],
    ];
    for (const [client, name, args, expected] of cases) {
      const ack = await client.command(name, args);
      if (expected === true) expect(ack, `${name} should be accepted`).toMatchObject({ ok: true });
      else
        expect(ack, `${name} should be refused with ${expected}`).toMatchObject({
          ok: false,
          error: { code: expected },
        });
    }
    // Every client sees the accepted changes; the refused ones changed nothing.
    await scr.waitFor(() => (scr.json().cards as Record<string, Json>)[cardId]?.hidden === true, "the hidden card");
    const card = (scr.json().cards as Record<string, Json>)[cardId];
    expect(card?.supports).toEqual(["p1"]);
    expect(Object.keys(scr.json().comments as object)).toHaveLength(1);
    expect((scr.json().workshop as Json).timer).toMatchObject({ seconds: 120 });
    expect((scr.json().workshop as Json).currentActivityId).toBe(mapId);
  });

  it("shows the sender its change before the ack", async () => {
    const { id, mapId } = await liveMap("visible");
    const p1 = await join(id, participant(1));
    const commandId = p1.nextId();
    p1.sendCustom(JSON.stringify({ type: "command", id: commandId, name: "card.add", args: cardArgs(mapId) }));
    const ack = await p1.ack(commandId);
    const cardId = (ack as { result: Json }).result.cardId as string;
    // Checked synchronously at the moment the ack arrived: the update came first.
    expect((p1.json().cards as Record<string, Json>)[cardId]).toMatchObject({ text: "The bus stops running at six" });
  });
});

describe("exactly once", () => {
  it("a replayed command id returns the original ack and changes nothing", async () => {
    const { id, mapId } = await liveMap("replay");
    const p1 = await join(id, participant(1));
    const stub = await roomStub(id);
    const first = await p1.command("card.add", cardArgs(mapId), "cmd-1");
    expect(first.ok).toBe(true);
    const before = await stub.state();
    await p1.synced(); // its own card reaches it on the turn after the ack
    const docBefore = JSON.stringify(p1.json());

    // The phone lost the ack and resends, even from a new connection.
    const again = await p1.command("card.add", cardArgs(mapId), "cmd-1");
    const p1b = await join(id, participant(1));
    const fromNewSocket = await p1b.command("card.add", cardArgs(mapId, "different text"), "cmd-1");
    expect(again).toEqual(first);
    expect(fromNewSocket).toEqual(first);
    const after = await stub.state();
    expect(after.commands).toBe(before.commands);
    expect(after.lastSeq).toBe(before.lastSeq);
    expect(Object.keys(p1b.json().cards as object)).toHaveLength(1);
    expect(JSON.stringify(p1.json())).toBe(docBefore);

    // The same id from someone else is a different command.
    const p2 = await join(id, participant(2));
    const other = await p2.command("card.add", cardArgs(mapId, "from p2"), "cmd-1");
    expect(other.ok).toBe(true);
    expect(other).not.toEqual(first);
  });

  it("a refused command is not remembered: retrying it once allowed succeeds", async () => {
    const { id, fac, mapId } = await liveMap("refused-retry");
    const p1 = await join(id, participant(1));
    await fac.ok("room.lock", { locked: true });
    const locked = await p1.command("card.add", cardArgs(mapId), "retry-1");
    expect(locked).toMatchObject({ ok: false, error: { code: "locked" } });
    await fac.ok("room.lock", { locked: false });
    expect(await p1.command("card.add", cardArgs(mapId), "retry-1")).toMatchObject({ ok: true });
  });
});

describe("private state", () => {
  it("sends a participant their own ballot, and again when they reconnect", async () => {
    const { id, fac, voteId } = await liveMap("ballots");
    await fac.ok("activity.open", { activityId: voteId });
    const p1 = await join(id, participant(1));
    const p2 = await join(id, participant(2));
    const ballot = { allocations: { o1: 3, o2: 2 } };
    await p1.ok("ballot.submit", { activityId: voteId, ballot });
    await p1.waitFor(() => p1.find((m) => m.type === "private" && m.kind === "ballot"), "own ballot");
    // Nobody else hears about it, and the shared doc holds no ballot.
    expect(p2.find((m) => m.type === "private" && m.kind === "ballot")).toBeUndefined();
    expect(JSON.stringify(p2.json())).not.toContain('"o1":3');

    p1.close();
    const back = await join(id, participant(1));
    const restored = await back.waitFor(
      () => back.find((m) => m.type === "private" && m.kind === "ballot"),
      "ballot after reconnecting",
    );
    expect(restored).toMatchObject({ activityId: voteId, ballot });
  });
});

describe("silent maps", () => {
  it("keeps cards out of the doc until revealed; authors and facilitators get them privately", async () => {
    const id = await createRoom("silent");
    const fac = await join(id, facilitator);
    const { activityId } = (await fac.ok("activity.add", {
      kind: "map",
      title: "Think alone first",
      config: {
        mode: "silent",
        lanes: [{ id: "now", label: "Now" }],
        kinds: [{ id: "idea", label: "Idea", color: "#264653" }],
      },
    })) as { activityId: string };
    await fac.ok("activity.open", { activityId });
    const p1 = await join(id, participant(1));
    const p2 = await join(id, participant(2));
    const { cardId } = await p1.ok("card.add", { activityId, lane: "now", kind: "idea", text: "A quiet thought" });
    expect((p2.json().cards as Json)[cardId as string]).toBeUndefined();
    expect(JSON.stringify(p2.json())).not.toContain("A quiet thought");
    expect(p2.find((m) => m.type === "private" && m.kind === "cards")).toBeUndefined();

    // A facilitator already in the room sees every waiting card as it arrives, edits and goes.
    const waiting = () =>
      fac.messages.filter((m) => m.type === "private" && m.kind === "cards").at(-1)?.cards as Json[] | undefined;
    const live = await fac.waitFor(() => waiting()?.length === 1 && waiting(), "the silent card, live");
    expect(live).toEqual([expect.objectContaining({ id: cardId, text: "A quiet thought" })]);
    const other = await p2.ok("card.add", { activityId, lane: "now", kind: "idea", text: "Another thought" });
    await fac.waitFor(() => waiting()?.length === 2, "both silent cards");
    await p2.ok("card.delete", { cardId: other.cardId });
    await fac.waitFor(() => waiting()?.length === 1, "one silent card after the delete");

    // On (re)connecting, the author sees their own silent card and a facilitator sees all of them.
    const p1again = await join(id, participant(1));
    const mine = p1again.find((m) => m.type === "private" && m.kind === "cards");
    expect(mine).toMatchObject({
      activityId,
      cards: [expect.objectContaining({ id: cardId, text: "A quiet thought" })],
    });
    const p2again = await join(id, participant(2));
    expect(p2again.find((m) => m.type === "private" && m.kind === "cards")).toBeUndefined();
    const facAgain = await join(id, facilitator);
    expect(facAgain.find((m) => m.type === "private" && m.kind === "cards")).toMatchObject({
      cards: [expect.objectContaining({ id: cardId })],
    });

    await fac.ok("cards.reveal", { activityId });
    await fac.waitFor(() => waiting()?.length === 0, "nothing waiting after the reveal");
    await p2.waitFor(() => (p2.json().cards as Record<string, Json>)[cardId as string], "the revealed card");
    expect((p2.json().cards as Record<string, Json>)[cardId as string]).toMatchObject({ text: "A quiet thought" });
  });
});

describe("leaving", () => {
  it("a removed participant is closed with 4410 and cannot come back", async () => {
    const { id, fac, mapId } = await liveMap("remove");
    const p1 = await join(id, participant(1));
    await p1.ok("card.add", cardArgs(mapId));
    await fac.ok("participant.remove", { participantId: "p1" });
    const closed = await p1.waitClosed();
    expect(closed.code).toBe(4410);
    expect(p1.find((m) => m.type === "goodbye")).toMatchObject({ code: 4410 });
    const retry = await RoomClient.connect(id, participant(1));
    clients.track(retry);
    expect((await retry.waitClosed()).code).toBe(4410);
  });

  it("a participant who withdraws is closed and refused afterwards", async () => {
    const { id } = await liveMap("withdraw");
    const p3 = await join(id, participant(3));
    await p3.ok("me.withdraw", {});
    expect((await p3.waitClosed()).code).toBe(4410);
    const retry = await RoomClient.connect(id, participant(3));
    clients.track(retry);
    expect((await retry.waitClosed()).code).toBe(4410);
  });

  it("me.update changes the name everyone sees in presence", async () => {
    const { id, fac } = await liveMap("rename");
    const p1 = await join(id, participant(1));
    await p1.ok("me.update", { name: "Sam" });
    await fac.waitFor(
      () => [...fac.presence.values()].some((s) => s?.id === "p1" && s.name === "Sam"),
      "the new name in presence",
    );
  });
});

/**
 * Node's RoomSession runs the browser's client core (party/model/client.ts) against the real
 * app: when its socket goes it takes a fresh ticket (tickets are single-use: the old one
 * would be refused) and reconnects; a command the room already applied is resent with the
 * same id and answered from the room's log, so it exists once.
 */
import { afterAll, describe, expect, it } from "vitest";
import { roots } from "../../party/model/doc";
import { app, join, type RoomClient, RoomSession, workshopWithFacilitator } from "./support";

describe("Node room session (the shared client core)", () => {
  const closing: Array<RoomSession | RoomClient> = [];
  afterAll(async () => {
    for (const c of closing) await c.close();
  });

  it("reconnects with a fresh ticket and a replayed command is answered once, from the log", async () => {
    const { workshop, facilitator } = await workshopWithFacilitator();
    closing.push(facilitator);
    const activityId = await facilitator.addActivity("map", "Session map", {
      lanes: [{ id: "now", label: "Now" }],
      kinds: [{ id: "note", label: "Note", color: "#336699" }],
    });
    await facilitator.command("activity.open", { activityId });

    const joined = await join(workshop.joinCode);
    const session = new RoomSession({ baseUrl: app().baseUrl, token: joined.token, timeoutMs: 20_000 });
    closing.push(session);
    await session.connected();
    const card = { activityId, lane: "now", kind: "note", text: "Sessions resend by id" };
    const first = await session.send("card.add", card, { id: "session-cmd-1" });
    expect(first.ok).toBe(true);
    const cardId = first.ok ? first.result.cardId : undefined;
    expect(typeof cardId).toBe("string");

    // The line drops; the session comes back by itself on a new ticket.
    session.drop("test cut the line");
    expect(session.state).toBe("offline");
    await session.connected();
    expect(session.state).toBe("online");

    // The same command again (as after a drop before its ack): the room answers from its log.
    const replay = await session.send("card.add", card, { id: "session-cmd-1" });
    expect(replay).toEqual({ ok: true, result: first.ok ? first.result : {} });
    const next = await session.send("card.add", { ...card, text: "A second card" });
    expect(next.ok).toBe(true);
    expect(session.queue.list()).toEqual([]);

    const texts = () => [...roots(facilitator.doc).cards.values()].map((c) => c.text).sort();
    await facilitator.waitFor(() => texts().length === 2, 15_000, "both cards");
    expect(texts()).toEqual(["A second card", "Sessions resend by id"]);
  });

  it("stops for good when its token is refused", async () => {
    const session = new RoomSession({ baseUrl: app().baseUrl, token: "not-a-token" });
    closing.push(session);
    await expect(session.connected()).rejects.toThrow(/closed \(unauthorised\)/);
    expect(session.state).toBe("closed");
    await expect(session.send("card.add", {})).rejects.toThrow(/session closed/);
  });
});

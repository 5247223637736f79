/** The room's connection lifecycle: who gets in, what they receive first, how they are turned away. */
import { describe, expect, it } from "vitest";
import { CloseCode } from "../../party/model/protocol";
import { createRoom, facilitator, participant, roomInit, screen, workshopId } from "./support/fixtures";
import { roomClients, roomStub } from "./support/room-client";

const clients = roomClients();
const { join, connect } = clients;

describe("connecting to a workshop room", () => {
  it("greets a verified actor, then syncs the doc and shows presence", async () => {
    const id = await createRoom("hello");
    const fac = await join(id, facilitator);
    const hello = fac.find((m) => m.type === "hello");
    expect(hello?.you).toEqual(facilitator);
    expect(typeof hello?.serverTime).toBe("number");
    expect(fac.messages[0]?.type).toBe("hello");
    expect(fac.json().workshop).toMatchObject({ id, title: "Getting to the GP", status: "draft" });
    expect(Object.keys(fac.json().activities as object)).toHaveLength(2);
    await fac.waitFor(() => [...fac.presence.values()].some((s) => s?.id === facilitator.id), "own presence");
  });

  it("adds a participant to the doc on their first connection", async () => {
    const id = await createRoom("first-join");
    const p = await join(id, participant(1));
    const scr = await join(id, screen);
    await scr.waitFor(() => (scr.json().participants as Record<string, unknown>).p1, "participant entry");
    expect((scr.json().participants as Record<string, unknown>).p1).toMatchObject({
      id: "p1",
      name: "Participant 1",
      group: "community",
    });
    // The phone's own replica names nobody (party/model/replica.ts); its own entry comes privately.
    await p.waitFor(() => p.find((m) => m.type === "private" && m.kind === "mine"), "mine");
    expect(p.find((m) => m.type === "private" && m.kind === "mine")).toMatchObject({
      participantId: "p1",
      participant: { id: "p1", name: "Participant 1", group: "community" },
    });
    const stub = await roomStub(id);
    const before = await stub.state();
    // A second connection of the same person logs nothing new.
    const again = await join(id, participant(1));
    expect(again.find((m) => m.type === "hello")).toBeTruthy();
    expect((await stub.state()).commands).toBe(before.commands);
  });

  it("refuses a connection without a verified identity (4401)", async () => {
    const id = await createRoom("no-actor");
    const anon = await connect(id, null);
    expect((await anon.waitClosed()).code).toBe(CloseCode.unauthorised);
    const forged = await connect(id, null, { "x-coproduce-actor": '{"role":"facilitator"}' });
    expect((await forged.waitClosed()).code).toBe(CloseCode.unauthorised);
    const garbage = await connect(id, null, { "x-coproduce-actor": "not json" });
    expect((await garbage.waitClosed()).code).toBe(CloseCode.unauthorised);
  });

  it("refuses connections to a room that was never created (4404)", async () => {
    const client = await connect(workshopId("never"), facilitator);
    const closed = await client.waitClosed();
    expect(closed.code).toBe(CloseCode.notFound);
    expect(client.find((m) => m.type === "goodbye")).toMatchObject({ code: CloseCode.notFound });
  });

  it("init is idempotent and refuses a different workshop", async () => {
    const id = workshopId("init");
    const stub = await roomStub(id);
    expect(await stub.init(roomInit(id))).toEqual({ ok: true, created: true, workshopId: id });
    const state = await stub.state();
    expect(await stub.init(roomInit(id))).toEqual({ ok: true, created: false, workshopId: id });
    expect((await stub.state()).commands).toBe(state.commands);
    expect(await stub.init(roomInit("someone-else"))).toMatchObject({ ok: false, code: "conflict" });
    const fresh = await roomStub(workshopId("bad-init"));
    expect(await fresh.init({ ...roomInit("x"), joinCode: "no good" })).toMatchObject({
      ok: false,
      code: "bad_request",
    });
    expect((await fresh.state()).initialised).toBe(false);
  });

  it("shows one presence entry per connected actor, written by the room", async () => {
    const id = await createRoom("presence");
    const scr = await join(id, screen);
    const p1 = await join(id, participant(1));
    const p1b = await join(id, participant(1));
    const present = () =>
      [...scr.presence.values()]
        .filter((s) => s !== null)
        .map((s) => s?.id)
        .sort();
    await scr.waitFor(() => present().length === 2, "two people present");
    expect(present()).toEqual(["p1", screen.id].sort());
    p1.close();
    // The other tab of p1 is still open: p1 stays present.
    await p1.waitClosed();
    p1b.close();
    await scr.waitFor(() => present().length === 1, "p1 gone after their last tab closed");
    expect(present()).toEqual([screen.id]);
  });
});

/**
 * Tables (#13) through the Worker: tables at creation, picking a table at join,
 * host links for one table, a host's commands in the room, and D1 learning the
 * tables, seats, card tables and harvest origins from the room's outbox.
 */
import { describe, expect, it } from "vitest";
import { createWorkshop, env, joinWorkshop, json } from "./api-client";
import { connectThroughWorker, eventually } from "./support/through-worker";

const MAP_AT_TABLES = {
  lanes: [{ id: "day", label: "On the day" }],
  kinds: [{ id: "idea", label: "Idea", color: "#1565c0" }],
  at: "tables",
};

async function mintHost(workshopId: string, token: string, body: Record<string, unknown>) {
  return json<{ token: string; link: string; role: string; table: string; label: string }>(
    `/api/workshops/${workshopId}/tokens`,
    { token, body },
  );
}

describe("tables at creation and at join", () => {
  it("numbers tables from a count, shows them on the join page and seats a joiner", async () => {
    const w = await createWorkshop({ tables: 3 });
    expect((w as unknown as { tables: unknown[] }).tables).toEqual([
      { id: "t1", label: "Table 1" },
      { id: "t2", label: "Table 2" },
      { id: "t3", label: "Table 3" },
    ]);
    const info = await json<{ tables: unknown[] }>(`/api/join/${w.joinCode}`);
    expect(info.body.tables).toHaveLength(3);
    const p = await joinWorkshop(w.joinCode, { table: "t2" });
    expect(p).toMatchObject({ table: "t2" });
    const row = await env.DB.prepare("SELECT table_id FROM participants WHERE id = ?").bind(p.participantId).first();
    expect(row?.table_id).toBe("t2");
    const phone = await connectThroughWorker(w.id, p.token);
    expect(await phone.first("hello")).toMatchObject({ you: { role: "participant", table: "t2" } });
    phone.close();
  });

  it("takes named tables, and refuses a table the workshop does not have", async () => {
    const w = await createWorkshop({ tables: [{ id: "window", label: "By the window" }] });
    const bad = await json(`/api/join/${w.joinCode}`, { body: { group: "community", consent: true, table: "t9" } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { code: "bad_request" } });
    const tooMany = await json("/api/workshops", {
      token: "test-organiser-secret-0123456789abcdef",
      body: { title: "Huge", tables: 51 },
    });
    expect(tooMany.status).toBe(400);
  });
});

describe("host links", () => {
  it("mints a host link for one table and opens the host page", async () => {
    const w = await createWorkshop({ tables: 2 });
    const minted = await mintHost(w.id, w.facilitatorToken, { role: "host", table: "t2" });
    expect(minted.status).toBe(201);
    expect(minted.body.link).toMatch(new RegExp(`/host/${w.id}#token=`));
    expect(minted.body).toMatchObject({ role: "host", table: "t2", label: "Host, Table 2" });
    const info = await json(`/api/workshops/${w.id}`, { token: minted.body.token });
    expect(info.body).toMatchObject({ role: "host", table: "t2" });
  });

  it("refuses a host without a table, a table that does not exist, and a table on other roles", async () => {
    const w = await createWorkshop({ tables: 2 });
    expect((await mintHost(w.id, w.facilitatorToken, { role: "host" })).status).toBe(400);
    expect((await mintHost(w.id, w.facilitatorToken, { role: "host", table: "t7" })).status).toBe(400);
    expect((await mintHost(w.id, w.facilitatorToken, { role: "screen", table: "t1" })).status).toBe(400);
  });

  it("lets a host moderate its own table only, and learns a late table from the room", async () => {
    const w = await createWorkshop({ tables: 2 });
    const facilitator = await connectThroughWorker(w.id, w.facilitatorToken);
    const added = await facilitator.command("activity.add", { kind: "map", title: "Tables", config: MAP_AT_TABLES });
    const activityId = added.result?.activityId as string;
    expect((await facilitator.command("activity.open", { activityId })).ok).toBe(true);

    const atOne = await connectThroughWorker(w.id, (await joinWorkshop(w.joinCode, { table: "t1" })).token);
    const atTwo = await connectThroughWorker(w.id, (await joinWorkshop(w.joinCode, { table: "t2" })).token);
    const mine = await atOne.command("card.add", { activityId, lane: "day", kind: "idea", text: "Buses" });
    const theirs = await atTwo.command("card.add", { activityId, lane: "day", kind: "idea", text: "Drivers" });
    expect(mine.ok && theirs.ok).toBe(true);

    const minted = await mintHost(w.id, w.facilitatorToken, { role: "host", table: "t1" });
    const host = await connectThroughWorker(w.id, minted.body.token);
    expect(await host.first("hello")).toMatchObject({ you: { role: "host", table: "t1" } });
    expect(await host.command("card.hide", { cardId: mine.result?.cardId, reason: "Names someone" })).toMatchObject({
      ok: true,
    });
    expect(await host.command("card.hide", { cardId: theirs.result?.cardId, reason: "x" })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await host.command("activity.close", { activityId })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });

    // A late table: the room tells D1, and a host link for it can then be minted.
    const late = [
      { id: "t1", label: "Table 1" },
      { id: "t2", label: "Table 2" },
      { id: "late", label: "Latecomers" },
    ];
    expect((await facilitator.command("tables.set", { tables: late })).ok).toBe(true);
    await eventually(async () => {
      const r = await env.DB.prepare("SELECT tables FROM workshops WHERE id = ?")
        .bind(w.id)
        .first<{ tables: string }>();
      return r?.tables.includes("Latecomers") ? true : undefined;
    }, "the late table to reach D1");
    expect((await mintHost(w.id, w.facilitatorToken, { role: "host", table: "late" })).status).toBe(201);
    const card = await eventually(async () => {
      const r = await env.DB.prepare("SELECT table_id FROM cards WHERE id = ?").bind(theirs.result?.cardId).first();
      return r?.table_id ? r : undefined;
    }, "the card's table to reach D1");
    expect(card.table_id).toBe("t2");
    for (const c of [facilitator, atOne, atTwo, host]) c.close();
  });

  it("tells a moved participant's phone its new table, and D1 its seat", async () => {
    const w = await createWorkshop({ tables: 2 });
    const p = await joinWorkshop(w.joinCode, { table: "t1" });
    const phone = await connectThroughWorker(w.id, p.token);
    const facilitator = await connectThroughWorker(w.id, w.facilitatorToken);
    await phone.first("hello");
    expect(
      await facilitator.command("participant.update", { participantId: p.participantId, table: "t2" }),
    ).toMatchObject({ ok: true, result: { table: "t2" } });
    expect(await phone.first("private", "seat")).toMatchObject({ table: "t2" });
    await eventually(async () => {
      const r = await env.DB.prepare("SELECT table_id FROM participants WHERE id = ?").bind(p.participantId).first();
      return r?.table_id === "t2" ? true : undefined;
    }, "the seat to reach D1");
    phone.close();
    facilitator.close();
  });
});

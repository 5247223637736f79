/**
 * Tables (#13) through the Worker: tables at creation, picking a table at join,
 * host links for one table, a host's commands in the room, and D1 learning the
 * tables, seats, card tables and harvest origins from the room's outbox.
 */
import { describe, expect, it } from "vitest";
import { labelled } from "../support/activities";
import { createWorkshop, env, joinWorkshop, json } from "./api-client";
import { connectThroughWorker, eventually, workshopWithFacilitator } from "./support/through-worker";

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
    expect((w as unknown as { tables: unknown[] }).tables).toEqual(
      labelled({ t1: "Table 1", t2: "Table 2", t3: "Table 3" }),
    );
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
    const { w, facilitator } = await workshopWithFacilitator({ tables: 2 });
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
    const late = labelled({ t1: "Table 1", t2: "Table 2", late: "Latecomers" });
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

describe("the harvest, the vote and the report, end to end", () => {
  it("keeps table, group and original card on plenary cards, tallies byTable and byGroup, and reports each table", async () => {
    const { w, facilitator } = await workshopWithFacilitator({
      tables: labelled({ t1: "Window", t2: "Door", t3: "Paper only" }),
    });
    const mapId = (await facilitator.command("activity.add", { kind: "map", title: "Tables", config: MAP_AT_TABLES }))
      .result?.activityId as string;
    const plenaryId = (
      await facilitator.command("activity.add", {
        kind: "map",
        title: "Plenary",
        config: { ...MAP_AT_TABLES, at: "room" },
      })
    ).result?.activityId as string;
    expect((await facilitator.command("activity.open", { activityId: mapId })).ok).toBe(true);

    const seats = [
      ["t1", "community"],
      ["t1", "community"],
      ["t1", "statutory"],
      ["t2", "community"],
      ["t2", "statutory"],
      ["t2", "statutory"],
    ] as const;
    const phones: Awaited<ReturnType<typeof connectThroughWorker>>[] = [];
    for (const [table, group] of seats) {
      const p = await joinWorkshop(w.joinCode, { table, group });
      phones.push(await connectThroughWorker(w.id, p.token));
    }
    const add = async (i: number, text: string) =>
      (await phones[i]?.command("card.add", { activityId: mapId, lane: "day", kind: "idea", text }))?.result
        ?.cardId as string;
    const buses = await add(0, "Buses at night");
    const drivers = await add(4, "Volunteer drivers");
    await phones[1]?.command("card.support", { cardId: buses, on: true });
    // Table 3 has nobody on a phone: its host transcribes the paper sheet.
    const host3 = await mintHost(w.id, w.facilitatorToken, { role: "host", table: "t3" });
    const host = await connectThroughWorker(w.id, host3.body.token);
    const paper = (
      await host.command("card.add", {
        activityId: mapId,
        lane: "day",
        kind: "idea",
        text: "Ramps on every bus",
        onBehalfOf: { group: "voluntary" },
      })
    ).result?.cardId as string;

    const harvest = await facilitator.command("cards.harvest", {
      fromActivityId: mapId,
      cardIds: [buses, drivers, paper],
      toActivityId: plenaryId,
    });
    expect(harvest.ok).toBe(true);
    const copies = harvest.result?.cardIds as string[];
    const voteId = (
      await facilitator.command("activity.add", {
        kind: "vote",
        title: "Priorities",
        config: { method: "approve", fromActivity: { activityId: plenaryId } },
      })
    ).result?.activityId as string;
    expect((await facilitator.command("activity.open", { activityId: voteId })).ok).toBe(true);
    for (const [i, phone] of phones.entries()) {
      const approved = i < 3 ? [copies[0]] : [copies[1], copies[2]];
      expect((await phone.command("ballot.submit", { activityId: voteId, ballot: { approved } })).ok).toBe(true);
    }
    expect((await facilitator.command("results.reveal", { activityId: voteId })).ok).toBe(true);

    type Report = {
      activities: {
        map?: { cards: { id: string; table?: string; origin?: Record<string, unknown> }[] };
        vote?: {
          result: {
            byTable: Record<string, { voters: number }>;
            byGroup: Record<string, unknown>;
            optionTables: Record<string, string[]>;
          };
        };
      }[];
      tables: {
        id: string;
        label: string;
        people: number;
        peopleByGroup: Record<string, number>;
        cards: { text: string; harvestedInto: string[]; transcribed: boolean }[];
        voice: { groups: unknown[] };
      }[];
    };
    const report = await eventually(async () => {
      const r = await json<Report>(`/api/workshops/${w.id}/report`, { token: w.evaluatorToken });
      const vote = r.body.activities.find((a) => a.vote)?.vote;
      // Every ballot reached D1 (the outbox may flush them over more than one alarm).
      const voters = Object.values(vote?.result.byTable ?? {}).reduce((n, t) => n + t.voters, 0);
      return vote && voters === phones.length && r.body.tables?.[2]?.cards.length ? r.body : undefined;
    }, "the session to reach D1");

    const plenary = report.activities[1]?.map?.cards ?? [];
    expect(plenary.find((c) => c.id === copies[0])?.origin).toMatchObject({
      cardId: buses,
      table: "t1",
      group: "community",
      supports: 1,
    });
    expect(plenary.find((c) => c.id === copies[2])?.origin).toMatchObject({
      cardId: paper,
      table: "t3",
      group: "voluntary",
    });
    const result = report.activities.find((a) => a.vote)?.vote?.result;
    expect(result?.byTable).toMatchObject({ t1: { voters: 3 }, t2: { voters: 3 } });
    expect(Object.keys(result?.byGroup ?? {}).sort()).toEqual(["community", "statutory"]);
    expect(result?.optionTables[copies[2] as string]).toEqual(["t3"]);

    expect(report.tables.map((t) => [t.id, t.label, t.people])).toEqual([
      ["t1", "Window", 3],
      ["t2", "Door", 3],
      ["t3", "Paper only", 0],
    ]);
    expect(report.tables[0]?.peopleByGroup).toEqual({ community: 2, statutory: 1 });
    expect(report.tables[0]?.cards).toEqual([
      expect.objectContaining({ text: "Buses at night", harvestedInto: [copies[0]], transcribed: false }),
    ]);
    expect(report.tables[2]?.cards).toEqual([
      expect.objectContaining({ text: "Ramps on every bus", transcribed: true }),
    ]);

    const csv = await json<{ rows: Record<string, unknown>[] }>(
      `/api/workshops/${w.id}/export?format=json&table=cards`,
      { token: w.evaluatorToken },
    );
    const row = csv.body.rows.find((r) => r.card_id === copies[0]);
    expect(row).toMatchObject({
      origin_card_id: buses,
      origin_table: "t1",
      origin_group: "community",
      origin_supports: 1,
    });
    expect(csv.body.rows.find((r) => r.card_id === buses)).toMatchObject({ table: "t1", origin_card_id: "" });
    for (const c of [facilitator, host, ...phones]) c.close();
  });
});

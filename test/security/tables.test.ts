/**
 * Red team for tables (#13): the host role and the table commands (`tables.set`,
 * `participant.update {table}`, `cards.harvest`, `screen.show`, `card.add {table}`).
 * Each is tried with the wrong role, the wrong table, another workshop's ids,
 * unknown fields, oversized input and a replayed command id, over the real socket
 * in workerd; every refusal must leave the shared doc as it was. The HTTP side
 * (host links, join with a table, tickets) is tried through the Worker's own fetch.
 */
import { describe, expect, it } from "vitest";
import type { RoomInit } from "../../party/model/apply";
import type { Actor } from "../../party/model/protocol";
import { labelled } from "../support/activities";
import { createWorkshop, joinWorkshop, json, ORGANISER } from "../worker/api-client";
import { evaluator, facilitator, participant, roomInit, screen, workshopId } from "../worker/support/fixtures";
import { type Json, type RoomClient, roomClients, roomStub } from "../worker/support/room-client";

const { join } = roomClients();

const TABLES = labelled({ t1: "Table 1", t2: "Table 2" });
const host = (table: string, id = `host-${table}`): Actor => ({ role: "host", id, name: "Host", group: "", table });

const mapAtTables = {
  prompt: "What gets in the way?",
  lanes: [{ id: "before", label: "Before" }],
  kinds: [{ id: "barrier", label: "Barrier", color: "#e76f51" }],
  allowLinks: true,
  at: "tables",
};
const plenaryMap = { ...mapAtTables, at: "room" };

async function roomWithTables(label: string) {
  const id = workshopId(label);
  const stub = await roomStub(id);
  const outcome = await stub.init({ ...roomInit(id), tables: TABLES } as RoomInit);
  if (!outcome.ok) throw new Error(outcome.message);
  const fac = await join(id, facilitator);
  const mapId = String(
    (await fac.ok("activity.add", { kind: "map", title: "Tables", config: mapAtTables })).activityId,
  );
  const plenaryId = String(
    (await fac.ok("activity.add", { kind: "map", title: "Plenary", config: plenaryMap })).activityId,
  );
  await fac.ok("activity.open", { activityId: mapId });
  const p1 = await join(id, { ...participant(1), table: "t1" });
  const p2 = await join(id, { ...participant(2), table: "t2" });
  const card = async (client: RoomClient, text: string) =>
    String((await client.ok("card.add", { activityId: mapId, lane: "before", kind: "barrier", text })).cardId);
  const atOne = [await card(p1, "No ramp"), await card(p1, "No ramp at all")];
  const atTwo = [await card(p2, "Too far"), await card(p2, "Much too far")];
  const h1 = await join(id, host("t1"));
  return { id, fac, p1, p2, h1, mapId, plenaryId, atOne, atTwo };
}

/** The ack must be a refusal with `code`, and `watcher`'s doc must not have changed. */
async function refusedUnchanged(client: RoomClient, watcher: RoomClient, name: string, args: Json, code: string) {
  await watcher.synced();
  const before = JSON.stringify(watcher.json());
  const ack = await client.command(name, args);
  expect(ack, `${name} ${JSON.stringify(args).slice(0, 200)}`).toMatchObject({ ok: false, error: { code } });
  await watcher.synced();
  expect(JSON.stringify(watcher.json())).toBe(before);
}

describe("the host role", () => {
  it("may not run agenda, table or people commands", async () => {
    const r = await roomWithTables("host-agenda");
    const forbidden: [string, Json][] = [
      ["activity.open", { activityId: r.plenaryId }],
      ["activity.close", { activityId: r.mapId }],
      ["room.lock", { locked: true }],
      ["results.reveal", { activityId: r.mapId }],
      ["tables.set", { tables: TABLES }],
      ["participant.update", { participantId: "p2", table: "t1" }],
      ["cards.harvest", { fromActivityId: r.mapId, cardIds: [r.atOne[0]], toActivityId: r.plenaryId }],
      ["screen.show", { table: "t1" }],
      ["participant.remove", { participantId: "p1" }],
      ["card.support", { cardId: r.atOne[0], on: true }],
      // ballot.submit: a host enters its table's paper ballots (everyone counts, test/security/everyone-counts.test.ts)
    ];
    for (const [name, args] of forbidden) await refusedUnchanged(r.h1, r.fac, name, args, "forbidden");
  });

  it("may not touch another table's cards, or add cards there", async () => {
    const r = await roomWithTables("host-wrong-table");
    const [a, b] = r.atTwo as [string, string];
    const attempts: [string, Json][] = [
      ["card.hide", { cardId: a, reason: "x" }],
      ["card.move", { cardId: a, lane: "before", x: 1 }],
      ["card.merge", { cardIds: [b], into: a }],
      ["card.merge", { cardIds: [a], into: r.atOne[0] }],
      ["link.add", { from: r.atOne[0], to: a }],
      ["card.edit", { cardId: a, text: "changed" }],
      ["card.delete", { cardId: a }],
      [
        "card.add",
        {
          activityId: r.mapId,
          lane: "before",
          kind: "barrier",
          text: "x",
          onBehalfOf: { group: "community" },
          table: "t2",
        },
      ],
    ];
    for (const [name, args] of attempts) await refusedUnchanged(r.h1, r.fac, name, args, "forbidden");
    // The same host at its own table succeeds.
    await r.h1.ok("card.hide", { cardId: r.atOne[0], reason: "Names a nurse" });
  });

  it("may not restore or unlink at another table", async () => {
    const r = await roomWithTables("host-restore");
    const [a, b] = r.atTwo as [string, string];
    await r.fac.ok("card.hide", { cardId: a, reason: "check" });
    const linkId = String((await r.fac.ok("link.add", { from: b, to: r.atTwo[1] === b ? r.atOne[1] : b })).linkId);
    await refusedUnchanged(r.h1, r.fac, "card.restore", { cardId: a }, "forbidden");
    await refusedUnchanged(r.h1, r.fac, "link.remove", { linkId }, "forbidden");
  });

  it("cannot reach another workshop's cards", async () => {
    const a = await roomWithTables("host-ws-a");
    const b = await roomWithTables("host-ws-b");
    await refusedUnchanged(a.h1, a.fac, "card.hide", { cardId: b.atOne[0], reason: "x" }, "not_found");
    await refusedUnchanged(
      a.fac,
      a.fac,
      "cards.harvest",
      { fromActivityId: a.mapId, cardIds: [b.atOne[0]], toActivityId: a.plenaryId },
      "not_found",
    );
    await refusedUnchanged(a.fac, a.fac, "participant.update", { participantId: "p99", table: "t1" }, "not_found");
  });
});

describe("table commands", () => {
  it("are the facilitator's alone", async () => {
    const r = await roomWithTables("tables-roles");
    const scr = await join(r.id, screen);
    const ev = await join(r.id, evaluator);
    const commands: [string, Json][] = [
      ["tables.set", { tables: TABLES }],
      ["participant.update", { participantId: "p2", table: "t1" }],
      ["cards.harvest", { fromActivityId: r.mapId, cardIds: [r.atOne[0]], toActivityId: r.plenaryId }],
      ["screen.show", { table: null }],
    ];
    for (const client of [r.p1, scr, ev])
      for (const [name, args] of commands) await refusedUnchanged(client, r.fac, name, args, "forbidden");
  });

  it("refuse unknown fields, bad ids, unknown tables and oversized input", async () => {
    const r = await roomWithTables("tables-input");
    const bad: [string, Json, string][] = [
      ["tables.set", { tables: TABLES, hosts: [] }, "bad_request"],
      ["tables.set", { tables: [{ id: "t1", label: "A", colour: "red" }] }, "bad_request"],
      ["tables.set", { tables: [{ id: "t 1", label: "A" }] }, "bad_request"],
      ["tables.set", { tables: [{ id: "t1", label: "x".repeat(61) }] }, "bad_request"],
      [
        "tables.set",
        { tables: Array.from({ length: 51 }, (_, i) => ({ id: `t${i}`, label: `Table ${i}` })) },
        "bad_request",
      ],
      ["tables.set", { tables: [TABLES[0], TABLES[0]] }, "bad_request"],
      ["participant.update", { participantId: "p1", seat: "t2" }, "bad_request"],
      ["participant.update", { participantId: "p1", table: "t9" }, "bad_request"],
      ["participant.update", { participantId: "p1", table: 3 }, "bad_request"],
      ["screen.show", { table: "t1", zoom: 2 }, "bad_request"],
      ["screen.show", { table: "t9" }, "bad_request"],
      ["screen.show", {}, "bad_request"],
      [
        "cards.harvest",
        { fromActivityId: r.mapId, cardIds: [r.atOne[0]], toActivityId: r.plenaryId, keepVotes: true },
        "bad_request",
      ],
      ["cards.harvest", { fromActivityId: r.mapId, cardIds: [], toActivityId: r.plenaryId }, "bad_request"],
      [
        "cards.harvest",
        { fromActivityId: r.mapId, cardIds: Array.from({ length: 201 }, () => r.atOne[0]), toActivityId: r.plenaryId },
        "bad_request",
      ],
      ["cards.harvest", { fromActivityId: r.plenaryId, cardIds: r.atOne, toActivityId: r.mapId }, "bad_request"],
      [
        "cards.harvest",
        { fromActivityId: r.mapId, cardIds: ["x".repeat(70_000)], toActivityId: r.plenaryId },
        "too_large",
      ],
      ["card.add", { activityId: r.mapId, lane: "before", kind: "barrier", text: "x", table: "t9" }, "bad_request"],
    ];
    // Several facilitator connections (each its own watcher: a sync is a message too), so the
    // per-connection rate limit is not what refuses them.
    const facs = [r.fac, await join(r.id, facilitator), await join(r.id, facilitator)];
    for (const [i, [name, args, code]] of bad.entries()) {
      const fac = facs[i % facs.length] as RoomClient;
      await refusedUnchanged(fac, fac, name, args, code);
    }
    // A participant cannot pick another table for a card.
    await refusedUnchanged(
      r.p1,
      r.fac,
      "card.add",
      { activityId: r.mapId, lane: "before", kind: "barrier", text: "x", table: "t2" },
      "forbidden",
    );
  });

  it("applies a replayed harvest or seat change once and answers it the same", async () => {
    const r = await roomWithTables("tables-replay");
    const args = { fromActivityId: r.mapId, cardIds: r.atOne, toActivityId: r.plenaryId };
    const first = await r.fac.command("cards.harvest", args, "harvest-1");
    const again = await r.fac.command("cards.harvest", args, "harvest-1");
    expect(again).toEqual(first);
    await r.fac.synced();
    const plenary = Object.values(r.fac.json().cards as Record<string, Json>).filter(
      (c) => c.activityId === r.plenaryId,
    );
    expect(plenary).toHaveLength(2);
    const seat = await r.fac.command("participant.update", { participantId: "p1", table: "t2" }, "seat-1");
    expect(await r.fac.command("participant.update", { participantId: "p1", table: "t2" }, "seat-1")).toEqual(seat);
  });
});

describe("host links and joining at a table, over HTTP", () => {
  it("refuses a host link for another workshop, unknown fields and oversized labels", async () => {
    const a = await createWorkshop({ tables: 2 });
    const b = await createWorkshop({ tables: 2 });
    const mint = (workshopId: string, token: string, body: Json) =>
      json(`/api/workshops/${workshopId}/tokens`, { token, body });
    expect((await mint(a.id, b.facilitatorToken, { role: "host", table: "t1" })).status).toBe(403);
    const p = await joinWorkshop(a.joinCode, { table: "t1" });
    expect((await mint(a.id, p.token, { role: "host", table: "t1" })).status).toBe(403);
    expect((await mint(a.id, a.screenToken, { role: "host", table: "t1" })).status).toBe(403);
    expect((await mint(a.id, a.facilitatorToken, { role: "host", table: "t1", scope: "all" })).status).toBe(400);
    expect((await mint(a.id, a.facilitatorToken, { role: "host", table: "t1", label: "x".repeat(61) })).status).toBe(
      400,
    );
    expect((await mint(a.id, a.facilitatorToken, { role: "host", table: "x".repeat(65) })).status).toBe(400);
    const hostB = await mint(b.id, b.facilitatorToken, { role: "host", table: "t1" });
    const token = (hostB.body as { token: string }).token;
    // Another workshop's host token: no ticket for workshop A, no settings, no tokens.
    const ticket = await json("/api/tickets", { method: "POST", token, body: { workshopId: a.id } });
    expect(ticket.status).toBe(403);
    expect((await json(`/api/workshops/${a.id}`, { token })).status).toBe(403);
    expect((await mint(b.id, token, { role: "host", table: "t2" })).status).toBe(403);
    expect((await json(`/api/workshops/${b.id}/report`, { token })).status).toBe(403);
  });

  it("refuses a table on join that is not the workshop's, or not an id", async () => {
    const w = await createWorkshop({ tables: 2 });
    for (const table of ["t9", "x".repeat(65), 3, null]) {
      const res = await json(`/api/join/${w.joinCode}`, { body: { group: "community", consent: true, table } });
      expect(res.status, String(table)).toBe(400);
    }
    const bad = await json("/api/workshops", {
      token: ORGANISER,
      body: { title: "Bad tables", tables: [{ id: "t1", label: "A", host: "me" }] },
    });
    expect(bad.status).toBe(400);
  });
});

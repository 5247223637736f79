/**
 * Tables (#13): tables at creation and live, seating people, maps at tables, the
 * harvest to the plenary and a vote whose results trace back to tables and groups.
 */
import { describe, expect, it } from "vitest";
import type { Actor } from "../../party/model/protocol";
import { tablesFrom } from "../../party/model/tables";
import type { Tally } from "../../party/model/tally";
import { labelled } from "../support/activities";
import { facilitator, mapConfig, person, TestRoom, typicalRoom } from "./support/room";

const SIX = tablesFrom(6);

function roomAtTables() {
  const room = typicalRoom();
  room.ok(facilitator, "tables.set", { tables: SIX.slice(0, 2) });
  const map = String(
    room.ok(facilitator, "activity.add", {
      kind: "map",
      title: "At the tables",
      config: mapConfig({ at: "tables" }),
    }).activityId,
  );
  const plenary = String(
    room.ok(facilitator, "activity.add", { kind: "map", title: "Plenary", config: mapConfig() }).activityId,
  );
  room.ok(facilitator, "activity.open", { activityId: map });
  return { room, map, plenary };
}

function seat(room: TestRoom, actor: Actor, table: string | null): Actor {
  room.join(actor);
  room.ok(facilitator, "participant.update", { participantId: actor.id, table });
  return actor;
}

const addCard = (room: TestRoom, actor: Actor, activityId: string, text: string, extra = {}) =>
  String(room.ok(actor, "card.add", { activityId, lane: "waiting", kind: "idea", text, ...extra }).cardId);

describe("tables", () => {
  it("turns a count into numbered tables, and keeps a list as given", () => {
    expect(tablesFrom(2)).toEqual(labelled({ t1: "Table 1", t2: "Table 2" }));
    expect(tablesFrom([{ id: "window", label: "By the window" }])).toEqual([{ id: "window", label: "By the window" }]);
    expect(tablesFrom(undefined)).toEqual([]);
  });

  it("starts a workshop with its tables", () => {
    const room = new TestRoom();
    room.init({ activities: [], tables: SIX });
    expect(room.workshop.tables).toHaveLength(6);
  });

  it("adds a late table and renames one live, but keeps a table with people or cards", () => {
    const { room, map } = roomAtTables();
    const a = seat(room, person("a"), "t1");
    addCard(room, a, map, "Buses");
    room.ok(facilitator, "tables.set", {
      tables: [{ id: "t1", label: "By the window" }, SIX[1], { id: "late", label: "Late table" }],
    });
    expect(room.workshop.tables?.map((t) => t.label)).toEqual(["By the window", "Table 2", "Late table"]);
    room.refused(facilitator, "tables.set", { tables: [SIX[1]] }, "conflict", /By the window/);
    // An empty table may go.
    room.ok(facilitator, "tables.set", { tables: [{ id: "t1", label: "By the window" }, SIX[1]] });
    expect(room.workshop.tables).toHaveLength(2);
  });

  it("refuses duplicate ids, unknown fields and too many tables", () => {
    const { room } = roomAtTables();
    room.refused(facilitator, "tables.set", { tables: [SIX[0], SIX[0]] }, "bad_request", /unique/);
    room.refused(facilitator, "tables.set", { tables: SIX, colour: "red" }, "bad_request");
    room.refused(facilitator, "tables.set", { tables: [{ id: "t1", label: "A", host: "x" }] }, "bad_request");
    room.refused(
      facilitator,
      "tables.set",
      { tables: tablesFrom(50).concat([{ id: "x", label: "X" }]) },
      "bad_request",
    );
  });
});

describe("seating people", () => {
  it("seats someone at the table they picked when joining, if it exists", () => {
    const { room } = roomAtTables();
    room.join({ ...person("a"), table: "t2" });
    room.join({ ...person("b"), table: "t9" });
    expect(room.r.participants.get("a")?.table).toBe("t2");
    expect(room.r.participants.get("b")?.table).toBeUndefined();
  });

  it("moves a person between tables, tells their phone privately, and unseats them", () => {
    const { room, map } = roomAtTables();
    const a = seat(room, person("a"), "t1");
    const atOne = addCard(room, a, map, "Buses");
    room.ok(facilitator, "participant.update", { participantId: "a", table: "t2" });
    expect(room.r.participants.get("a")?.table).toBe("t2");
    expect(room.privates.at(-1)).toEqual({ to: "a", message: { type: "private", kind: "seat", table: "t2" } });
    // What they said at table 1 stays there.
    expect(room.card(atOne)?.table).toBe("t1");
    expect(room.card(addCard(room, a, map, "Parking"))?.table).toBe("t2");
    room.ok(facilitator, "participant.update", { participantId: "a", table: null });
    expect(room.r.participants.get("a")?.table).toBeUndefined();
    room.refused(a, "card.add", { activityId: map, lane: "waiting", kind: "idea", text: "x" }, "conflict", /table/);
  });

  it("corrects a group and seats in one command, and refuses unknown tables and people", () => {
    const { room } = roomAtTables();
    seat(room, person("a", "community"), "t1");
    room.ok(facilitator, "participant.update", { participantId: "a", group: "statutory", table: "t2" });
    expect(room.r.participants.get("a")).toMatchObject({ group: "statutory", table: "t2" });
    room.refused(facilitator, "participant.update", { participantId: "a", table: "t9" }, "bad_request", /t9/);
    room.refused(facilitator, "participant.update", { participantId: "zz", table: "t1" }, "not_found");
    room.refused(facilitator, "participant.update", { participantId: "a", seat: "t1" }, "bad_request");
  });
});

describe("a map at tables", () => {
  it("puts each card at its author's table, and a facilitator's at the table they name", () => {
    const { room, map } = roomAtTables();
    const a = seat(room, person("a"), "t1");
    const b = seat(room, person("b"), "t2");
    expect(room.card(addCard(room, a, map, "Buses"))?.table).toBe("t1");
    expect(room.card(addCard(room, b, map, "Drivers"))?.table).toBe("t2");
    room.refused(
      a,
      "card.add",
      { activityId: map, lane: "waiting", kind: "idea", text: "x", table: "t2" },
      "forbidden",
    );
    room.refused(facilitator, "card.add", { activityId: map, lane: "waiting", kind: "idea", text: "x" }, "bad_request");
    expect(
      room.card(addCard(room, facilitator, map, "Paper", { table: "t2", onBehalfOf: { group: "community" } })),
    ).toMatchObject({ table: "t2", group: "community", transcribed: true });
  });

  it("lets participants support and comment only at their own table", () => {
    const { room, map } = roomAtTables();
    const a = seat(room, person("a"), "t1");
    const b = seat(room, person("b"), "t2");
    const theirs = addCard(room, b, map, "Drivers");
    room.refused(a, "card.support", { cardId: theirs, on: true }, "forbidden", /another table/);
    room.refused(a, "comment.add", { cardId: theirs, text: "Yes" }, "forbidden", /another table/);
    room.ok(b, "card.support", { cardId: theirs, on: true });
  });

  it("works with a table nobody is at on a phone: its host transcribes the paper", () => {
    const { room, map } = roomAtTables();
    const host: Actor = { role: "host", id: "h2", name: "Host", group: "", table: "t2" };
    const card = addCard(room, host, map, "Paper card", { onBehalfOf: { group: "voluntary" } });
    expect(room.card(card)).toMatchObject({ table: "t2", group: "voluntary", transcribed: true, authorId: "h2" });
    room.refused(host, "card.add", { activityId: map, lane: "waiting", kind: "idea", text: "x" }, "bad_request");
  });

  it("keeps hosts off maps for the whole room", () => {
    const { room, plenary } = roomAtTables();
    room.ok(facilitator, "activity.open", { activityId: plenary });
    const host: Actor = { role: "host", id: "h1", name: "Host", group: "", table: "t1" };
    room.refused(
      host,
      "card.add",
      { activityId: plenary, lane: "waiting", kind: "idea", text: "x", onBehalfOf: { group: "community" } },
      "forbidden",
    );
  });
});

describe("the projector", () => {
  it("shows one table or all of them", () => {
    const { room } = roomAtTables();
    room.ok(facilitator, "screen.show", { table: "t2" });
    expect(room.workshop.screenTable).toBe("t2");
    room.refused(facilitator, "screen.show", { table: "t9" }, "bad_request");
    room.refused(facilitator, "tables.set", { tables: [SIX[0]] }, "conflict", /projector/);
    room.ok(facilitator, "screen.show", { table: null });
    expect(room.workshop.screenTable).toBeNull();
  });
});

describe("the harvest and the vote after it", () => {
  function harvested() {
    const { room, map, plenary } = roomAtTables();
    const people = {
      t1: ["a", "b", "c"].map((id, i) => seat(room, person(id, i === 0 ? "community" : "statutory"), "t1")),
      t2: ["d", "e", "f"].map((id, i) => seat(room, person(id, i === 2 ? "statutory" : "community"), "t2")),
    };
    const [a, b, c] = people.t1 as [Actor, Actor, Actor];
    const [d, e] = people.t2 as [Actor, Actor, Actor];
    const buses = addCard(room, a, map, "Buses at night");
    const busesToo = addCard(room, b, map, "Late buses");
    room.ok(facilitator, "card.merge", { cardIds: [busesToo], into: buses });
    room.ok(c, "card.support", { cardId: buses, on: true });
    const drivers = addCard(room, d, map, "Volunteer drivers");
    room.ok(e, "card.support", { cardId: drivers, on: true });
    const result = room.ok(facilitator, "cards.harvest", {
      fromActivityId: map,
      cardIds: [buses, drivers],
      toActivityId: plenary,
    });
    return { room, map, plenary, buses, busesToo, drivers, people, copies: result.cardIds as string[] };
  }

  it("brings cards to the plenary keeping table, group, original card and supports", () => {
    const { room, map, plenary, buses, busesToo, drivers, copies } = harvested();
    expect(copies).toHaveLength(2);
    const [one, two] = copies.map((id) => room.card(id));
    expect(one).toMatchObject({
      activityId: plenary,
      text: "Buses at night",
      group: "community",
      lane: "waiting",
      origin: { activityId: map, cardId: buses, table: "t1", group: "community", supports: 1, mergedFrom: [busesToo] },
    });
    expect(one?.supports).toEqual([room.r.participants.get("c")?.id]);
    expect(one?.table).toBeUndefined();
    expect(two?.origin).toMatchObject({ cardId: drivers, table: "t2", group: "community", supports: 1 });
  });

  it("adds nothing twice when the harvest is repeated", () => {
    const { room, map, plenary, buses } = harvested();
    const again = room.ok(facilitator, "cards.harvest", {
      fromActivityId: map,
      cardIds: [buses],
      toActivityId: plenary,
    });
    expect(again).toEqual({ cardIds: [], skipped: [buses] });
  });

  it("refuses a harvest into a map at tables, an unknown lane or a card from elsewhere", () => {
    const { room, map, plenary, copies } = harvested();
    room.refused(
      facilitator,
      "cards.harvest",
      { fromActivityId: plenary, cardIds: copies, toActivityId: map },
      "bad_request",
    );
    room.refused(
      facilitator,
      "cards.harvest",
      { fromActivityId: map, cardIds: copies, toActivityId: plenary },
      "bad_request",
      /not on/,
    );
    room.refused(
      facilitator,
      "cards.harvest",
      { fromActivityId: map, cardIds: ["nope"], toActivityId: plenary, lane: "x" },
      "bad_request",
      /lane/,
    );
  });

  it("feeds a vote whose results carry byTable, byGroup and the tables each option came from", () => {
    const { room, plenary, people, copies } = harvested();
    const vote = String(
      room.ok(facilitator, "activity.add", {
        kind: "vote",
        title: "Priorities",
        config: { method: "dots", dots: 3, maxPerOption: 3, fromActivity: { activityId: plenary } },
      }).activityId,
    );
    room.ok(facilitator, "activity.open", { activityId: vote });
    const options = (room.activity(vote).config as { options: { id: string; cardIds: string[] }[] }).options;
    const [first] = copies;
    const option = options.find((o) => o.id === first);
    expect(option?.cardIds).toEqual(expect.arrayContaining([first, room.card(first as string)?.origin?.cardId]));
    for (const voter of [...people.t1, ...people.t2]) {
      room.ok(voter, "ballot.submit", { activityId: vote, ballot: { allocations: { [first as string]: 2 } } });
    }
    room.ok(facilitator, "results.reveal", { activityId: vote });
    const result = room.r.results.get(vote) as unknown as Tally;
    expect(Object.keys(result.byTable).sort()).toEqual(["t1", "t2"]);
    expect(result.byTable.t1).toMatchObject({ voters: 3, totals: { [first as string]: 6 } });
    expect(Object.keys(result.byGroup).sort()).toEqual(["community", "statutory"]);
    expect(result.optionTables[first as string]).toEqual(["t1"]);
  });

  it("folds a table with fewer than three voters into other, like a small group", () => {
    const { room, plenary, people, copies } = harvested();
    const lone = seat(room, person("g", "voluntary"), "t2");
    room.ok(facilitator, "participant.update", { participantId: lone.id, table: "t1" });
    room.ok(facilitator, "participant.update", { participantId: "f", table: "t1" });
    const vote = String(
      room.ok(facilitator, "activity.add", {
        kind: "vote",
        title: "Priorities",
        config: { method: "approve", fromActivity: { activityId: plenary } },
      }).activityId,
    );
    room.ok(facilitator, "activity.open", { activityId: vote });
    // t1 now has a, b, c, f, g; t2 has d and e: two voters are too few to show.
    for (const voter of [...people.t1, ...people.t2, lone])
      room.ok(voter, "ballot.submit", { activityId: vote, ballot: { approved: [copies[0] as string] } });
    room.ok(facilitator, "results.reveal", { activityId: vote });
    const result = room.r.results.get(vote) as unknown as Tally;
    expect(result.mergedTables).toContain("t2");
    expect(Object.values(result.byTable).every((t) => t.voters >= 3)).toBe(true);
  });
});

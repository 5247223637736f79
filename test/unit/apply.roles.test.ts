/**
 * The full role × command table: every role tries every command in a room where
 * the command would otherwise succeed. Allowed ⇒ it succeeds; not allowed ⇒
 * `forbidden`, and nothing changes.
 */
import { describe, expect, it } from "vitest";
import { COMMAND_NAMES, type CommandName, mayRun, ROLES, type Role } from "../../party/model/commands";
import type { Actor } from "../../party/model/protocol";
import { labelled } from "../support/activities";
import {
  evaluator,
  facilitator,
  interpreter,
  kiosk,
  mapConfig,
  organiser,
  person,
  screen,
  type TestRoom,
  typicalRoom,
} from "./support/room";

type Room = ReturnType<typeof typicalRoom>;
interface Scene {
  room: Room;
  c1: string;
  c2: string;
  extra: Record<string, string>;
}
type Cell = { setup?: (s: Scene) => void; args: (s: Scene) => unknown };

/**
 * Everyone counts: a kiosk names the group and turn of the person at it; a facilitator
 * votes or gives feedback only for a person on paper. Other roles send the cell's args as they are.
 */
const KIOSK_TURN = { group: "community", turn: "turn-0001" };
function argsFor(role: Role, name: CommandName, args: unknown): unknown {
  const base = args as Record<string, unknown>;
  if (
    role === "kiosk" &&
    ["card.add", "card.support", "comment.add", "ballot.submit", "feedback.submit"].includes(name)
  )
    return { ...base, onBehalfOf: KIOSK_TURN };
  if (role === "facilitator" && (name === "ballot.submit" || name === "feedback.submit"))
    return { ...base, onBehalfOf: { group: "voluntary" }, source: "paper" };
  return args;
}

const p1 = person("p1", "community");
const p2 = person("p2", "statutory");

function scene(): Scene {
  const room = typicalRoom();
  room.join(p1);
  room.join(p2);
  room.ok(facilitator, "activity.open", { activityId: room.ids.map });
  const c1 = String(
    room.ok(p1, "card.add", {
      activityId: room.ids.map,
      lane: "waiting",
      kind: "problem",
      text: "Six weeks for a letter",
    }).cardId,
  );
  const c2 = String(
    room.ok(p2, "card.add", { activityId: room.ids.map, lane: "treatment", kind: "works", text: "Kind nurses" }).cardId,
  );
  return { room, c1, c2, extra: {} };
}

function addMap(room: TestRoom, mode: string): string {
  return String(
    room.ok(facilitator, "activity.add", { kind: "map", title: `A ${mode} map`, config: mapConfig({ mode }) })
      .activityId,
  );
}

/** ballot.remove / feedback.remove: a paper answer the facilitator entered for a group, to take back. */
function paperAnswerRemoval(kind: "ballot" | "feedback"): Cell {
  const activityId = (s: Scene) => (kind === "ballot" ? s.room.ids.vote : s.room.ids.feedback);
  const idKey = `${kind}Id` as const;
  const answer = kind === "ballot" ? { ballot: { allocations: { transport: 1 } } } : { answers: { listened: 5 } };
  return {
    setup: (s) => {
      s.room.ok(facilitator, "activity.open", { activityId: activityId(s) });
      s.extra[kind] = String(
        s.room.ok(facilitator, `${kind}.submit`, {
          activityId: activityId(s),
          ...answer,
          onBehalfOf: { group: "community" },
          source: "paper",
        })[idKey],
      );
    },
    args: (s) => ({ activityId: activityId(s), [idKey]: s.extra[kind] }),
  };
}

const CELLS: Record<CommandName, Cell> = {
  "activity.add": { args: () => ({ kind: "info", title: "Break", config: { prompt: "Ten minutes" } }) },
  "activity.update": { args: (s) => ({ activityId: s.room.ids.info, title: "Welcome back" }) },
  "activity.remove": { args: (s) => ({ activityId: s.room.ids.info }) },
  "activity.move": { args: (s) => ({ activityId: s.room.ids.info, index: 0 }) },
  "activity.open": { args: (s) => ({ activityId: s.room.ids.vote }) },
  "activity.close": { args: (s) => ({ activityId: s.room.ids.map }) },
  "activity.openToAll": {
    setup: (s) => {
      s.extra.map = addMap(s.room, "community-first");
    },
    args: (s) => ({ activityId: s.extra.map }),
  },
  "cards.reveal": {
    setup: (s) => {
      s.extra.map = addMap(s.room, "silent");
    },
    args: (s) => ({ activityId: s.extra.map }),
  },
  "room.lock": { args: () => ({ locked: true }) },
  "room.joining": { args: () => ({ open: false }) },
  "timer.start": { args: () => ({ seconds: 300 }) },
  "timer.stop": { args: () => ({}) },
  "results.reveal": {
    setup: (s) => s.room.ok(facilitator, "activity.open", { activityId: s.room.ids.vote }),
    args: (s) => ({ activityId: s.room.ids.vote }),
  },
  "screen.showVoice": { args: () => ({ show: true }) },
  "workshop.close": { args: () => ({}) },
  "card.move": { args: (s) => ({ cardId: s.c1, lane: "treatment", x: 10, y: 20 }) },
  "card.hide": { args: (s) => ({ cardId: s.c2, reason: "Names a member of staff" }) },
  "card.restore": {
    setup: (s) => s.room.ok(facilitator, "card.hide", { cardId: s.c2, reason: "Check with author" }),
    args: (s) => ({ cardId: s.c2 }),
  },
  "card.merge": { args: (s) => ({ cardIds: [s.c2], into: s.c1 }) },
  "link.add": { args: (s) => ({ from: s.c1, to: s.c2, label: "leads to" }) },
  "link.remove": {
    setup: (s) => {
      s.extra.link = String(s.room.ok(facilitator, "link.add", { from: s.c1, to: s.c2 }).linkId);
    },
    args: (s) => ({ linkId: s.extra.link }),
  },
  "participant.remove": { args: () => ({ participantId: p2.id }) },
  // session (#19): approving cards held for review
  "cards.approve": { args: (s) => ({ cardIds: [s.c1] }) },
  "card.add": { args: (s) => ({ activityId: s.room.ids.map, lane: "waiting", kind: "idea", text: "Text reminders" }) },
  "card.edit": { args: (s) => ({ cardId: s.c1, text: "Eight weeks for a letter" }) },
  "card.delete": { args: (s) => ({ cardId: s.c1 }) },
  "card.support": { args: (s) => ({ cardId: s.c2, on: true }) },
  "comment.add": { args: (s) => ({ cardId: s.c2, text: "Same on the ward" }) },
  "ballot.submit": {
    setup: (s) => s.room.ok(facilitator, "activity.open", { activityId: s.room.ids.vote }),
    args: (s) => ({ activityId: s.room.ids.vote, ballot: { allocations: { transport: 2 } } }),
  },
  "feedback.submit": {
    setup: (s) => s.room.ok(facilitator, "activity.open", { activityId: s.room.ids.feedback }),
    args: (s) => ({ activityId: s.room.ids.feedback, answers: { listened: 4 } }),
  },
  "me.update": { args: () => ({ name: "Teal Otter 12" }) },
  "me.withdraw": { args: () => ({}) },
  // ---- tables (#13) ----
  "tables.set": { args: () => ({ tables: TWO_TABLES }) },
  "participant.update": {
    setup: (s) => s.room.ok(facilitator, "tables.set", { tables: TWO_TABLES }),
    args: () => ({ participantId: p2.id, table: "t1" }),
  },
  "cards.harvest": {
    setup: (s) => {
      s.extra.plenary = addMap(s.room, "open");
    },
    args: (s) => ({ fromActivityId: s.room.ids.map, cardIds: [s.c1], toActivityId: s.extra.plenary }),
  },
  "screen.show": { args: () => ({ table: null }) },
  // everyone counts (issue 14)
  "ballot.remove": paperAnswerRemoval("ballot"),
  "feedback.remove": paperAnswerRemoval("feedback"),
  "attendance.set": { args: () => ({ group: "community", count: 6 }) },
  "translation.set": { args: (s) => ({ target: `card.${s.c1}`, language: "ur", text: "خط کے لیے چھ ہفتے" }) },
  "screen.language": { args: () => ({ language: "ur" }) },
  // ---- voice (#16) ----
  "cards.suggest": { args: (s) => ({ activityId: s.room.ids.map }) },
};

const ACTORS: Record<Exclude<Role, "host">, Actor> = {
  organiser,
  facilitator,
  participant: p1,
  screen,
  evaluator,
  kiosk: kiosk(),
  interpreter: interpreter("ur"),
  // Co-delivery (#15): partners never enter the room; if one did, it could run nothing.
  partner: { role: "partner", id: "par1", name: "Housing team", group: "" },
};

describe("role × command table", () => {
  it("covers every command", () => {
    expect(Object.keys(CELLS).sort()).toEqual([...COMMAND_NAMES].sort());
  });

  // A host acts only at a table: its rows are in "host × command" below, in a room at tables.
  for (const role of ROLES.filter((r): r is Exclude<Role, "host"> => r !== "host")) {
    for (const name of COMMAND_NAMES) {
      const allowed = mayRun(role, name);
      it(`${role} ${allowed ? "may" : "may not"} run ${name}`, () => {
        const s = scene();
        CELLS[name].setup?.(s);
        const args = argsFor(role, name, CELLS[name].args(s));
        if (!allowed) {
          s.room.refused(ACTORS[role], name, args, "forbidden", /may not run/);
        } else if (role === "facilitator" && name === "me.update") {
          // Facilitators may send participant commands, but have no participant profile to update.
          s.room.refused(ACTORS[role], name, args, "bad_request", /Only participants/);
        } else {
          expect(s.room.run(ACTORS[role], name, args)).toMatchObject({ ok: true });
        }
      });
    }
  }
});

// ---- tables (#13): the host row of the table, in a room whose map is at tables ----

const TWO_TABLES = labelled({ t1: "Table 1", t2: "Table 2" });
const host: Actor = { role: "host", id: "host1", name: "Host, Table 1", group: "", table: "t1" };

interface TableScene {
  room: Room;
  map: string;
  /** at table 1 (the host's): two participants' cards and one the host transcribed */
  mine: string[];
  hosts: string;
  /** at table 2 */
  theirs: string[];
  extra: Record<string, string>;
}

function tableScene(): TableScene {
  const room = typicalRoom();
  room.ok(facilitator, "tables.set", { tables: TWO_TABLES });
  const map = String(
    room.ok(facilitator, "activity.add", {
      kind: "map",
      title: "At the tables",
      config: mapConfig({ at: "tables", allowLinks: true }),
    }).activityId,
  );
  room.ok(facilitator, "activity.open", { activityId: map });
  const seat = (actor: Actor, table: string) => {
    room.join(actor);
    room.ok(facilitator, "participant.update", { participantId: actor.id, table });
    return actor;
  };
  const a = seat(person("a1", "community"), "t1");
  const b = seat(person("b1", "statutory"), "t1");
  const c = seat(person("c2", "community"), "t2");
  const d = seat(person("d2", "voluntary"), "t2");
  const add = (actor: Actor, text: string, extra: Record<string, unknown> = {}) =>
    String(room.ok(actor, "card.add", { activityId: map, lane: "waiting", kind: "idea", text, ...extra }).cardId);
  const mine = [add(a, "Buses at night"), add(b, "A named contact")];
  const hosts = add(host, "From the paper sheet", { onBehalfOf: { group: "community" } });
  const theirs = [add(c, "Drop-in hours"), add(d, "Volunteer drivers")];
  return { room, map, mine, hosts, theirs, extra: {} };
}

type HostCell = {
  setup?: (s: TableScene) => void;
  /** arguments acting at the host's own table: allowed */
  own: (s: TableScene) => unknown;
  /** the same at another table: forbidden */
  other: (s: TableScene) => unknown;
};

const HOST_CELLS: Partial<Record<CommandName, HostCell>> = {
  "card.add": {
    own: (s) => paperCard(s),
    other: (s) => ({ ...paperCard(s), table: "t2" }),
  },
  "card.edit": {
    own: (s) => ({ cardId: s.hosts, text: "From the paper sheet, corrected" }),
    other: (s) => ({ cardId: s.theirs[0], text: "Rewritten" }),
  },
  "card.delete": { own: (s) => ({ cardId: s.hosts }), other: (s) => ({ cardId: s.theirs[0] }) },
  "card.move": {
    own: (s) => ({ cardId: s.mine[0], lane: "treatment" }),
    other: (s) => ({ cardId: s.theirs[0], lane: "treatment" }),
  },
  "card.hide": {
    own: (s) => ({ cardId: s.mine[0], reason: "Names a nurse" }),
    other: (s) => ({ cardId: s.theirs[0], reason: "Names a nurse" }),
  },
  "card.restore": {
    setup: (s) => {
      s.room.ok(facilitator, "card.hide", { cardId: s.mine[0], reason: "Check" });
      s.room.ok(facilitator, "card.hide", { cardId: s.theirs[0], reason: "Check" });
    },
    own: (s) => ({ cardId: s.mine[0] }),
    other: (s) => ({ cardId: s.theirs[0] }),
  },
  "card.merge": {
    own: (s) => ({ cardIds: [s.mine[1]], into: s.mine[0] }),
    other: (s) => ({ cardIds: [s.theirs[1]], into: s.theirs[0] }),
  },
  "link.add": {
    own: (s) => ({ from: s.mine[0], to: s.mine[1] }),
    other: (s) => ({ from: s.mine[0], to: s.theirs[0] }),
  },
  "link.remove": {
    setup: (s) => {
      s.extra.own = String(s.room.ok(facilitator, "link.add", { from: s.mine[0], to: s.mine[1] }).linkId);
      s.extra.other = String(s.room.ok(facilitator, "link.add", { from: s.theirs[0], to: s.theirs[1] }).linkId);
    },
    own: (s) => ({ linkId: s.extra.own }),
    other: (s) => ({ linkId: s.extra.other }),
  },
  // ---- everyone counts (issue 14): a host enters its own table's paper ballots, forms and head counts ----
  "ballot.submit": {
    setup: (s) => s.room.ok(facilitator, "activity.open", { activityId: s.room.ids.vote }),
    own: (s) => ({ ...paperBallot(s), onBehalfOf: { group: "community" } }),
    other: (s) => ({ ...paperBallot(s), onBehalfOf: { group: "community", table: "t2" } }),
  },
  "feedback.submit": {
    setup: (s) => s.room.ok(facilitator, "activity.open", { activityId: s.room.ids.feedback }),
    own: (s) => ({ ...paperForm(s), onBehalfOf: { group: "community", table: "t1" } }),
    other: (s) => ({ ...paperForm(s), onBehalfOf: { group: "community", table: "t2" } }),
  },
  "ballot.remove": paperRemoval("ballot"),
  "feedback.remove": paperRemoval("feedback"),
  "attendance.set": {
    own: () => ({ group: "community", count: 3 }),
    other: () => ({ group: "community", count: 3, table: "t2" }),
  },
};

/** A card the host transcribes from paper for a group (at its own table unless `table` says otherwise). */
function paperCard(s: TableScene) {
  return { activityId: s.map, lane: "waiting", kind: "idea", text: "Paper", onBehalfOf: { group: "voluntary" } };
}
function paperBallot(s: TableScene) {
  return { activityId: s.room.ids.vote, ballot: { allocations: { transport: 1 } }, source: "paper" };
}
function paperForm(s: TableScene) {
  return { activityId: s.room.ids.feedback, answers: { listened: 3 }, source: "paper" };
}

/**
 * ballot.remove / feedback.remove: the facilitator enters a paper answer at each table;
 * the host may take back the one at its own table (t1), not the other (t2).
 */
function paperRemoval(kind: "ballot" | "feedback"): HostCell {
  const activityId = (s: TableScene) => (kind === "ballot" ? s.room.ids.vote : s.room.ids.feedback);
  const idKey = `${kind}Id` as const;
  return {
    setup: (s) => {
      s.room.ok(facilitator, "activity.open", { activityId: activityId(s) });
      const paper = kind === "ballot" ? paperBallot(s) : paperForm(s);
      for (const table of ["t1", "t2"])
        s.extra[table] = String(
          s.room.ok(facilitator, `${kind}.submit`, { ...paper, onBehalfOf: { group: "community", table } })[idKey],
        );
    },
    own: (s) => ({ activityId: activityId(s), [idKey]: s.extra.t1 }),
    other: (s) => ({ activityId: activityId(s), [idKey]: s.extra.t2 }),
  };
}

describe("host × command", () => {
  it("has a cell for every command a host may run", () => {
    expect(Object.keys(HOST_CELLS).sort()).toEqual(COMMAND_NAMES.filter((n) => mayRun("host", n)).sort());
  });

  for (const name of COMMAND_NAMES) {
    const cell = HOST_CELLS[name];
    if (!cell) {
      it(`host may not run ${name}`, () => {
        const s = scene();
        CELLS[name].setup?.(s);
        s.room.refused(host, name, CELLS[name].args(s), "forbidden", /may not run/);
      });
      continue;
    }
    it(`host may run ${name} at its own table`, () => {
      const s = tableScene();
      cell.setup?.(s);
      expect(s.room.run(host, name, cell.own(s))).toMatchObject({ ok: true });
    });
    it(`host may not run ${name} at another table`, () => {
      const s = tableScene();
      cell.setup?.(s);
      s.room.refused(host, name, cell.other(s), "forbidden");
    });
  }
});

describe("command names", () => {
  it("refuses an unknown command without touching the doc", () => {
    scene().room.refused(facilitator, "card.explode", {}, "unknown_command", /card\.explode/);
  });

  it("does not treat inherited object keys as commands", () => {
    scene().room.refused(facilitator, "toString", {}, "unknown_command");
  });
});

describe("arguments", () => {
  it("refuses arguments that are not an object, naming the problem", () => {
    const { room } = scene();
    room.refused(facilitator, "room.lock", "locked", "bad_request");
    room.refused(facilitator, "room.lock", [true], "bad_request");
    room.refused(facilitator, "card.move", { cardId: "bad id!" }, "bad_request", /cardId/);
  });

  it("treats missing arguments as empty", () => {
    const { room } = scene();
    expect(room.run(facilitator, "timer.stop", undefined)).toMatchObject({ ok: true });
    room.refused(facilitator, "room.lock", undefined, "bad_request", /locked/);
  });
});

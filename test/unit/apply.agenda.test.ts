/** Facilitators shape the agenda: add, update, remove and move activities. */
import { describe, expect, it } from "vitest";
import type { ErrorCode } from "../../party/model/protocol";
import { facilitator, mapConfig, person, type TestRoom, typicalRoom, voteConfig } from "./support/room";

describe("activity.add", () => {
  /** The facilitator's activity.add, refused with `code` (and a message matching `message`). */
  const addRefused = (room: TestRoom, args: unknown, code: ErrorCode, message?: RegExp) =>
    room.refused(facilitator, "activity.add", args, code, message);

  it("adds a draft activity with its config's defaults, at the end of the agenda", () => {
    const room = typicalRoom();
    const { activityId } = room.ok(facilitator, "activity.add", { kind: "map", title: "Assets", config: mapConfig() });
    const id = String(activityId);
    expect(room.workshop.agenda.at(-1)).toBe(id);
    expect(room.activity(id)).toMatchObject({
      kind: "map",
      title: "Assets",
      status: "draft",
      stage: "all",
      cardsRevealed: false,
      resultsRevealed: false,
      config: { mode: "open", maxLength: 280, allowLinks: false, firstGroups: ["community"] },
    });
  });

  it("inserts at an index, clamped to the agenda", () => {
    const room = typicalRoom();
    const first = String(
      room.ok(facilitator, "activity.add", { kind: "info", title: "Intro", config: {}, index: 0 }).activityId,
    );
    const last = String(
      room.ok(facilitator, "activity.add", { kind: "info", title: "End", config: {}, index: 999 }).activityId,
    );
    expect(room.workshop.agenda[0]).toBe(first);
    expect(room.workshop.agenda.at(-1)).toBe(last);
  });

  it("starts community-first maps and staged votes at the first stage", () => {
    const room = typicalRoom();
    const map = String(
      room.ok(facilitator, "activity.add", { kind: "map", title: "M", config: mapConfig({ mode: "community-first" }) })
        .activityId,
    );
    const vote = String(
      room.ok(facilitator, "activity.add", {
        kind: "vote",
        title: "V",
        config: voteConfig("approve", { stagedGroups: ["community"] }),
      }).activityId,
    );
    expect(room.activity(map).stage).toBe("first");
    expect(room.activity(vote).stage).toBe("first");
    expect(room.activity(vote).turnout).toEqual({ voters: 0, byGroup: {} });
  });

  it("refuses a config that fails its kind's schema, saying where", () => {
    const room = typicalRoom();
    addRefused(room, { kind: "map", title: "M", config: { lanes: [] } }, "bad_request", /lanes/);
    addRefused(room, { kind: "vote", title: "V", config: { method: "lottery" } }, "bad_request", /method/);
    addRefused(room, { kind: "feedback", title: "F", config: { items: [] } }, "bad_request", /items/);
  });

  it("refuses duplicate lane, kind, option and item ids", () => {
    const room = typicalRoom();
    const lane = { id: "a", label: "A" };
    addRefused(
      room,
      { kind: "map", title: "M", config: mapConfig({ lanes: [lane, lane] }) },
      "bad_request",
      /"a" is used twice/,
    );
    const option = { id: "x", label: "X" };
    addRefused(
      room,
      { kind: "vote", title: "V", config: { method: "dots", options: [option, option] } },
      "bad_request",
      /twice/,
    );
    const item = { id: "q", type: "likert", label: "Q" };
    addRefused(room, { kind: "feedback", title: "F", config: { items: [item, item] } }, "bad_request", /twice/);
  });

  it("refuses a dots vote whose per-option cap exceeds the dots", () => {
    const room = typicalRoom();
    addRefused(
      room,
      { kind: "vote", title: "V", config: voteConfig("dots", { dots: 2, maxPerOption: 3 }) },
      "bad_request",
      /maxPerOption/,
    );
  });

  it("refuses a vote drawing on a missing activity or on something that is not a map", () => {
    const room = typicalRoom();
    addRefused(
      room,
      { kind: "vote", title: "V", config: { method: "rank", fromActivity: { activityId: "nope" } } },
      "not_found",
    );
    addRefused(
      room,
      { kind: "vote", title: "V", config: { method: "rank", fromActivity: { activityId: room.ids.info } } },
      "bad_request",
      /not a map/,
    );
  });

  it("refuses bad arguments with a readable message", () => {
    const room = typicalRoom();
    addRefused(room, { kind: "poll", title: "P", config: {} }, "bad_request", /kind/);
    addRefused(room, { kind: "info", title: "", config: {} }, "bad_request", /title/);
  });

  it("refuses once the workshop is closed", () => {
    const room = typicalRoom();
    room.ok(facilitator, "workshop.close");
    addRefused(room, { kind: "info", title: "Late", config: {} }, "closed");
  });
});

describe("activity.update", () => {
  it("renames at any stage and changes config while still a draft", () => {
    const room = typicalRoom();
    room.ok(facilitator, "activity.update", { activityId: room.ids.vote, config: voteConfig("approve") });
    expect(room.activity(room.ids.vote).config).toMatchObject({ method: "approve" });
    room.ok(facilitator, "activity.open", { activityId: room.ids.vote });
    room.ok(facilitator, "activity.update", { activityId: room.ids.vote, title: "Top priorities" });
    expect(room.activity(room.ids.vote).title).toBe("Top priorities");
  });

  it("refuses config changes once opened, an invalid config, and unknown activities", () => {
    const room = typicalRoom();
    room.refused(facilitator, "activity.update", { activityId: room.ids.map, config: { lanes: "x" } }, "bad_request");
    room.refused(facilitator, "activity.update", { activityId: "missing", title: "X" }, "not_found");
    room.ok(facilitator, "activity.open", { activityId: room.ids.map });
    room.refused(facilitator, "activity.update", { activityId: room.ids.map, config: mapConfig() }, "locked");
  });
});

describe("activity.remove", () => {
  it("removes an activity without input from the agenda", () => {
    const room = typicalRoom();
    room.ok(facilitator, "activity.remove", { activityId: room.ids.info });
    expect(room.r.activities.has(room.ids.info)).toBe(false);
    expect(room.workshop.agenda).not.toContain(room.ids.info);
  });

  it("refuses to lose contributions, to remove an open activity, or a map a vote draws on", () => {
    const room = typicalRoom();
    const p = room.join(person("p1"));
    room.ok(facilitator, "activity.open", { activityId: room.ids.map });
    room.refused(facilitator, "activity.remove", { activityId: room.ids.map }, "conflict", /Close/);
    room.ok(p, "card.add", { activityId: room.ids.map, lane: "waiting", kind: "idea", text: "Text reminders" });
    room.ok(facilitator, "activity.close", { activityId: room.ids.map });
    room.refused(facilitator, "activity.remove", { activityId: room.ids.map }, "conflict", /contributions/);
    const other = String(
      room.ok(facilitator, "activity.add", { kind: "map", title: "Empty", config: mapConfig() }).activityId,
    );
    room.ok(facilitator, "activity.add", {
      kind: "vote",
      title: "From empty",
      config: { method: "rank", fromActivity: { activityId: other } },
    });
    room.refused(facilitator, "activity.remove", { activityId: other }, "conflict", /draws its options/);
  });
});

describe("activity.move", () => {
  it("moves an activity to a new place in the agenda", () => {
    const room = typicalRoom();
    const { map, vote, feedback, info } = room.ids;
    room.ok(facilitator, "activity.move", { activityId: info, index: 0 });
    expect(room.workshop.agenda).toEqual([info, map, vote, feedback]);
    room.ok(facilitator, "activity.move", { activityId: info, index: 2 });
    expect(room.workshop.agenda).toEqual([map, vote, info, feedback]);
  });

  it("refuses an unknown activity", () => {
    typicalRoom().refused(facilitator, "activity.move", { activityId: "ghost", index: 0 }, "not_found");
  });
});

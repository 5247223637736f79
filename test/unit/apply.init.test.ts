/** Creating a room's workshop and letting participants in. */
import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { joinParticipant, RoomInit } from "../../party/model/apply";
import { facilitator, mapConfig, person, TestRoom } from "./support/room";

describe("initWorkshop", () => {
  it("writes the workshop and its agenda, turning template keys into activity ids", () => {
    const room = new TestRoom();
    room.init({
      title: "Maternity voices",
      purpose: "Improve antenatal care",
      activities: [
        { key: "journey", kind: "map", title: "Journey", config: mapConfig() },
        { kind: "vote", title: "Priorities", config: { method: "rank", fromActivity: { activityId: "journey" } } },
      ],
    });
    const map = room.activityId("Journey");
    const vote = room.activityId("Priorities");
    expect(room.workshop).toMatchObject({
      id: "ws1",
      title: "Maternity voices",
      purpose: "Improve antenatal care",
      status: "draft",
      currentActivityId: null,
      locked: false,
      timer: null,
      agenda: [map, vote],
      joinCode: "ABC234",
      showNames: false,
      language: "en",
    });
    expect(room.vote(vote).config.fromActivity).toEqual({ activityId: map });
  });

  it("refuses a second initialisation and invalid input", () => {
    const room = new TestRoom();
    room.init({ activities: [] });
    expect(() => room.init({ activities: [] })).toThrow(/already holds/);
    expect(() => new TestRoom().init({ activities: [{ kind: "map", title: "M", config: { lanes: [] } }] })).toThrow(
      /lanes/,
    );
    expect(() =>
      new TestRoom().init({
        activities: [{ kind: "vote", title: "V", config: { method: "rank", fromActivity: { activityId: "later" } } }],
      }),
    ).toThrow(/not an earlier map/);
  });

  it("RoomInit reports what is wrong", () => {
    const result = v.safeParse(RoomInit, { id: "w", title: "", joinCode: "abc", groups: [], activities: [] });
    expect(result.success).toBe(false);
    expect(result.issues?.map((i) => v.getDotPath(i))).toEqual(expect.arrayContaining(["title", "joinCode", "groups"]));
  });
});

describe("commands before initialisation", () => {
  it("are refused as not found, without touching the doc", () => {
    new TestRoom().refused(facilitator, "room.lock", { locked: true }, "not_found", /not been set up/);
  });
});

describe("joinParticipant", () => {
  it("adds a participant once and keeps the name they chose later", () => {
    const room = new TestRoom();
    room.init({ activities: [] });
    const amina = person("amina", "community", "Teal Otter 12");
    expect(joinParticipant(room.doc, amina, 5)).toBe(true);
    room.ok(amina, "me.update", { name: "Amina" });
    expect(joinParticipant(room.doc, amina, 9)).toBe(true);
    expect(room.r.participants.get("amina")).toEqual({ id: "amina", name: "Amina", group: "community", joinedAt: 5 });
  });

  it("turns away removed and withdrawn people, and lists no other roles", () => {
    const room = new TestRoom();
    room.init({ activities: [] });
    const amina = room.join(person("amina"));
    const ben = room.join(person("ben"));
    room.ok(facilitator, "participant.remove", { participantId: amina.id });
    room.ok(ben, "me.withdraw");
    expect(joinParticipant(room.doc, amina, 1)).toBe(false);
    expect(joinParticipant(room.doc, ben, 1)).toBe(false);
    expect(joinParticipant(room.doc, facilitator, 1)).toBe(true);
    expect(room.r.participants.has(facilitator.id)).toBe(false);
  });
});

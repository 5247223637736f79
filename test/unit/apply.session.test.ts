/**
 * Running a real session (issue #19): planned minutes and the running order,
 * cards held for review before the projector shows them.
 */
import { describe, expect, it } from "vitest";
import { facilitator, mapConfig, person, TestRoom, typicalRoom } from "./support/room";

describe("plannedMinutes", () => {
  it("is set on activity.add, changed or cleared by activity.update, and starts the timer on open", () => {
    const room = typicalRoom();
    const { activityId } = room.ok(facilitator, "activity.add", {
      kind: "info",
      title: "Break",
      config: { prompt: "Tea" },
      plannedMinutes: 10,
    });
    const id = String(activityId);
    expect(room.activity(id).plannedMinutes).toBe(10);
    room.ok(facilitator, "activity.update", { activityId: id, plannedMinutes: 15 });
    expect(room.activity(id).plannedMinutes).toBe(15);

    const result = room.ok(facilitator, "activity.open", { activityId: id });
    const timer = { startedAt: room.now, seconds: 900, endsAt: room.now + 900_000, activityId: id };
    expect(result.timer).toEqual(timer);
    expect(room.workshop.timer).toEqual(timer);

    // Opening it again (already open) does not restart the countdown.
    room.now += 60_000;
    room.ok(facilitator, "activity.open", { activityId: id });
    expect(room.workshop.timer?.startedAt).toBe(timer.startedAt);

    room.ok(facilitator, "activity.update", { activityId: id, plannedMinutes: null });
    expect(room.activity(id).plannedMinutes).toBeUndefined();
  });

  it("may change after the activity opened (the running order slips), unlike its config", () => {
    const room = typicalRoom();
    room.ok(facilitator, "activity.open", { activityId: room.ids.map });
    room.ok(facilitator, "activity.update", { activityId: room.ids.map, plannedMinutes: 20 });
    expect(room.activity(room.ids.map).plannedMinutes).toBe(20);
  });

  it("leaves the timer alone when an activity has no planned minutes", () => {
    const room = typicalRoom();
    room.ok(facilitator, "timer.start", { seconds: 120 });
    const before = room.workshop.timer;
    room.ok(facilitator, "activity.open", { activityId: room.ids.map });
    expect(room.workshop.timer).toEqual(before);
  });

  it("comes from templates and initial agendas", () => {
    const room = new TestRoom();
    room.init({ activities: [{ kind: "info", title: "Welcome", config: {}, plannedMinutes: 5 }] });
    expect(room.activity(room.activityId("Welcome")).plannedMinutes).toBe(5);
  });

  it("refuses fractions, zero, negatives, more than four hours and strings, changing nothing", () => {
    const room = typicalRoom();
    for (const plannedMinutes of [0.5, 0, -5, 241, "10", Number.NaN]) {
      room.refused(facilitator, "activity.update", { activityId: room.ids.map, plannedMinutes }, "bad_request");
      room.refused(
        facilitator,
        "activity.add",
        { kind: "info", title: "Break", config: {}, plannedMinutes },
        "bad_request",
      );
    }
  });
});

describe("holding cards for review", () => {
  function reviewRoom() {
    const room = new TestRoom();
    room.init({ activities: [{ kind: "map", title: "Map", config: mapConfig({ reviewCards: true }) }] });
    const map = room.activityId("Map");
    const amina = room.join(person("amina"));
    room.ok(facilitator, "activity.open", { activityId: map });
    const add = (text: string) =>
      String(room.ok(amina, "card.add", { activityId: map, lane: "waiting", kind: "idea", text }).cardId);
    return { room, map, amina, add };
  }

  it("holds participants' cards until a facilitator approves them; facilitators' own cards are not held", () => {
    const { room, map, add } = reviewRoom();
    const held = add("Dr Smith was rude");
    expect(room.card(held)?.awaitingReview).toBe(true);
    const mine = String(
      room.ok(facilitator, "card.add", { activityId: map, lane: "waiting", kind: "idea", text: "From the notes" })
        .cardId,
    );
    expect(room.card(mine)?.awaitingReview).toBeUndefined();
    expect(room.ok(facilitator, "cards.approve", { cardIds: [held, mine] })).toEqual({ approved: [held] });
    expect(room.card(held)?.awaitingReview).toBeUndefined();
  });

  it("holds an approved card again when its author edits it", () => {
    const { room, amina, add } = reviewRoom();
    const id = add("Long waits");
    room.ok(facilitator, "cards.approve", { cardIds: [id] });
    room.ok(amina, "card.edit", { cardId: id, text: "Long waits on ward 4" });
    expect(room.card(id)?.awaitingReview).toBe(true);
  });

  it("does not hold cards on a map without review", () => {
    const room = typicalRoom();
    const p = room.join(person("p"));
    room.ok(facilitator, "activity.open", { activityId: room.ids.map });
    const { cardId } = room.ok(p, "card.add", { activityId: room.ids.map, lane: "waiting", kind: "idea", text: "x" });
    expect(room.card(String(cardId))?.awaitingReview).toBeUndefined();
  });

  it("approves held cards in a silent round where they wait, telling facilitators", () => {
    const room = new TestRoom();
    room.init({
      activities: [{ kind: "map", title: "Map", config: mapConfig({ reviewCards: true, mode: "silent" }) }],
    });
    const map = room.activityId("Map");
    const amina = room.join(person("amina"));
    room.ok(facilitator, "activity.open", { activityId: map });
    const id = String(
      room.ok(amina, "card.add", { activityId: map, lane: "waiting", kind: "idea", text: "Hmm" }).cardId,
    );
    expect(room.silentCard(id)?.awaitingReview).toBe(true);
    room.ok(facilitator, "cards.approve", { cardIds: [id] });
    expect(room.silentCard(id)?.awaitingReview).toBeUndefined();
    expect(room.privates.at(-1)).toMatchObject({ to: { role: "facilitator" }, message: { kind: "cards" } });
  });

  it("refuses unknown cards and other people's silent cards, changing nothing", () => {
    const { room, add } = reviewRoom();
    const id = add("Fine");
    room.refused(facilitator, "cards.approve", { cardIds: [id, "nope"] }, "not_found");
    room.refused(facilitator, "cards.approve", { cardIds: [] }, "bad_request");
    expect(room.card(id)?.awaitingReview).toBe(true);
  });
});

/** Facilitators run the room live: open and close, lock, timer, reveal, close the workshop. */
import { describe, expect, it } from "vitest";
import { facilitator, mapConfig, person, typicalRoom } from "./support/room";

describe("activity.open", () => {
  it("opens the activity, makes it current, closes the one before and sets the workshop live", () => {
    const room = typicalRoom();
    expect(room.workshop.status).toBe("draft");
    room.ok(facilitator, "activity.open", { activityId: room.ids.map });
    expect(room.activity(room.ids.map)).toMatchObject({ status: "open", openedAt: room.now, closedAt: null });
    expect(room.workshop).toMatchObject({ status: "live", currentActivityId: room.ids.map });
    room.now += 60_000;
    room.ok(facilitator, "activity.open", { activityId: room.ids.vote });
    expect(room.activity(room.ids.map)).toMatchObject({ status: "closed", closedAt: room.now });
    expect(room.workshop.currentActivityId).toBe(room.ids.vote);
  });

  it("reopens a closed activity", () => {
    const room = typicalRoom();
    room.ok(facilitator, "activity.open", { activityId: room.ids.map });
    room.ok(facilitator, "activity.close", { activityId: room.ids.map });
    room.ok(facilitator, "activity.open", { activityId: room.ids.map });
    expect(room.activity(room.ids.map).status).toBe("open");
  });

  it("refuses an unknown activity, a vote with no options, and a closed workshop", () => {
    const room = typicalRoom();
    room.refused(facilitator, "activity.open", { activityId: "nope" }, "not_found");
    const empty = String(
      room.ok(facilitator, "activity.add", { kind: "vote", title: "Empty", config: { method: "dots" } }).activityId,
    );
    room.refused(facilitator, "activity.open", { activityId: empty }, "conflict", /no options/);
    room.ok(facilitator, "workshop.close");
    room.refused(facilitator, "activity.open", { activityId: room.ids.map }, "closed");
  });
});

describe("a vote drawn from a map", () => {
  function mapWithCards() {
    const room = typicalRoom();
    const [a, b, c] = [
      room.join(person("a", "community")),
      room.join(person("b", "voluntary")),
      room.join(person("c", "statutory")),
    ];
    const { map } = room.ids;
    room.ok(facilitator, "activity.open", { activityId: map });
    const add = (who: typeof a, kind: string, text: string) => {
      room.now += 1;
      return String(room.ok(who, "card.add", { activityId: map, lane: "waiting", kind, text }).cardId);
    };
    const cards = {
      waits: add(a, "problem", "Long waits for a first appointment"),
      letters: add(b, "problem", "Letters arrive after the appointment"),
      kind: add(c, "works", "Reception staff are kind"),
      texts: add(c, "idea", "Text message reminders"),
      hidden: add(a, "idea", "Something rude"),
    };
    room.ok(b, "card.support", { cardId: cards.texts, on: true });
    room.ok(a, "card.support", { cardId: cards.texts, on: true });
    room.ok(c, "card.support", { cardId: cards.letters, on: true });
    room.ok(facilitator, "card.hide", { cardId: cards.hidden, reason: "Offensive" });
    const vote = String(
      room.ok(facilitator, "activity.add", {
        kind: "vote",
        title: "From the map",
        config: { method: "rank", topK: 2, fromActivity: { activityId: map, kinds: ["problem", "idea"], topN: 3 } },
      }).activityId,
    );
    return { room, cards, vote, people: { a, b, c } };
  }

  it("takes the visible cards of the chosen kinds, most supported first, as options when opened", () => {
    const { room, cards, vote } = mapWithCards();
    room.ok(facilitator, "activity.open", { activityId: vote });
    expect(room.vote(vote).config.options).toEqual([
      { id: cards.texts, label: "Text message reminders", cardIds: [cards.texts] },
      { id: cards.letters, label: "Letters arrive after the appointment", cardIds: [cards.letters] },
      { id: cards.waits, label: "Long waits for a first appointment", cardIds: [cards.waits] },
    ]);
  });

  it("keeps cards merged into an option as its origin", () => {
    const { room, cards, vote } = mapWithCards();
    room.ok(facilitator, "card.merge", { cardIds: [cards.letters], into: cards.waits });
    room.ok(facilitator, "activity.open", { activityId: vote });
    const options = room.vote(vote).config.options as { id: string; cardIds: string[] }[];
    expect(options.find((o) => o.id === cards.waits)?.cardIds).toEqual([cards.waits, cards.letters]);
    expect(options.map((o) => o.id)).not.toContain(cards.letters);
  });

  it("keeps the options fixed once anyone has voted", () => {
    const { room, cards, vote, people } = mapWithCards();
    room.ok(facilitator, "activity.open", { activityId: vote });
    room.ok(people.a, "ballot.submit", { activityId: vote, ballot: { order: [cards.waits] } });
    room.ok(facilitator, "activity.open", { activityId: room.ids.map });
    room.ok(people.a, "card.support", { cardId: cards.waits, on: true });
    room.ok(people.b, "card.support", { cardId: cards.waits, on: true });
    room.ok(people.c, "card.support", { cardId: cards.waits, on: true });
    room.ok(facilitator, "activity.open", { activityId: vote });
    const options = room.vote(vote).config.options as { id: string }[];
    expect(options.map((o) => o.id)).toEqual([cards.texts, cards.letters, cards.waits]);
  });

  it("takes the words of a card hidden or deleted after the vote opened out of the doc, keeping votes cast for it", () => {
    const { room, cards, vote, people } = mapWithCards();
    room.ok(facilitator, "activity.update", {
      activityId: vote,
      config: { method: "rank", topK: 2, fromActivity: { activityId: room.ids.map } },
    });
    room.ok(facilitator, "activity.open", { activityId: vote });
    room.ok(facilitator, "results.reveal", { activityId: vote, keepOpen: true });
    room.ok(people.a, "ballot.submit", { activityId: vote, ballot: { order: [cards.texts, cards.letters] } });
    room.ok(facilitator, "card.hide", { cardId: cards.texts, reason: "Names a patient" });
    const options = () => room.vote(vote).config.options as { id: string; label: string; removed?: string }[];
    const ids = () => options().map((o) => o.id);
    expect(options().find((o) => o.id === cards.texts)).toMatchObject({
      label: "Option hidden by a facilitator",
      removed: "hidden",
    });
    expect(JSON.stringify(room.doc.toJSON())).not.toContain("Text message reminders");
    // Opening the map closes the vote, which settles the figures held back by the step of three.
    room.ok(facilitator, "activity.open", { activityId: room.ids.map });
    expect(room.r.results.get(vote)).toMatchObject({ voters: 1, totals: { [cards.texts]: 2, [cards.letters]: 1 } });
    room.ok(people.a, "card.delete", { cardId: cards.waits });
    expect(ids()).not.toContain(cards.waits);
  });

  it("refuses to open when the map has no cards to vote on", () => {
    const room = typicalRoom();
    const vote = String(
      room.ok(facilitator, "activity.add", {
        kind: "vote",
        title: "V",
        config: { method: "approve", fromActivity: { activityId: room.ids.map } },
      }).activityId,
    );
    room.refused(facilitator, "activity.open", { activityId: vote }, "conflict", /no cards/);
  });
});

describe("activity.close", () => {
  it("closes an open activity and keeps it current for the screen", () => {
    const room = typicalRoom();
    room.ok(facilitator, "activity.open", { activityId: room.ids.map });
    room.ok(facilitator, "activity.close", { activityId: room.ids.map });
    expect(room.activity(room.ids.map)).toMatchObject({ status: "closed", closedAt: room.now });
    expect(room.workshop.currentActivityId).toBe(room.ids.map);
    room.ok(facilitator, "activity.close", { activityId: room.ids.map });
  });

  it("refuses to close what was never opened", () => {
    const room = typicalRoom();
    room.refused(facilitator, "activity.close", { activityId: room.ids.vote }, "conflict");
    room.refused(facilitator, "activity.close", { activityId: "nope" }, "not_found");
  });
});

describe("activity.openToAll", () => {
  it("moves a community-first map to its second stage", () => {
    const room = typicalRoom();
    const id = String(
      room.ok(facilitator, "activity.add", { kind: "map", title: "CF", config: mapConfig({ mode: "community-first" }) })
        .activityId,
    );
    room.ok(facilitator, "activity.openToAll", { activityId: id });
    expect(room.activity(id).stage).toBe("all");
  });

  it("refuses activities that have no stages", () => {
    const room = typicalRoom();
    room.refused(facilitator, "activity.openToAll", { activityId: room.ids.map }, "bad_request", /community-first/);
    room.refused(facilitator, "activity.openToAll", { activityId: room.ids.vote }, "bad_request");
  });
});

describe("room.lock", () => {
  it("locks and unlocks the room", () => {
    const room = typicalRoom();
    room.ok(facilitator, "room.lock", { locked: true });
    expect(room.workshop.locked).toBe(true);
    room.ok(facilitator, "room.lock", { locked: false });
    expect(room.workshop.locked).toBe(false);
  });

  it("refuses a non-boolean", () => {
    typicalRoom().refused(facilitator, "room.lock", { locked: "yes" }, "bad_request", /locked/);
  });
});

describe("timer", () => {
  it("starts on the server's clock and stops", () => {
    const room = typicalRoom();
    const { timer } = room.ok(facilitator, "timer.start", { seconds: 300 });
    expect(timer).toEqual({ startedAt: room.now, seconds: 300, endsAt: room.now + 300_000 });
    expect(room.workshop.timer).toEqual(timer);
    room.ok(facilitator, "timer.stop");
    expect(room.workshop.timer).toBeNull();
  });

  it("refuses zero, fractions and more than four hours", () => {
    const room = typicalRoom();
    room.refused(facilitator, "timer.start", { seconds: 0 }, "bad_request");
    room.refused(facilitator, "timer.start", { seconds: 1.5 }, "bad_request");
    room.refused(facilitator, "timer.start", { seconds: 4 * 3600 + 1 }, "bad_request");
  });
});

describe("results.reveal", () => {
  it("writes the tally to the doc and saves it", () => {
    const room = typicalRoom();
    const p = room.join(person("p1"));
    room.ok(facilitator, "activity.open", { activityId: room.ids.vote });
    room.ok(p, "ballot.submit", { activityId: room.ids.vote, ballot: { allocations: { peer: 3, evening: 2 } } });
    expect(room.r.results.has(room.ids.vote)).toBe(false);
    room.ok(facilitator, "results.reveal", { activityId: room.ids.vote });
    const result = room.r.results.get(room.ids.vote);
    expect(result).toMatchObject({
      method: "dots",
      voters: 1,
      totals: { transport: 0, interpreters: 0, evening: 2, peer: 3 },
    });
    expect(room.activity(room.ids.vote).resultsRevealed).toBe(true);
    expect(room.saved).toEqual([{ activityId: room.ids.vote, result }]);
  });

  it("is allowed after the workshop closes", () => {
    const room = typicalRoom();
    room.ok(facilitator, "activity.open", { activityId: room.ids.vote });
    room.ok(facilitator, "workshop.close");
    room.ok(facilitator, "results.reveal", { activityId: room.ids.vote });
    expect(room.r.results.get(room.ids.vote)).toMatchObject({ voters: 0 });
  });

  it("refuses non-votes and votes never opened", () => {
    const room = typicalRoom();
    room.refused(facilitator, "results.reveal", { activityId: room.ids.map }, "bad_request", /not a vote/);
    room.refused(facilitator, "results.reveal", { activityId: room.ids.vote }, "conflict");
  });
});

describe("screen.showVoice", () => {
  it("shows and hides the balance of voice on the projector, also after closing", () => {
    const room = typicalRoom();
    expect(room.workshop.showVoiceOnScreen).toBeUndefined();
    expect(room.ok(facilitator, "screen.showVoice", { show: true })).toEqual({ show: true });
    expect(room.workshop.showVoiceOnScreen).toBe(true);
    room.ok(facilitator, "workshop.close");
    room.ok(facilitator, "screen.showVoice", { show: false });
    expect(room.workshop.showVoiceOnScreen).toBe(false);
  });

  it("refuses a missing or non-boolean flag", () => {
    const room = typicalRoom();
    room.refused(facilitator, "screen.showVoice", {}, "bad_request", /show/);
    room.refused(facilitator, "screen.showVoice", { show: "yes" }, "bad_request", /show/);
  });
});

describe("workshop.close", () => {
  it("closes every open activity, stops the timer and the workshop", () => {
    const room = typicalRoom();
    room.ok(facilitator, "activity.open", { activityId: room.ids.map });
    room.ok(facilitator, "timer.start", { seconds: 60 });
    room.ok(facilitator, "workshop.close");
    expect(room.workshop).toMatchObject({ status: "closed", timer: null });
    expect(room.activity(room.ids.map).status).toBe("closed");
  });

  it("refuses running-the-room commands afterwards", () => {
    const room = typicalRoom();
    room.ok(facilitator, "workshop.close");
    room.refused(facilitator, "workshop.close", {}, "closed");
    room.refused(facilitator, "room.lock", { locked: true }, "closed");
    room.refused(facilitator, "timer.start", { seconds: 5 }, "closed");
    room.refused(facilitator, "timer.stop", {}, "closed");
    room.refused(facilitator, "activity.close", { activityId: room.ids.map }, "closed");
  });
});

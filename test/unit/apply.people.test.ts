/** People: removal by a facilitator, profile changes, and withdrawing consent. */
import { describe, expect, it } from "vitest";
import { cardAdder, facilitator, mapConfig, person, TestRoom, voteConfig } from "./support/room";

/** A workshop where Amina (community) has contributed everywhere, alongside Ben (statutory). */
function busyRoom() {
  const room = new TestRoom();
  room.init({
    activities: [
      { kind: "map", title: "Open map", config: mapConfig({ allowLinks: true }) },
      { kind: "map", title: "Silent map", config: mapConfig({ mode: "silent" }) },
      { kind: "vote", title: "Revealed vote", config: voteConfig("approve") },
      { kind: "vote", title: "Hidden vote", config: voteConfig("dots") },
      {
        kind: "feedback",
        title: "Form",
        config: { items: [{ id: "listened", type: "likert", label: "I felt listened to" }] },
      },
    ],
  });
  const id = (title: string) => room.activityId(title);
  const amina = room.join(person("amina", "community", "Teal Otter 12"));
  const ben = room.join(person("ben", "statutory", "Red Fox 40"));
  const cara = room.join(person("cara", "community", "Blue Wren 33"));
  const open = (title: string) => room.ok(facilitator, "activity.open", { activityId: id(title) });
  const card = (who: typeof amina, text: string, map = "Open map") =>
    String(room.ok(who, "card.add", { activityId: id(map), lane: "waiting", kind: "idea", text }).cardId);

  open("Open map");
  const aminaCard = card(amina, "Amina's idea");
  const aminaDupe = card(amina, "Amina's similar idea");
  const benCard = card(ben, "Ben's idea");
  const benDupe = card(ben, "Ben's similar idea");
  room.ok(facilitator, "card.merge", { cardIds: [benDupe], into: aminaCard });
  room.ok(facilitator, "card.merge", { cardIds: [aminaDupe], into: benCard });
  room.ok(amina, "card.support", { cardId: benCard, on: true });
  room.ok(cara, "card.support", { cardId: aminaCard, on: true });
  room.ok(amina, "comment.add", { cardId: benCard, text: "Amina's comment" });
  room.ok(ben, "comment.add", { cardId: aminaCard, text: "Ben's comment on Amina's card" });
  room.ok(facilitator, "link.add", { from: aminaCard, to: benCard });
  open("Silent map");
  card(amina, "Amina's silent card", "Silent map");
  card(ben, "Ben's silent card", "Silent map");
  open("Revealed vote");
  for (const who of [amina, ben, cara])
    room.ok(who, "ballot.submit", { activityId: id("Revealed vote"), ballot: { approved: ["peer"] } });
  room.ok(facilitator, "results.reveal", { activityId: id("Revealed vote") });
  open("Hidden vote");
  room.ok(amina, "ballot.submit", { activityId: id("Hidden vote"), ballot: { allocations: { transport: 2 } } });
  open("Form");
  room.ok(amina, "feedback.submit", { activityId: id("Form"), answers: { listened: 5 } });
  return { room, id, amina, ben, cara, aminaCard, aminaDupe, benCard, benDupe };
}

describe("participant.remove", () => {
  it("marks them removed, keeps their contributions and tells the room", () => {
    const { room, amina, aminaCard } = busyRoom();
    room.ok(facilitator, "participant.remove", { participantId: amina.id });
    expect(room.r.participants.get(amina.id)).toMatchObject({ removed: true, name: "Teal Otter 12" });
    expect(room.card(aminaCard)).toBeDefined();
    expect(room.removals).toEqual([{ participantId: amina.id, reason: "removed" }]);
    room.ok(facilitator, "participant.remove", { participantId: amina.id });
    expect(room.removals).toHaveLength(1);
  });

  it("refuses unknown participants", () => {
    busyRoom().room.refused(facilitator, "participant.remove", { participantId: "ghost" }, "not_found");
  });
});

describe("me.update", () => {
  it("renames the participant on their cards and comments", () => {
    const { room, amina, aminaCard } = busyRoom();
    room.ok(amina, "me.update", { name: "Amina" });
    expect(room.r.participants.get(amina.id)?.name).toBe("Amina");
    expect(room.card(aminaCard)?.authorName).toBe("Amina");
    expect([...room.r.comments.values()].find((c) => c.authorId === amina.id)?.authorName).toBe("Amina");
    const silent = [...room.silentStore.values()].find((c) => c.authorId === amina.id);
    expect(silent?.authorName).toBe("Amina");
  });

  it("a group is fixed once they took part; a facilitator's correction follows their contributions, ballots and feedback", () => {
    const { room, id, amina, aminaCard } = busyRoom();
    room.refused(amina, "me.update", { group: "voluntary" }, "forbidden", /fixed/);
    room.ok(facilitator, "participant.update", { participantId: amina.id, group: "voluntary" });
    expect(room.card(aminaCard)?.group).toBe("voluntary");
    expect(room.ballotStore.get(id("Revealed vote"))?.get(amina.id)?.group).toBe("voluntary");
    expect(room.activity(id("Revealed vote")).turnout).toEqual({
      voters: 3,
      byGroup: { community: 1, statutory: 1, voluntary: 1 },
    });
    expect(room.r.results.get(id("Revealed vote"))).toMatchObject({
      turnout: { community: 1, statutory: 1, voluntary: 1 },
    });
    expect(room.feedbackStore.get(id("Form"))?.get(amina.id)?.group).toBe("voluntary");
    // While the form is open its turnout by group moves only in steps (safety #12); closing settles it.
    expect(room.activity(id("Form")).turnout).toEqual({ voters: 1, byGroup: {} });
    room.ok(facilitator, "activity.close", { activityId: id("Form") });
    expect(room.activity(id("Form")).turnout).toEqual({ voters: 1, byGroup: { voluntary: 1 } });
  });

  it("refuses unknown groups and people who never joined", () => {
    const { room, amina } = busyRoom();
    room.refused(amina, "me.update", { group: "martians" }, "bad_request", /martians/);
    room.refused(person("stranger"), "me.update", { name: "X" }, "not_found");
    room.refused(amina, "me.update", { name: "x".repeat(61) }, "bad_request", /name/);
  });
});

describe("me.withdraw", () => {
  it("removes their cards, comments, supports, ballots and feedback everywhere", () => {
    const { room, id, amina, aminaCard, aminaDupe, benCard, benDupe } = busyRoom();
    const result = room.ok(amina, "me.withdraw");
    expect(result).toEqual({ cards: 3 });
    const everything = JSON.stringify(room.doc.toJSON());
    expect(everything).not.toContain("Amina");
    expect(everything).not.toContain("Teal Otter");
    expect(room.card(aminaCard)).toBeUndefined();
    expect(room.card(aminaDupe)).toBeUndefined();
    expect([...room.silentStore.values()].map((c) => c.text)).toEqual(["Ben's silent card"]);
    expect(room.card(benCard)?.supports).toEqual([]);
    expect(room.card(benCard)?.mergedFrom).toEqual([]);
    expect([...room.r.comments.values()]).toEqual([]);
    expect(room.r.links.size).toBe(0);
    expect(room.ballot(id("Revealed vote"), amina.id)).toBeNull();
    expect(room.ballot(id("Hidden vote"), amina.id)).toBeNull();
    expect(room.feedback(id("Form"), amina.id)).toBeNull();
    expect(room.r.participants.get(amina.id)).toEqual({
      id: amina.id,
      name: "",
      group: "",
      joinedAt: room.now,
      removed: true,
    });
    expect(room.removals).toEqual([{ participantId: amina.id, reason: "withdrawn" }]);
    // Ben's card that had been merged into Amina's stands on its own again.
    expect(room.card(benDupe)).toMatchObject({ hidden: false, text: "Ben's similar idea" });
  });

  it("recounts turnout and revealed results without them", () => {
    const { room, id, amina } = busyRoom();
    expect(room.r.results.get(id("Revealed vote"))).toMatchObject({ voters: 3, totals: { peer: 3 } });
    room.ok(amina, "me.withdraw");
    expect(room.r.results.get(id("Revealed vote"))).toMatchObject({
      voters: 2,
      totals: { peer: 2 },
      turnout: { community: 1, statutory: 1 },
    });
    expect(room.activity(id("Revealed vote")).turnout).toEqual({ voters: 2, byGroup: { community: 1, statutory: 1 } });
    expect(room.activity(id("Hidden vote")).turnout).toEqual({ voters: 0, byGroup: {} });
    expect(room.r.results.has(id("Hidden vote"))).toBe(false);
    expect(room.activity(id("Form")).turnout).toEqual({ voters: 0, byGroup: {} });
    expect(room.saved.at(-1)).toMatchObject({ activityId: id("Revealed vote"), result: { voters: 2 } });
  });

  it("works even after the workshop closed or a facilitator removed them, and they can do nothing afterwards", () => {
    const { room, id, amina } = busyRoom();
    room.ok(facilitator, "participant.remove", { participantId: amina.id });
    room.ok(facilitator, "workshop.close");
    room.ok(amina, "me.withdraw");
    expect(room.ballot(id("Revealed vote"), amina.id)).toBeNull();
    room.refused(amina, "me.update", { name: "Back" }, "forbidden");
  });
});

describe("me.withdraw and votes drawn from the map", () => {
  it("keeps options others voted for under a neutral label, drops unvoted ones and relabels shared ones", () => {
    const room = new TestRoom();
    room.init({
      activities: [
        { key: "map", kind: "map", title: "Map", config: mapConfig() },
        {
          kind: "vote",
          title: "Vote",
          config: { method: "approve", fromActivity: { activityId: "map" } },
        },
      ],
    });
    const [map, vote] = [room.activityId("Map"), room.activityId("Vote")];
    const amina = room.join(person("amina", "community"));
    const ben = room.join(person("ben", "statutory"));
    room.ok(facilitator, "activity.open", { activityId: map });
    const add = cardAdder(room, map);
    const solo = add(amina, "Amina alone");
    const shared = add(amina, "Amina shared");
    const bens = add(ben, "Ben's version");
    room.ok(facilitator, "card.merge", { cardIds: [bens], into: shared });
    const unvoted = add(amina, "Amina unvoted");
    room.ok(facilitator, "activity.open", { activityId: vote });
    room.ok(ben, "ballot.submit", { activityId: vote, ballot: { approved: [solo, shared] } });
    room.ok(amina, "ballot.submit", { activityId: vote, ballot: { approved: [unvoted] } });
    room.ok(facilitator, "results.reveal", { activityId: vote });
    room.ok(amina, "me.withdraw");
    // Only Amina voted for her unvoted card: it goes with her ballot. Ben's votes stay.
    expect(room.vote(vote).config.options).toEqual([
      { id: solo, label: "Option withdrawn by its author", cardIds: [], removed: "withdrawn" },
      { id: shared, label: "Ben's version", cardIds: [bens] },
    ]);
    expect(room.r.results.get(vote)).toMatchObject({ voters: 1, totals: { [solo]: 1, [shared]: 1 } });
    expect(JSON.stringify(room.doc.toJSON())).not.toContain("Amina");
  });
});

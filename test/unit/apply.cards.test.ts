/** The map: cards, supports, comments, links and facilitator moderation. */
import { describe, expect, it } from "vitest";
import { QUOTA } from "../../party/model/handlers/card-store";
import { facilitator, person, typicalRoom } from "./support/room";

function openMap() {
  const room = typicalRoom();
  const amina = room.join(person("amina", "community", "Teal Otter 12"));
  const ben = room.join(person("ben", "statutory", "Red Fox 40"));
  room.ok(facilitator, "activity.open", { activityId: room.ids.map });
  const add = (who = amina, text = "Waited six weeks for a letter", lane = "waiting", kind = "problem") =>
    String(room.ok(who, "card.add", { activityId: room.ids.map, lane, kind, text }).cardId);
  return { room, amina, ben, add, map: room.ids.map };
}

describe("card.add", () => {
  it("adds a card credited to the author's pseudonym and group", () => {
    const { room, add, map } = openMap();
    const id = add();
    expect(room.card(id)).toEqual({
      id,
      activityId: map,
      lane: "waiting",
      kind: "problem",
      text: "Waited six weeks for a letter",
      authorId: "amina",
      authorName: "Teal Otter 12",
      group: "community",
      createdAt: room.now,
      hidden: false,
      supports: [],
    });
  });

  it("lets a facilitator transcribe a paper table's card for a group", () => {
    const { room, map } = openMap();
    const { cardId } = room.ok(facilitator, "card.add", {
      activityId: map,
      lane: "treatment",
      kind: "idea",
      text: "Home visits",
      onBehalfOf: { group: "voluntary" },
    });
    expect(room.card(String(cardId))).toMatchObject({
      group: "voluntary",
      transcribed: true,
      authorId: facilitator.id,
    });
  });

  it("refuses onBehalfOf from participants and for unknown groups", () => {
    const { room, amina, map } = openMap();
    const args = { activityId: map, lane: "waiting", kind: "idea", text: "X", onBehalfOf: { group: "voluntary" } };
    room.refused(amina, "card.add", args, "forbidden", /facilitators/);
    room.refused(facilitator, "card.add", { ...args, onBehalfOf: { group: "aliens" } }, "bad_request", /aliens/);
  });

  it("refuses unknown lanes and kinds, empty text and text over the map's maxLength", () => {
    const { room, amina, map } = openMap();
    const base = { activityId: map, lane: "waiting", kind: "idea", text: "ok" };
    room.refused(amina, "card.add", { ...base, lane: "moon" }, "bad_request", /lane/);
    room.refused(amina, "card.add", { ...base, kind: "rant" }, "bad_request", /kind/);
    room.refused(amina, "card.add", { ...base, text: "   " }, "bad_request", /text/);
    room.refused(amina, "card.add", { ...base, text: "x".repeat(281) }, "bad_request", /280/);
    room.refused(amina, "card.add", { ...base, activityId: room.ids.vote }, "bad_request", /not a map/);
    room.refused(amina, "card.add", { ...base, activityId: "gone" }, "not_found");
  });

  it("refuses participants while the map is not open, when locked and once closed", () => {
    const { room, amina, map } = openMap();
    const args = { activityId: map, lane: "waiting", kind: "idea", text: "Text reminders" };
    room.ok(facilitator, "room.lock", { locked: true });
    room.refused(amina, "card.add", args, "locked", /paused/);
    room.ok(facilitator, "room.lock", { locked: false });
    room.ok(facilitator, "activity.close", { activityId: map });
    room.refused(amina, "card.add", args, "closed");
    const draft = String(
      room.ok(facilitator, "activity.add", { kind: "map", title: "Later", config: room.activity(map).config })
        .activityId,
    );
    room.refused(amina, "card.add", { ...args, activityId: draft }, "locked", /not open/);
    room.ok(facilitator, "card.add", args);
    room.ok(facilitator, "workshop.close");
    room.refused(facilitator, "card.add", args, "closed");
  });

  it("refuses people a facilitator removed", () => {
    const { room, amina, map } = openMap();
    room.ok(facilitator, "participant.remove", { participantId: amina.id });
    room.refused(amina, "card.add", { activityId: map, lane: "waiting", kind: "idea", text: "Hi" }, "forbidden");
  });
});

describe("card.edit and card.delete", () => {
  it("lets authors edit and delete their own cards", () => {
    const { room, amina, add } = openMap();
    const id = add();
    room.now += 5;
    room.ok(amina, "card.edit", { cardId: id, text: "Waited eight weeks" });
    expect(room.card(id)).toMatchObject({ text: "Waited eight weeks", editedAt: room.now });
    room.ok(amina, "card.delete", { cardId: id });
    expect(room.card(id)).toBeUndefined();
  });

  it("refuses other people's cards, hidden cards, closed maps and long text", () => {
    const { room, amina, ben, add, map } = openMap();
    const id = add();
    room.refused(ben, "card.edit", { cardId: id, text: "Mine now" }, "forbidden", /own cards/);
    room.refused(ben, "card.delete", { cardId: id }, "forbidden");
    room.refused(amina, "card.edit", { cardId: id, text: "y".repeat(281) }, "bad_request");
    room.refused(amina, "card.edit", { cardId: "nope", text: "x" }, "not_found");
    room.ok(facilitator, "card.hide", { cardId: id, reason: "Names a nurse" });
    room.refused(amina, "card.edit", { cardId: id, text: "x" }, "forbidden", /hidden/);
    room.ok(facilitator, "card.restore", { cardId: id });
    room.ok(facilitator, "activity.close", { activityId: map });
    room.refused(amina, "card.edit", { cardId: id, text: "x" }, "closed");
    room.refused(amina, "card.delete", { cardId: id }, "closed");
  });

  it("lets facilitators edit or delete any card, and deleting takes its comments and links with it", () => {
    const { room, amina, ben, add } = openMap();
    const a = add();
    const b = add(ben, "Kind reception staff", "first-contact", "works");
    room.ok(ben, "comment.add", { cardId: a, text: "Me too" });
    room.ok(facilitator, "link.add", { from: a, to: b });
    room.ok(facilitator, "card.edit", { cardId: a, text: "Tidied wording" });
    room.ok(facilitator, "card.delete", { cardId: a });
    expect(room.r.comments.size).toBe(0);
    expect(room.r.links.size).toBe(0);
    expect(room.card(b)).toBeDefined();
    room.refused(amina, "card.delete", { cardId: a }, "not_found");
  });
});

describe("card.support", () => {
  it("toggles the supporter's id, idempotently", () => {
    const { room, amina, ben, add } = openMap();
    const id = add();
    expect(room.ok(ben, "card.support", { cardId: id, on: true })).toEqual({ cardId: id, supports: 1 });
    room.ok(ben, "card.support", { cardId: id, on: true });
    room.ok(amina, "card.support", { cardId: id, on: true });
    expect(room.card(id)?.supports).toEqual(["ben", "amina"]);
    room.ok(ben, "card.support", { cardId: id, on: false });
    room.ok(ben, "card.support", { cardId: id, on: false });
    expect(room.card(id)?.supports).toEqual(["amina"]);
  });

  it("refuses hidden cards and a locked room", () => {
    const { room, ben, add } = openMap();
    const id = add();
    room.ok(facilitator, "room.lock", { locked: true });
    room.refused(ben, "card.support", { cardId: id, on: true }, "locked");
    room.ok(facilitator, "room.lock", { locked: false });
    room.ok(facilitator, "card.hide", { cardId: id, reason: "Off topic" });
    room.refused(ben, "card.support", { cardId: id, on: true }, "not_found", /hidden/);
  });
});

describe("comment.add", () => {
  it("adds a comment credited to the author's group", () => {
    const { room, ben, add } = openMap();
    const cardId = add();
    const { commentId } = room.ok(ben, "comment.add", { cardId, text: "We are fixing the letters system" });
    expect(room.r.comments.get(String(commentId))).toEqual({
      id: commentId,
      cardId,
      text: "We are fixing the letters system",
      authorId: "ben",
      authorName: "Red Fox 40",
      group: "statutory",
      createdAt: room.now,
    });
  });

  it("refuses missing cards and text over the map's maxLength", () => {
    const { room, ben, add } = openMap();
    const cardId = add();
    room.refused(ben, "comment.add", { cardId: "nope", text: "Hi" }, "not_found");
    room.refused(ben, "comment.add", { cardId, text: "z".repeat(281) }, "bad_request");
  });
});

describe("card.move", () => {
  it("moves a card to another lane and position", () => {
    const { room, add } = openMap();
    const id = add();
    room.ok(facilitator, "card.move", { cardId: id, lane: "treatment", x: 120, y: -40 });
    expect(room.card(id)).toMatchObject({ lane: "treatment", x: 120, y: -40 });
  });

  it("refuses an unknown lane or card and absurd coordinates", () => {
    const { room, add } = openMap();
    const id = add();
    room.refused(facilitator, "card.move", { cardId: id, lane: "sea" }, "bad_request", /lane/);
    room.refused(facilitator, "card.move", { cardId: "nope", x: 1 }, "not_found");
    room.refused(facilitator, "card.move", { cardId: id, x: Number.POSITIVE_INFINITY }, "bad_request");
  });
});

describe("card.hide and card.restore", () => {
  it("blanks a hidden card's text in the doc and keeps the original only in private storage", () => {
    const { room, add } = openMap();
    const id = add(undefined, "Dr Smith on ward 4 is useless");
    room.ok(facilitator, "card.hide", { cardId: id, reason: "Names a member of staff" });
    expect(room.card(id)).toMatchObject({ text: "", hidden: true, hiddenReason: "Names a member of staff" });
    expect(room.moderatedStore.get(id)).toBe("Dr Smith on ward 4 is useless");
    expect(JSON.stringify(room.r.cards.toJSON())).not.toContain("Dr Smith");
  });

  it("hiding twice keeps the original, and restoring brings it back", () => {
    const { room, add } = openMap();
    const id = add(undefined, "Original words");
    room.ok(facilitator, "card.hide", { cardId: id, reason: "First" });
    room.ok(facilitator, "card.hide", { cardId: id, reason: "Second" });
    expect(room.moderatedStore.get(id)).toBe("Original words");
    room.ok(facilitator, "card.restore", { cardId: id });
    expect(room.card(id)).toMatchObject({ text: "Original words", hidden: false });
    expect(room.card(id)?.hiddenReason).toBeUndefined();
    expect(room.moderatedStore.has(id)).toBe(false);
  });

  it("restoring a visible card changes nothing", () => {
    const { room, add } = openMap();
    const id = add();
    const before = room.card(id);
    room.ok(facilitator, "card.restore", { cardId: id });
    expect(room.card(id)).toEqual(before);
  });

  it("refuses an empty reason and unknown cards", () => {
    const { room, add } = openMap();
    const id = add();
    room.refused(facilitator, "card.hide", { cardId: id, reason: "  " }, "bad_request", /reason/);
    room.refused(facilitator, "card.hide", { cardId: "nope", reason: "x" }, "not_found");
    room.refused(facilitator, "card.restore", { cardId: "nope" }, "not_found");
  });
});

describe("card.merge", () => {
  it("moves supports to the surviving card as a union and records where they came from", () => {
    const { room, amina, ben, add } = openMap();
    const keep = add(amina, "Long waits");
    const dupe = add(ben, "Waiting too long", "waiting", "problem");
    const third = add(ben, "Waits", "waiting", "problem");
    room.ok(ben, "card.support", { cardId: keep, on: true });
    room.ok(ben, "card.support", { cardId: dupe, on: true });
    room.ok(amina, "card.support", { cardId: dupe, on: true });
    room.ok(facilitator, "card.merge", { cardIds: [dupe, keep], into: keep });
    expect(room.card(keep)).toMatchObject({ supports: ["ben", "amina"], mergedFrom: [dupe] });
    expect(room.card(dupe)).toMatchObject({
      hidden: true,
      hiddenReason: "merged",
      supports: [],
      text: "Waiting too long",
    });
    room.ok(facilitator, "card.merge", { cardIds: [third], into: keep });
    expect(room.card(keep)?.mergedFrom).toEqual([dupe, third]);
  });

  it("restoring a merged card lets it stand alone again", () => {
    const { room, add } = openMap();
    const keep = add();
    const dupe = add();
    room.ok(facilitator, "card.merge", { cardIds: [dupe], into: keep });
    room.ok(facilitator, "card.restore", { cardId: dupe });
    expect(room.card(dupe)?.hidden).toBe(false);
    expect(room.card(keep)?.mergedFrom).toEqual([]);
  });

  it("refuses merging a card into itself, across maps, or hidden cards", () => {
    const { room, add, amina } = openMap();
    const keep = add();
    const hidden = add();
    room.ok(facilitator, "card.hide", { cardId: hidden, reason: "Spam" });
    room.refused(facilitator, "card.merge", { cardIds: [keep], into: keep }, "bad_request", /other than/);
    room.refused(facilitator, "card.merge", { cardIds: [hidden], into: keep }, "not_found");
    const other = String(
      room.ok(facilitator, "activity.add", {
        kind: "map",
        title: "Second map",
        config: room.activity(room.ids.map).config,
      }).activityId,
    );
    room.ok(facilitator, "activity.open", { activityId: other });
    const elsewhere = String(
      room.ok(amina, "card.add", { activityId: other, lane: "waiting", kind: "idea", text: "Elsewhere" }).cardId,
    );
    room.refused(facilitator, "card.merge", { cardIds: [elsewhere], into: keep }, "bad_request", /different map/);
  });
});

describe("links", () => {
  it("links two cards on the same map and removes the link", () => {
    const { room, add } = openMap();
    const a = add();
    const b = add();
    const { linkId } = room.ok(facilitator, "link.add", { from: a, to: b, label: "causes" });
    expect(room.r.links.get(String(linkId))).toEqual({ id: linkId, from: a, to: b, label: "causes" });
    room.ok(facilitator, "link.remove", { linkId });
    expect(room.r.links.size).toBe(0);
  });

  it("refuses self-links, missing cards, missing links, and maps without links", () => {
    const { room, add } = openMap();
    const a = add();
    room.refused(facilitator, "link.add", { from: a, to: a }, "bad_request", /itself/);
    room.refused(facilitator, "link.add", { from: a, to: "nope" }, "not_found");
    room.refused(facilitator, "link.remove", { linkId: "nope" }, "not_found");
    room.ok(facilitator, "activity.add", {
      kind: "map",
      title: "No links",
      config: { lanes: [{ id: "l", label: "L" }], kinds: [{ id: "k", label: "K", color: "#000000" }] },
    });
    const noLinks = room.activityId("No links");
    room.ok(facilitator, "activity.open", { activityId: noLinks });
    const x = String(room.ok(facilitator, "card.add", { activityId: noLinks, lane: "l", kind: "k", text: "x" }).cardId);
    const y = String(room.ok(facilitator, "card.add", { activityId: noLinks, lane: "l", kind: "k", text: "y" }).cardId);
    room.refused(facilitator, "link.add", { from: x, to: y }, "bad_request", /turned off/);
  });
});

describe("quotas", () => {
  it("caps how many cards one person adds to a map, but not a facilitator transcribing", () => {
    const { room, amina, map } = openMap();
    const args = { activityId: map, lane: "waiting", kind: "idea", text: "Another idea" };
    for (let i = 0; i < QUOTA.cardsPerPerson; i += 1) room.ok(amina, "card.add", args);
    room.refused(amina, "card.add", args, "quota_exceeded", /most one person/);
    room.ok(facilitator, "card.add", { ...args, onBehalfOf: { group: "community" } });
  });

  it("caps comments on one card", () => {
    const { room, ben, add } = openMap();
    const cardId = add();
    for (let i = 0; i < QUOTA.commentsPerCard; i += 1) room.ok(ben, "comment.add", { cardId, text: `Comment ${i}` });
    room.refused(ben, "comment.add", { cardId, text: "One more" }, "conflict", /already has/);
  });

  it("caps one person's comments across the room (safety #12), but not a facilitator's", () => {
    const { room, ben, add } = openMap();
    const cards = [add(), add(), add()];
    for (let i = 0; i < QUOTA.commentsPerPerson; i += 1)
      room.ok(ben, "comment.add", { cardId: cards[i % cards.length]!, text: `Comment ${i}` });
    room.refused(ben, "comment.add", { cardId: cards[0]!, text: "One more" }, "quota_exceeded", /comments/);
    room.ok(facilitator, "comment.add", { cardId: cards[0]!, text: "Thank you all" });
  });
});

/** A person's own cards, comments and supports (party/model/mine.ts), for the private `mine` message. */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type Card, roots } from "../../party/model/doc";
import { mineOf } from "../../party/model/mine";

const card = (id: string, authorId: string, supports: string[]): Card => ({
  id,
  activityId: "a1",
  lane: "day",
  kind: "barrier",
  text: id,
  authorId,
  authorName: "",
  group: "community",
  createdAt: 1,
  hidden: false,
  supports,
});

describe("mineOf", () => {
  it("lists only this person's cards, comments and supports, with their own entry", () => {
    const doc = new Y.Doc();
    const r = roots(doc);
    r.participants.set("p1", { id: "p1", name: "Sam", group: "community", joinedAt: 1 });
    r.cards.set("c1", card("c1", "p1", ["p2"]));
    r.cards.set("c2", card("c2", "p2", ["p1", "p3"]));
    r.comments.set("m1", {
      id: "m1",
      cardId: "c2",
      text: "x",
      authorId: "p1",
      authorName: "",
      group: "community",
      createdAt: 1,
    });
    r.comments.set("m2", {
      id: "m2",
      cardId: "c1",
      text: "y",
      authorId: "p2",
      authorName: "",
      group: "community",
      createdAt: 1,
    });
    expect(mineOf(doc, "p1")).toEqual({
      type: "private",
      kind: "mine",
      participantId: "p1",
      participant: { id: "p1", name: "Sam", group: "community", joinedAt: 1 },
      cards: ["c1"],
      comments: ["m1"],
      supports: ["c2"],
    });
    expect(mineOf(doc, "p9")).toMatchObject({ participant: null, cards: [], comments: [], supports: [] });
  });
});

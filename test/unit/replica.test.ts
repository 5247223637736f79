/**
 * The redacted replica (party/model/replica.ts): the same items as the room's doc, so catch-up and
 * deletions work, with no participant id and no name (unless names are shown) in any value.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { type Card, type Comment, roots } from "../../party/model/doc";
import { encodeReplicaState, redactUpdate } from "../../party/model/replica";

const PID = "participant-7f3a";
const OTHER = "participant-91bc";

function card(id: string, supports: string[]): Card {
  return {
    id,
    activityId: "a1",
    lane: "day",
    kind: "barrier",
    text: `words of ${id}`,
    authorId: PID,
    authorName: "Amina Secret",
    group: "community",
    createdAt: 1,
    hidden: false,
    supports,
  };
}

function roomDoc(showNames: boolean): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  const r = roots(doc);
  r.workshop.set("id", "w1");
  r.workshop.set("showNames", showNames);
  r.participants.set(PID, { id: PID, name: "Amina Secret", group: "community", joinedAt: 5 });
  r.participants.set(OTHER, { id: OTHER, name: "Teal Badger 15", group: "statutory", joinedAt: 6, table: "t1" });
  r.cards.set("c1", card("c1", []));
  r.cards.set("c1", card("c1", [OTHER]));
  r.cards.set("c2", card("c2", [OTHER, PID]));
  const comment: Comment = {
    id: "m1",
    cardId: "c1",
    text: "agree",
    authorId: OTHER,
    authorName: "Teal Badger 15",
    group: "statutory",
    createdAt: 2,
  };
  r.comments.set("m1", comment);
  r.participants.set(PID, { id: PID, name: "Amina Renamed", group: "community", joinedAt: 5 });
  r.cards.delete("c2");
  return { doc, updates };
}

const text = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes);

describe("the redacted replica", () => {
  it("holds the same items (same state vector) and the same public content", () => {
    const { doc } = roomDoc(false);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, redactUpdate(Y.encodeStateAsUpdate(doc), doc));
    expect(Y.encodeStateVector(replica)).toEqual(Y.encodeStateVector(doc));
    const cards = roots(replica).cards.toJSON() as Record<string, Card>;
    expect(Object.keys(cards)).toEqual(["c1"]);
    expect(cards.c1).toMatchObject({ text: "words of c1", group: "community", authorId: "", authorName: "" });
    expect(cards.c1!.supports).toEqual([""]);
  });

  it("holds no participant id and no name, whole state or update by update", () => {
    const { doc, updates } = roomDoc(false);
    const whole = redactUpdate(Y.encodeStateAsUpdate(doc), doc);
    const each = updates.map((u) => redactUpdate(u, doc));
    for (const bytes of [whole, ...each]) {
      for (const secret of [PID, OTHER, "Amina", "Teal Badger"]) expect(text(bytes)).not.toContain(secret);
    }
    // Updates applied one by one build the same replica as the whole state.
    const stepwise = new Y.Doc();
    for (const u of each) Y.applyUpdate(stepwise, u);
    const once = new Y.Doc();
    Y.applyUpdate(once, whole);
    expect(stepwise.toJSON()).toEqual(once.toJSON());
    const people = Object.values(roots(once).participants.toJSON());
    expect(people).toEqual([
      { id: "", name: "", group: "community", joinedAt: 0 },
      { id: "", name: "", group: "statutory", joinedAt: 0, table: "t1" },
    ]);
  });

  it("shows authors' names, never ids, when the workshop shows names", () => {
    const { doc } = roomDoc(true);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, redactUpdate(Y.encodeStateAsUpdate(doc), doc));
    expect(roots(replica).cards.get("c1")).toMatchObject({ authorId: "", authorName: "Amina Secret" });
    expect(roots(replica).comments.get("m1")).toMatchObject({ authorId: "", authorName: "Teal Badger 15" });
    expect(text(Y.encodeStateAsUpdate(replica))).not.toContain(PID);
  });

  it("encodes a phone's catch-up straight from the room's doc, as the redacted updates would build it", () => {
    const { doc, updates } = roomDoc(false);
    const stepwise = new Y.Doc();
    for (const u of updates) Y.applyUpdate(stepwise, redactUpdate(u, doc));
    const whole = new Y.Doc();
    Y.applyUpdate(whole, encodeReplicaState(doc));
    expect(whole.toJSON()).toEqual(stepwise.toJSON());
    expect(Y.encodeStateVector(whole)).toEqual(Y.encodeStateVector(doc));
    expect(text(encodeReplicaState(doc))).not.toContain(PID);
    // The room's own doc is untouched by the encoding.
    expect(roots(doc).cards.get("c1")).toMatchObject({ authorId: PID, supports: [OTHER] });
    expect(roots(doc).participants.has(PID)).toBe(true);
    // From a state vector: only what the phone lacks.
    const half = new Y.Doc();
    for (const u of updates.slice(0, 3)) Y.applyUpdate(half, redactUpdate(u, doc));
    Y.applyUpdate(half, encodeReplicaState(doc, Y.encodeStateVector(half)));
    expect(half.toJSON()).toEqual(stepwise.toJSON());
    roots(doc).cards.set("c3", card("c3", [PID]));
    Y.applyUpdate(half, encodeReplicaState(doc, Y.encodeStateVector(half)));
    expect(roots(half).cards.get("c3")).toMatchObject({ authorId: "", supports: [""] });
  });
});

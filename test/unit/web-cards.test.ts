/** Which cards a participant's phone shows in a map (web/components/participant/map/cards.ts). */
import { describe, expect, it } from "vitest";
import type { Card } from "../../party/model/doc";
import { cardsToShow, windowCards } from "../../web/components/participant/map/cards";

function card(id: string, patch: Partial<Card> = {}): Card {
  return {
    id,
    activityId: "map1",
    lane: "now",
    kind: "idea",
    text: `card ${id}`,
    authorId: "someone",
    authorName: "Blue Heron",
    group: "community",
    createdAt: Number(id.replace(/\D/g, "")) || 1,
    hidden: false,
    supports: [],
    ...patch,
  };
}

const base = { activityId: "map1", me: "me", myGroup: "voluntary", privateCards: undefined, pending: [] };

describe("cards shown on the phone", () => {
  it("shows this activity's cards oldest first", () => {
    const shown = cardsToShow({
      ...base,
      publicCards: { c2: card("c2"), c1: card("c1"), other: card("c3", { activityId: "map2" }) },
    });
    expect(shown.map((c) => c.id)).toEqual(["c1", "c2"]);
  });

  it("shows a hidden card only to its author", () => {
    const publicCards = { c1: card("c1", { hidden: true }), c2: card("c2", { hidden: true, authorId: "me" }) };
    expect(cardsToShow({ ...base, publicCards }).map((c) => c.id)).toEqual(["c2"]);
  });

  it("adds my private (silent) cards of this activity", () => {
    // Cards that do not read as cards never get this far: the protocol drops the message (web-protocol.test.ts).
    const shown = cardsToShow({
      ...base,
      publicCards: {},
      privateCards: [card("c5", { authorId: "me" }), card("c6", { activityId: "map2", authorId: "me" })],
    });
    expect(shown.map((c) => c.id)).toEqual(["c5"]);
  });

  it("shows my unacknowledged card.add commands last, as pending cards in my group", () => {
    const shown = cardsToShow({
      ...base,
      publicCards: { c1: card("c1") },
      pending: [
        {
          id: "cmd1",
          name: "card.add",
          args: { activityId: "map1", lane: "later", kind: "gap", text: "Offline idea" },
        },
        { id: "cmd2", name: "card.support", args: { cardId: "c1", on: true } },
        { id: "cmd3", name: "card.add", args: { activityId: "map2", lane: "now", kind: "idea", text: "Elsewhere" } },
      ],
    });
    expect(shown.map((c) => c.id)).toEqual(["c1", "pending-cmd1"]);
    expect(shown[1]).toMatchObject({
      pendingId: "cmd1",
      lane: "later",
      kind: "gap",
      text: "Offline idea",
      authorId: "me",
      group: "voluntary",
    });
  });

  it("keeps a refused card.add visible, marked refused, so nothing disappears silently", () => {
    const shown = cardsToShow({
      ...base,
      publicCards: {},
      refused: [
        { id: "cmd9", name: "card.add", args: { activityId: "map1", lane: "now", kind: "idea", text: "Too late" } },
      ],
    });
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ id: "refused-cmd9", refusedId: "cmd9", text: "Too late" });
    expect(shown[0]!.pendingId).toBeUndefined();
  });
});

describe("a long map's window on the phone", () => {
  const many = Array.from({ length: 800 }, (_, i) =>
    card(`c${i + 1}`, { lane: i % 2 ? "later" : "now", text: i % 100 === 7 ? `Bus pass ${i}` : `card ${i}` }),
  );
  const view = { me: "me", lane: "", query: "", limit: 30 };

  it("draws only the limit, newest first, and says how many match", () => {
    const { shown, total } = windowCards(many, view);
    expect(total).toBe(800);
    expect(shown).toHaveLength(30);
    expect(shown[0]!.id).toBe("c800");
    expect(shown[29]!.id).toBe("c771");
  });

  it("puts my own cards (saved, waiting or refused) before everyone else's", () => {
    const mine = card("c3", { authorId: "me" });
    const waiting = { ...card("p1", { authorId: "me", createdAt: Number.MAX_SAFE_INTEGER }), pendingId: "cmd1" };
    const { shown } = windowCards([...many.slice(3), mine, waiting], view);
    expect(shown.slice(0, 2).map((c) => c.id)).toEqual(["p1", "c3"]);
    expect(shown[2]!.id).toBe("c800");
  });

  it("filters by lane and by every word searched, in any case", () => {
    const later = windowCards(many, { ...view, lane: "later", limit: 1000 });
    expect(later.total).toBe(400);
    expect(later.shown.every((c) => c.lane === "later")).toBe(true);
    const found = windowCards(many, { ...view, query: "  bus PASS " });
    expect(found.shown.map((c) => c.text)).toEqual([
      "Bus pass 707",
      "Bus pass 607",
      "Bus pass 507",
      "Bus pass 407",
      "Bus pass 307",
      "Bus pass 207",
      "Bus pass 107",
      "Bus pass 7",
    ]);
    expect(windowCards(many, { ...view, query: "bus 707" }).total).toBe(1);
    expect(windowCards(many, { ...view, query: "nowhere" }).total).toBe(0);
  });
});

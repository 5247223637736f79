/** Two ways to let quieter voices in first: silent maps and community-first rounds. */
import { describe, expect, it } from "vitest";
import { facilitator, mapConfig, person, TestRoom } from "./support/room";

function roomWithMap(mode: "silent" | "community-first", extra: Record<string, unknown> = {}) {
  const room = new TestRoom();
  room.init({ activities: [{ kind: "map", title: "Ideas", config: mapConfig({ mode, allowLinks: true, ...extra }) }] });
  const map = room.activityId("Ideas");
  const amina = room.join(person("amina", "community"));
  const ben = room.join(person("ben", "statutory"));
  const cara = room.join(person("cara", "voluntary"));
  room.ok(facilitator, "activity.open", { activityId: map });
  const add = (who: typeof amina, text: string) =>
    room.run(who, "card.add", { activityId: map, lane: "waiting", kind: "idea", text });
  return { room, map, amina, ben, cara, add };
}

describe("silent map", () => {
  it("keeps new cards out of the doc and sends authors their own cards privately", () => {
    const { room, map, amina, ben, add } = roomWithMap("silent");
    const first = add(amina, "Evening clinics");
    add(ben, "Better letters");
    const second = add(amina, "A named contact");
    expect(first.ok && second.ok).toBe(true);
    expect(room.r.cards.size).toBe(0);
    expect(room.silentStore.size).toBe(3);
    const lastToAmina = room.privates.filter((p) => p.to === "amina").at(-1)?.message;
    expect(lastToAmina).toMatchObject({ type: "private", kind: "cards", activityId: map });
    expect((lastToAmina as { cards: { text: string }[] }).cards.map((c) => c.text)).toEqual([
      "Evening clinics",
      "A named contact",
    ]);
  });

  it("lets authors edit and delete their silent cards, and hides them from everyone else", () => {
    const { room, amina, ben, add } = roomWithMap("silent");
    const result = add(amina, "Evening clinics");
    const cardId = result.ok ? String(result.result.cardId) : "";
    room.ok(amina, "card.edit", { cardId, text: "Evening and weekend clinics" });
    expect(room.silentStore.get(cardId)?.text).toBe("Evening and weekend clinics");
    room.refused(ben, "card.edit", { cardId, text: "Mine" }, "not_found");
    room.refused(ben, "card.support", { cardId, on: true }, "not_found");
    room.ok(amina, "card.delete", { cardId });
    expect(room.silentStore.size).toBe(0);
    const last = room.privates.at(-1)?.message as { cards: unknown[] };
    expect(last.cards).toEqual([]);
  });

  it("sends facilitators every waiting card live, on each add, edit, delete, withdrawal and the reveal", () => {
    const { room, map, amina, ben, add } = roomWithMap("silent");
    const toFacilitators = () => {
      const last = room.privates.filter((p) => typeof p.to !== "string" && p.to.role === "facilitator").at(-1);
      expect(last?.message).toMatchObject({ type: "private", kind: "cards", activityId: map });
      const message = last?.message as { cards: { text: string }[] } | undefined;
      return (message?.cards ?? []).map((c) => c.text).sort();
    };
    const first = add(amina, "Evening clinics");
    expect(toFacilitators()).toEqual(["Evening clinics"]);
    const second = add(ben, "Better letters");
    expect(toFacilitators()).toEqual(["Better letters", "Evening clinics"]);
    room.ok(amina, "card.edit", { cardId: first.ok ? String(first.result.cardId) : "", text: "Weekend clinics" });
    expect(toFacilitators()).toEqual(["Better letters", "Weekend clinics"]);
    room.ok(ben, "card.delete", { cardId: second.ok ? String(second.result.cardId) : "" });
    expect(toFacilitators()).toEqual(["Weekend clinics"]);
    add(ben, "Free parking");
    room.ok(amina, "me.withdraw");
    expect(toFacilitators()).toEqual(["Free parking"]);
    room.ok(facilitator, "cards.reveal", { activityId: map });
    expect(toFacilitators()).toEqual([]);
  });

  it("cards.reveal moves every silent card into the doc, and later cards go straight there", () => {
    const { room, map, amina, ben, add } = roomWithMap("silent");
    add(amina, "Evening clinics");
    add(ben, "Better letters");
    expect(room.ok(facilitator, "cards.reveal", { activityId: map })).toEqual({ activityId: map, revealed: 2 });
    expect([...room.r.cards.values()].map((c) => c.text).sort()).toEqual(["Better letters", "Evening clinics"]);
    expect(room.silentStore.size).toBe(0);
    expect(room.activity(map).cardsRevealed).toBe(true);
    add(ben, "Free parking");
    expect(room.r.cards.size).toBe(3);
  });

  it("reveal refuses maps that are not silent", () => {
    const { room, map } = roomWithMap("community-first");
    room.refused(facilitator, "cards.reveal", { activityId: map }, "bad_request", /not a silent map/);
  });

  it("a facilitator can hide a silent card before it is revealed", () => {
    const { room, map, amina, add } = roomWithMap("silent");
    const r = add(amina, "Rude words");
    const cardId = r.ok ? String(r.result.cardId) : "";
    room.ok(facilitator, "card.hide", { cardId, reason: "Offensive" });
    room.ok(facilitator, "cards.reveal", { activityId: map });
    expect(room.card(cardId)).toMatchObject({ hidden: true, text: "" });
    expect(room.moderatedStore.get(cardId)).toBe("Rude words");
  });
});

describe("community-first map", () => {
  it("only the first groups contribute until the facilitator opens it to all", () => {
    const { room, map, amina, ben, cara, add } = roomWithMap("community-first");
    const r = add(amina, "Drop-in sessions at the library");
    expect(r.ok).toBe(true);
    const cardId = r.ok ? String(r.result.cardId) : "";
    const args = { activityId: map, lane: "waiting", kind: "idea", text: "Online booking" };
    room.refused(ben, "card.add", args, "forbidden", /community first/);
    room.refused(cara, "card.support", { cardId, on: true }, "forbidden");
    room.refused(ben, "comment.add", { cardId, text: "Good idea" }, "forbidden");
    room.ok(facilitator, "activity.openToAll", { activityId: map });
    room.ok(ben, "card.add", args);
    room.ok(cara, "card.support", { cardId, on: true });
    room.ok(ben, "comment.add", { cardId, text: "Good idea" });
  });

  it("lets facilitators add for any group during the first round", () => {
    const { room, map } = roomWithMap("community-first");
    room.ok(facilitator, "card.add", {
      activityId: map,
      lane: "waiting",
      kind: "idea",
      text: "From table 3",
      onBehalfOf: { group: "statutory" },
    });
  });

  it("honours custom first groups", () => {
    const { room, map, ben, amina } = roomWithMap("community-first", { firstGroups: ["statutory", "voluntary"] });
    const args = { activityId: map, lane: "waiting", kind: "idea", text: "Idea" };
    room.ok(ben, "card.add", args);
    room.refused(amina, "card.add", args, "forbidden");
  });

  it("refuses a community-first map with no first groups", () => {
    const room = new TestRoom();
    room.init({ activities: [] });
    room.refused(
      facilitator,
      "activity.add",
      { kind: "map", title: "x", config: mapConfig({ mode: "community-first", firstGroups: [] }) },
      "bad_request",
      /firstGroups/,
    );
  });
});

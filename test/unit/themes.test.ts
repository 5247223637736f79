/**
 * Theme suggestions (party/model/themes.ts and `cards.suggest`): paraphrases group
 * together in English and in Urdu, unrelated cards stay apart, and a full map of
 * 3,000 cards is grouped quickly (the real figure is in BENCHMARKS.md; the bound
 * here is generous because CI machines are shared).
 */
import { performance } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { gramsOf, normaliseText, suggestThemes } from "../../party/model/themes";
import { themeCards } from "../bench/theme-cards";
import { facilitator, mapConfig, person, typicalRoom, typicalRoomWithMapOpen } from "./support/room";

const cards = (list: [string, string][]) => list.map(([id, text]) => ({ id, text }));
const sorted = (groups: string[][]) =>
  groups.map((g) => [...g].sort()).sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? ""));

describe("suggestThemes", () => {
  it("groups paraphrases in English and keeps unrelated cards apart", () => {
    const english = cards([
      ["bus1", "More buses to the hospital"],
      ["bus2", "We need more bus services to the hospital"],
      ["bus3", "The hospital bus should run more often"],
      ["gp1", "Longer opening hours at the GP surgery"],
      ["gp2", "GP surgery opening hours are too short"],
      ["gp3", "Open the GP surgery in the evenings for longer hours"],
      ["park", "Free parking for carers"],
      ["lang", "A translator at every appointment"],
      ["young", "Somewhere safe for young people to meet after school"],
      ["rest", "Respite care so carers get a break"],
    ]);
    expect(sorted(suggestThemes(english))).toEqual([
      ["bus1", "bus2", "bus3"],
      ["gp1", "gp2", "gp3"],
    ]);
  });

  it("groups paraphrases in Urdu and keeps unrelated cards apart", () => {
    const urdu = cards([
      ["bus1", "ہسپتال کے لیے زیادہ بسیں"],
      ["bus2", "ہسپتال تک بس سروس زیادہ ہونی چاہیے"],
      ["bus3", "ہسپتال جانے والی بسیں زیادہ چلائیں"],
      ["clinic1", "ڈاکٹر کے کلینک کے اوقات لمبے ہوں"],
      ["clinic2", "کلینک کے اوقات بہت کم ہیں، ڈاکٹر شام کو بھی ملیں"],
      ["young", "نوجوانوں کے لیے محفوظ جگہ"],
      ["lang", "ہر ملاقات پر مترجم"],
      ["park", "دیکھ بھال کرنے والوں کے لیے مفت پارکنگ"],
    ]);
    expect(sorted(suggestThemes(urdu))).toEqual([
      ["bus1", "bus2", "bus3"],
      ["clinic1", "clinic2"],
    ]);
  });

  it("works in Bengali too, and never mixes scripts by accident", () => {
    const mixed = cards([
      ["bn1", "হাসপাতালে যাওয়ার বাস আরও দরকার"],
      ["bn2", "হাসপাতালের বাস আরও বেশি চাই"],
      ["en1", "More buses to the hospital"],
      ["en2", "We need more bus services to the hospital"],
      ["ur1", "ہسپتال کے لیے زیادہ بسیں"],
    ]);
    expect(sorted(suggestThemes(mixed))).toEqual([
      ["bn1", "bn2"],
      ["en1", "en2"],
    ]);
  });

  it("folds case, punctuation and Arabic-script spelling variants", () => {
    expect(normaliseText("  MORE   Buses!!  (please) ")).toBe("more buses please");
    // Arabic yeh and kaf, and a vowel mark, become what Urdu keyboards type.
    expect(normaliseText("كيَا")).toBe(normaliseText("کیا"));
    expect([...gramsOf("bus").keys()]).toEqual([" bu", "bus", "us "]);
    expect([...gramsOf("a").keys()]).toEqual([" a "]);
  });

  it("is deterministic and returns nothing for fewer than two cards", () => {
    const list = themeCards(300);
    expect(suggestThemes(list)).toEqual(suggestThemes(list));
    expect(suggestThemes([])).toEqual([]);
    expect(suggestThemes(cards([["a", "Buses"]]))).toEqual([]);
  });

  it("groups a full map of 3,000 cards within a bound generous enough for a shared CI machine", () => {
    const full = themeCards(3000);
    suggestThemes(full.slice(0, 200));
    const start = performance.now();
    const groups = suggestThemes(full);
    const elapsed = performance.now() - start;
    expect(groups.length).toBeGreaterThan(50);
    const ids = groups.flat();
    expect(new Set(ids).size, "a card is in one group at most").toBe(ids.length);
    expect(groups.every((g) => g.length >= 2 && g.length <= 40)).toBe(true);
    expect(elapsed).toBeLessThan(5_000);
  });
});

describe("cards.suggest", () => {
  it("answers the facilitator with groups of the map's visible cards and changes nothing", () => {
    const { room, a, b, add } = typicalRoomWithMapOpen();
    const bus1 = add(a, "More buses to the hospital");
    const bus2 = add(b, "We need more bus services to the hospital");
    const bus3 = add(a, "The hospital bus should run more often");
    add(b, "Free parking for carers");
    room.ok(facilitator, "card.hide", { cardId: bus3, reason: "Duplicate" });
    const before = Y.encodeStateAsUpdate(room.doc);
    const effects = room.effects.length;
    expect(room.run(facilitator, "cards.suggest", { activityId: room.ids.map })).toMatchObject({
      ok: true,
      result: { groups: [[bus1, bus2]] },
      effects: [],
    });
    expect(Buffer.from(Y.encodeStateAsUpdate(room.doc)).equals(Buffer.from(before)), "doc unchanged").toBe(true);
    expect(room.effects.length).toBe(effects);
  });

  it("includes a silent round's cards, which the facilitator already sees", () => {
    const room = typicalRoom();
    const a = room.join(person("a", "community"));
    const silent = String(
      room.ok(facilitator, "activity.add", { kind: "map", title: "Silent", config: mapConfig({ mode: "silent" }) })
        .activityId,
    );
    room.ok(facilitator, "activity.open", { activityId: silent });
    const add = (text: string) =>
      String(room.ok(a, "card.add", { activityId: silent, lane: "waiting", kind: "idea", text }).cardId);
    const one = add("Longer opening hours at the GP surgery");
    const two = add("GP surgery opening hours are too short");
    expect(room.ok(facilitator, "cards.suggest", { activityId: silent })).toEqual({ groups: [[one, two]] });
  });

  it("refuses a vote, an unknown activity and unknown fields", () => {
    const room = typicalRoom();
    room.refused(facilitator, "cards.suggest", { activityId: room.ids.vote }, "bad_request", /not a map/);
    room.refused(facilitator, "cards.suggest", { activityId: "nope" }, "not_found", /No activity/);
    room.refused(facilitator, "cards.suggest", { activityId: room.ids.map, merge: true }, "bad_request");
  });
});

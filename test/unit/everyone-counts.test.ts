/**
 * Everyone counts (issue 14): a paper ballot and a kiosk turn's ballot count in the
 * results by group exactly as a phone ballot of that group would, and say their source;
 * head counts count as present in balance of voice; kiosk turns count once per person.
 */
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import type { Actor } from "../../party/model/protocol";
import { balanceOfVoice, voiceInputFromDoc } from "../../party/model/voice";
import { labelled } from "../support/activities";
import { facilitator, interpreter, kiosk, person, TestRoom, typicalRoom, voteConfig } from "./support/room";

type Entry = "phone" | "paper" | "kiosk";

/** Balance-of-voice input with every group shown on its own: these rooms are small, and folding is tested in voice.test.ts. */
function unfolded(doc: Y.Doc, present: string[]) {
  return { ...voiceInputFromDoc(doc, present), k: 1 };
}
const TABLES = labelled({ t1: "Table 1", t2: "Table 2" });

/** Six phones have voted (3 community, 3 statutory); the seventh community ballot arrives by `entry`. */
function voteWithSeventh(entry: Entry) {
  const room = new TestRoom();
  room.init({ activities: [{ kind: "vote", title: "Vote", config: voteConfig("dots", { dots: 5 }) }] });
  const vote = room.activityId("Vote");
  room.ok(facilitator, "activity.open", { activityId: vote });
  const phones: [string, string, Record<string, number>][] = [
    ["c1", "community", { transport: 3, peer: 2 }],
    ["c2", "community", { transport: 1 }],
    ["c3", "community", { peer: 2, evening: 1 }],
    ["s1", "statutory", { evening: 3 }],
    ["s2", "statutory", { evening: 2, transport: 1 }],
    ["s3", "statutory", { interpreters: 3 }],
  ];
  for (const [id, group, allocations] of phones)
    room.ok(room.join(person(id, group)), "ballot.submit", { activityId: vote, ballot: { allocations } });
  const ballot = { allocations: { peer: 3, interpreters: 2 } };
  let result: Record<string, unknown>;
  if (entry === "phone") {
    result = room.ok(room.join(person("c4", "community")), "ballot.submit", { activityId: vote, ballot });
  } else if (entry === "paper") {
    result = room.ok(facilitator, "ballot.submit", {
      activityId: vote,
      ballot,
      onBehalfOf: { group: "community" },
      source: "paper",
    });
  } else {
    result = room.ok(kiosk(), "ballot.submit", {
      activityId: vote,
      ballot,
      onBehalfOf: { group: "community", turn: "turn-aaaa1" },
    });
  }
  room.ok(facilitator, "results.reveal", { activityId: vote });
  const tally = room.r.results.get(vote);
  if (!tally) throw new Error("no result after the reveal");
  return { room, vote, result, tally };
}

describe("a paper or kiosk ballot counts as a phone ballot of its group", () => {
  const phone = voteWithSeventh("phone");
  for (const entry of ["paper", "kiosk"] as const) {
    it(`${entry}: the same totals, by group, turnout and ranking as a phone ballot; the source is said`, () => {
      const other = voteWithSeventh(entry);
      for (const key of ["voters", "totals", "byGroup", "turnout", "ranking", "mergedGroups", "equalWeight"] as const)
        expect(other.tally[key], key).toEqual(phone.tally[key]);
      expect(other.room.activity(other.vote).turnout).toEqual(phone.room.activity(phone.vote).turnout);
      expect(phone.tally.sources).toEqual({ phone: 7, paper: 0, kiosk: 0 });
      expect(other.tally.sources).toEqual({
        phone: 6,
        paper: entry === "paper" ? 1 : 0,
        kiosk: entry === "kiosk" ? 1 : 0,
      });
      expect(other.result).toMatchObject({ source: entry, ballotId: expect.any(String) });
    });
  }

  it("the byGroup of the one extra community ballot moves only community's totals", () => {
    const paper = voteWithSeventh("paper").tally;
    const byPhone = phone.tally;
    expect(paper.byGroup.community?.totals.peer).toBe(byPhone.byGroup.community?.totals.peer);
    expect(paper.byGroup.community?.totals.peer).toBe(2 + 2 + 3);
  });

  it("does not echo a kiosk or paper ballot back to the device: the next person must not see it", () => {
    const { room } = voteWithSeventh("kiosk");
    expect(room.privates.filter((p) => p.to === "kio1")).toEqual([]);
    const paper = voteWithSeventh("paper").room;
    expect(paper.privates.filter((p) => p.to === facilitator.id && p.message.kind === "ballot")).toEqual([]);
  });

  it("each paper ballot is one more person: two entries are two voters, re-entry needs a new command", () => {
    const room = typicalRoom();
    room.ok(facilitator, "tables.set", { tables: TABLES });
    room.ok(facilitator, "activity.open", { activityId: room.ids.vote });
    const args = {
      activityId: room.ids.vote,
      ballot: { allocations: { transport: 1 } },
      onBehalfOf: { group: "voluntary", table: "t2" },
      source: "paper",
    };
    const a = room.ok(facilitator, "ballot.submit", args);
    const b = room.ok(facilitator, "ballot.submit", args);
    expect(a.ballotId).not.toBe(b.ballotId);
    // Turnout by group moves in steps of three ballots while the vote is open (safety #12).
    expect(room.activity(room.ids.vote).turnout).toEqual({ voters: 2, byGroup: {} });
    expect(room.respondent(String(a.ballotId))).toEqual({ source: "paper", group: "voluntary", table: "t2" });
  });

  it("a mistaken paper ballot can be removed; a phone's cannot be removed this way", () => {
    const { room, vote, result } = voteWithSeventh("paper");
    const ballotId = String(result.ballotId);
    room.ok(facilitator, "ballot.remove", { activityId: vote, ballotId });
    expect(room.r.results.get(vote)).toMatchObject({ voters: 6, sources: { phone: 6, paper: 0, kiosk: 0 } });
    expect(room.activity(vote).turnout?.byGroup).toEqual({ community: 3, statutory: 3 });
    room.refused(facilitator, "ballot.remove", { activityId: vote, ballotId }, "not_found");
    room.refused(facilitator, "ballot.remove", { activityId: vote, ballotId: "c1" }, "not_found", /paper or kiosk/);
  });
});

describe("who may act for whom", () => {
  it("a participant may not act on behalf of anyone, nor claim paper", () => {
    const room = typicalRoom();
    const p = room.join(person("p1"));
    room.ok(facilitator, "activity.open", { activityId: room.ids.vote });
    const ballot = { allocations: { transport: 1 } };
    room.refused(
      p,
      "ballot.submit",
      { activityId: room.ids.vote, ballot, onBehalfOf: { group: "statutory" } },
      "forbidden",
    );
    room.refused(p, "ballot.submit", { activityId: room.ids.vote, ballot, source: "paper" }, "forbidden");
    room.ok(facilitator, "activity.open", { activityId: room.ids.map });
    room.refused(
      p,
      "card.add",
      { activityId: room.ids.map, lane: "waiting", kind: "idea", text: "x", onBehalfOf: { group: "statutory" } },
      "forbidden",
    );
  });

  it("a facilitator votes only for a person on paper", () => {
    const room = typicalRoom();
    room.ok(facilitator, "activity.open", { activityId: room.ids.vote });
    const ballot = { allocations: { transport: 1 } };
    room.refused(facilitator, "ballot.submit", { activityId: room.ids.vote, ballot }, "forbidden", /paper/);
    room.refused(
      facilitator,
      "ballot.submit",
      { activityId: room.ids.vote, ballot, onBehalfOf: { group: "community" } },
      "forbidden",
    );
    room.refused(
      facilitator,
      "ballot.submit",
      { activityId: room.ids.vote, ballot, onBehalfOf: { group: "martians" }, source: "paper" },
      "bad_request",
      /martians/,
    );
    room.refused(
      facilitator,
      "ballot.submit",
      { activityId: room.ids.vote, ballot, onBehalfOf: { group: "community", turn: "turn-bbbb1" }, source: "paper" },
      "bad_request",
      /kiosks/,
    );
  });

  it("a kiosk must say who is adding each thing, and may not claim paper or another table", () => {
    const room = typicalRoom();
    room.ok(facilitator, "activity.open", { activityId: room.ids.map });
    const card = { activityId: room.ids.map, lane: "waiting", kind: "idea", text: "Buses" };
    room.refused(kiosk(), "card.add", card, "bad_request", /who is adding/);
    room.refused(kiosk(), "card.add", { ...card, onBehalfOf: { group: "community" } }, "bad_request", /who is adding/);
    room.refused(
      kiosk(),
      "card.add",
      { ...card, onBehalfOf: { group: "community", turn: "turn-cccc1" }, source: "paper" },
      "bad_request",
    );
    room.ok(facilitator, "tables.set", { tables: TABLES });
    room.refused(
      kiosk("kio2", "t1"),
      "card.add",
      { ...card, onBehalfOf: { group: "community", turn: "turn-cccc1", table: "t2" } },
      "forbidden",
      /table t1/,
    );
  });
});

describe("a kiosk taking three people in turn", () => {
  it("credits each turn once to its group, as a nameless person present in the room", () => {
    const room = typicalRoom();
    const tablet: Actor = kiosk();
    room.ok(facilitator, "activity.open", { activityId: room.ids.map });
    const turns = [
      { group: "community", turn: "turn-00001" },
      { group: "community", turn: "turn-00002" },
      { group: "statutory", turn: "turn-00003" },
    ];
    const cards: string[] = [];
    for (const onBehalfOf of turns) {
      const cardId = String(
        room.ok(tablet, "card.add", {
          activityId: room.ids.map,
          lane: "waiting",
          kind: "problem",
          text: `Said by ${onBehalfOf.turn}`,
          onBehalfOf,
        }).cardId,
      );
      if (cards[0]) room.ok(tablet, "card.support", { cardId: cards[0], on: true, onBehalfOf });
      cards.push(cardId);
    }
    // The first person supports the second person's card too: still one person.
    room.ok(tablet, "card.support", { cardId: cards[1] as string, on: true, onBehalfOf: turns[0] });
    const atKiosk = [...room.r.participants.values()].filter((p) => p.source === "kiosk");
    expect(atKiosk.map((p) => [p.group, p.name])).toEqual([
      ["community", ""],
      ["community", ""],
      ["statutory", ""],
    ]);
    expect(room.card(cards[0] as string)).toMatchObject({ source: "kiosk", group: "community", authorName: "" });
    // A turn is one person of one group.
    room.refused(
      tablet,
      "card.add",
      {
        activityId: room.ids.map,
        lane: "waiting",
        kind: "idea",
        text: "x",
        onBehalfOf: { ...turns[0], group: "statutory" },
      },
      "conflict",
    );
    const voice = balanceOfVoice(unfolded(room.doc, []));
    const row = (g: string) => voice.groups.find((x) => x.group === g);
    expect(row("community")).toMatchObject({ present: 2, cards: 2, supports: 2 });
    expect(row("statutory")).toMatchObject({ present: 1, cards: 1, supports: 1 });
  });
});

describe("head counts", () => {
  it("count people on paper as present in balance of voice, per group and table", () => {
    const room = typicalRoom();
    room.ok(facilitator, "tables.set", { tables: TABLES });
    const phones = ["s1", "s2", "c1", "c2"].map((id) =>
      room.join(person(id, id.startsWith("s") ? "statutory" : "community")),
    );
    room.ok(facilitator, "activity.open", { activityId: room.ids.map });
    for (let i = 0; i < 8; i += 1)
      room.ok(phones[i % 2] as Actor, "card.add", {
        activityId: room.ids.map,
        lane: "waiting",
        kind: "idea",
        text: `s${i}`,
      });
    // Community: 3 of 11 cards from half the room is quiet, but not under-heard (3/11 ≥ 0.5 × 0.5).
    for (const c of [...phones.slice(2), phones[2] as Actor])
      room.ok(c, "card.add", { activityId: room.ids.map, lane: "waiting", kind: "idea", text: `by ${c.id}` });
    const present = phones.map((p) => p.id);
    const before = balanceOfVoice(unfolded(room.doc, present));
    const community = () => before.groups.find((g) => g.group === "community");
    expect(community()).toMatchObject({ present: 2, presentShare: 0.5, underHeard: false });

    room.ok(facilitator, "attendance.set", { group: "community", count: 4, table: "t1" });
    room.ok(facilitator, "attendance.set", { group: "community", count: 2, table: "t2" });
    const after = balanceOfVoice(unfolded(room.doc, present));
    const now = after.groups.find((g) => g.group === "community");
    expect(now).toMatchObject({ present: 8, presentShare: 0.8, underHeard: true });
    expect(after.totals.present).toBe(10);
    // A new count replaces the last one; 0 clears it.
    room.ok(facilitator, "attendance.set", { group: "community", count: 0, table: "t1" });
    expect(balanceOfVoice(unfolded(room.doc, present)).totals.present).toBe(6);
    room.refused(facilitator, "attendance.set", { group: "mars", count: 2 }, "bad_request");
    room.refused(facilitator, "attendance.set", { group: "community", count: -1 }, "bad_request");
    room.refused(facilitator, "attendance.set", { group: "community", count: 2, extra: 1 }, "bad_request");
  });
});

describe("paper feedback", () => {
  it("counts in turnout by group, is not echoed, and can be removed", () => {
    const room = typicalRoom();
    room.ok(facilitator, "activity.open", { activityId: room.ids.feedback });
    const result = room.ok(facilitator, "feedback.submit", {
      activityId: room.ids.feedback,
      answers: { listened: 5, comments: "Thank you" },
      onBehalfOf: { group: "community" },
      source: "paper",
    });
    expect(result).toMatchObject({ source: "paper", feedbackId: expect.any(String) });
    // Counted at once; by group only in steps of LIVE_STEP (safety #12), like a phone's answer.
    expect(room.activity(room.ids.feedback).turnout).toEqual({ voters: 1, byGroup: {} });
    expect(room.privates).toEqual([]);
    room.ok(facilitator, "feedback.remove", { activityId: room.ids.feedback, feedbackId: String(result.feedbackId) });
    expect(room.activity(room.ids.feedback).turnout).toEqual({ voters: 0, byGroup: {} });
    room.ok(facilitator, "activity.close", { activityId: room.ids.feedback });
    expect(room.activity(room.ids.feedback).turnout).toEqual({ voters: 0, byGroup: {} });
    expect(room.feedback(room.ids.feedback, String(result.feedbackId))).toBeNull();
  });
});

describe("translations", () => {
  it("an interpreter translates a card into their own language only, and the entry names no author", () => {
    const room = typicalRoom();
    const p = room.join(person("p1", "community", "Amina Khan"));
    room.ok(facilitator, "activity.open", { activityId: room.ids.map });
    const cardId = String(
      room.ok(p, "card.add", { activityId: room.ids.map, lane: "waiting", kind: "problem", text: "No interpreter" })
        .cardId,
    );
    room.ok(interpreter("ur"), "translation.set", {
      target: `card.${cardId}`,
      language: "ur",
      text: "کوئی مترجم نہیں",
    });
    const entry = room.r.translations.get(`ur:card.${cardId}`);
    expect(entry).toEqual({ target: `card.${cardId}`, language: "ur", text: "کوئی مترجم نہیں", updatedAt: room.now });
    expect(JSON.stringify(entry)).not.toMatch(/p1|Amina|community/);
    room.refused(
      interpreter("ur"),
      "translation.set",
      { target: `card.${cardId}`, language: "bn", text: "x" },
      "forbidden",
    );
    room.refused(interpreter("ur"), "translation.set", { target: "card.nope", language: "ur", text: "x" }, "not_found");
    room.refused(
      interpreter("ur"),
      "translation.set",
      { target: "cards.all", language: "ur", text: "x" },
      "bad_request",
    );
  });

  it("hiding or editing a card drops its translations, so hidden words do not linger", () => {
    const room = typicalRoom();
    const p = room.join(person("p1"));
    room.ok(facilitator, "activity.open", { activityId: room.ids.map });
    const add = (text: string) =>
      String(room.ok(p, "card.add", { activityId: room.ids.map, lane: "waiting", kind: "idea", text }).cardId);
    const hidden = add("Dr X was rude");
    const edited = add("Buses");
    for (const id of [hidden, edited])
      room.ok(interpreter("ur"), "translation.set", { target: `card.${id}`, language: "ur", text: "ترجمہ" });
    room.ok(facilitator, "card.hide", { cardId: hidden, reason: "Names staff" });
    room.ok(p, "card.edit", { cardId: edited, text: "Buses at night" });
    expect([...room.r.translations.keys()]).toEqual([]);
    room.refused(
      interpreter("ur"),
      "translation.set",
      { target: `card.${hidden}`, language: "ur", text: "x" },
      "not_found",
    );
  });

  it("facilitators give organiser-written text in any language; empty text removes it", () => {
    const room = typicalRoom();
    const set = (target: string, text: string) =>
      room.ok(facilitator, "translation.set", { target, language: "ur", text });
    set("workshop.consent", "میں حصہ لینے پر راضی ہوں");
    set(`activity.${room.ids.map}.prompt`, "آپ کا سفر");
    set(`lane.${room.ids.map}.waiting`, "انتظار");
    set(`kind.${room.ids.map}.idea`, "خیال");
    set(`option.${room.ids.vote}.transport`, "ٹرانسپورٹ");
    set(`item.${room.ids.feedback}.listened`, "میری بات سنی گئی");
    expect(room.r.translations.size).toBe(6);
    set("workshop.consent", "");
    expect(room.r.translations.has("ur:workshop.consent")).toBe(false);
    room.refused(
      facilitator,
      "translation.set",
      { target: `lane.${room.ids.map}.nowhere`, language: "ur", text: "x" },
      "not_found",
    );
    room.refused(
      facilitator,
      "translation.set",
      { target: `option.${room.ids.map}.x`, language: "ur", text: "x" },
      "bad_request",
    );
  });
});

describe("the projector's second language", () => {
  it("a facilitator chooses it, even after closing; never the workshop's own language; null clears it", () => {
    const room = typicalRoom();
    expect(room.ok(facilitator, "screen.language", { language: "ur" })).toEqual({ language: "ur" });
    expect(room.r.workshop.get("screenLanguage")).toBe("ur");
    room.refused(facilitator, "screen.language", { language: "en" }, "bad_request", /own language/);
    room.refused(facilitator, "screen.language", { language: "Urdu!" }, "bad_request");
    room.refused(interpreter("ur"), "screen.language", { language: "ur" }, "forbidden");
    room.ok(facilitator, "workshop.close", {});
    room.ok(facilitator, "screen.language", { language: null });
    expect(room.r.workshop.get("screenLanguage")).toBeNull();
  });
});

/** Balance of voice on a hand-computed room. */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DEFAULT_GROUPS } from "../../party/model/commands";
import { balanceOfVoice, UNDER_HEARD, type VoiceInput, voiceInputFromDoc } from "../../party/model/voice";
import { facilitator, person, typicalRoom } from "./support/room";

const card = (authorId: string, group: string, supports: string[] = [], transcribed = false) => ({
  authorId,
  group,
  supports,
  transcribed,
});

function room(): VoiceInput {
  return {
    groups: DEFAULT_GROUPS,
    participants: [
      { id: "c1", group: "community" },
      { id: "c2", group: "community" },
      { id: "c3", group: "community" },
      { id: "c4", group: "community" },
      { id: "s1", group: "statutory" },
      { id: "s2", group: "statutory" },
      { id: "v1", group: "voluntary" },
      { id: "gone", group: "community", removed: true },
    ],
    present: ["c1", "c2", "c3", "c4", "s1", "s2", "gone"],
    cards: [
      card("s1", "statutory", ["s2", "c2"]),
      card("s1", "statutory", ["s2"]),
      card("s1", "statutory"),
      card("s1", "statutory"),
      card("s1", "statutory"),
      card("s2", "statutory"),
      card("s2", "statutory"),
      card("s2", "statutory"),
      card("c1", "community"),
      card("fac1", "voluntary", [], true),
      card("fac1", "facilitator"),
    ],
    comments: [
      { authorId: "s1", group: "statutory" },
      { authorId: "c3", group: "community" },
    ],
    ballotsByGroup: { community: 2, statutory: 2 },
  };
}

describe("balanceOfVoice", () => {
  const result = balanceOfVoice(room());
  const row = (g: string) => result.groups.find((x) => x.group === g);

  it("totals contributions, leaving out facilitators' own cards and removed people's presence", () => {
    // cards 5 + 3 + 1 + 1 transcribed = 10; supports 3; comments 2; ballots 4
    expect(result.totals).toEqual({ present: 6, cards: 10, supports: 3, comments: 2, ballots: 4, contributions: 19 });
    expect(result.groups.map((g) => g.group)).toEqual(["community", "voluntary", "statutory", "other"]);
  });

  it("gives each group's shares", () => {
    expect(row("community")).toMatchObject({
      present: 4,
      presentShare: 0.667,
      cards: 1,
      cardShare: 0.1,
      supports: 1,
      supportShare: 0.333,
      comments: 1,
      commentShare: 0.5,
      ballots: 2,
      ballotShare: 0.5,
      contributions: 5,
      contributionShare: 0.263,
    });
    expect(row("statutory")).toMatchObject({
      present: 2,
      presentShare: 0.333,
      contributions: 13,
      contributionShare: 0.684,
    });
    expect(row("voluntary")).toMatchObject({ present: 0, cards: 1, contributions: 1, ratio: null, underHeard: false });
  });

  it("cues a group heard at under half its presence", () => {
    // community: 0.263 of contributions < 0.5 × 0.667 of presence
    expect(row("community")?.ratio).toBeCloseTo(0.263 / 0.667, 3);
    expect(row("community")?.underHeard).toBe(true);
    expect(row("statutory")?.underHeard).toBe(false);
  });

  it("gives no cue before there is enough to judge, or for a single person", () => {
    const quiet = room();
    quiet.cards = quiet.cards.slice(0, 2);
    quiet.comments = [];
    quiet.ballotsByGroup = {};
    expect(balanceOfVoice(quiet).totals.contributions).toBeLessThan(UNDER_HEARD.minContributions);
    expect(balanceOfVoice(quiet).groups.some((g) => g.underHeard)).toBe(false);
    const alone = room();
    alone.present = ["c1", "s1", "s2"];
    expect(balanceOfVoice(alone).groups.find((g) => g.group === "community")?.underHeard).toBe(false);
  });

  it("handles an empty room", () => {
    const empty = balanceOfVoice({
      groups: DEFAULT_GROUPS,
      participants: [],
      present: [],
      cards: [],
      comments: [],
      ballotsByGroup: {},
    });
    expect(empty.groups.every((g) => g.presentShare === 0 && g.contributionShare === 0 && !g.underHeard)).toBe(true);
  });
});

describe("voiceInputFromDoc", () => {
  it("reads the live doc, leaving out moderated cards", () => {
    const r = typicalRoom();
    const a = r.join(person("a", "community"));
    const b = r.join(person("b", "statutory"));
    r.ok(facilitator, "activity.open", { activityId: r.ids.map });
    const add = (who: typeof a, text: string) =>
      String(r.ok(who, "card.add", { activityId: r.ids.map, lane: "waiting", kind: "idea", text }).cardId);
    const kept = add(a, "Kept");
    const rude = add(b, "Rude");
    r.ok(b, "card.support", { cardId: kept, on: true });
    r.ok(facilitator, "card.hide", { cardId: rude, reason: "Rude" });
    r.ok(facilitator, "activity.open", { activityId: r.ids.vote });
    r.ok(a, "ballot.submit", { activityId: r.ids.vote, ballot: { allocations: {} } });
    const input = voiceInputFromDoc(r.doc, ["a", "b"]);
    expect(input.cards).toHaveLength(1);
    expect(input.ballotsByGroup).toEqual({ community: 1 });
    const result = balanceOfVoice(input);
    expect(result.groups.find((g) => g.group === "community")).toMatchObject({ cards: 1, ballots: 1, present: 1 });
    expect(result.groups.find((g) => g.group === "statutory")).toMatchObject({ supports: 1, present: 1 });
    expect(voiceInputFromDoc(new Y.Doc(), []).cards).toEqual([]);
  });
});

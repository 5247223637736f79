/** Balance of voice on a hand-computed room. */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { DEFAULT_GROUPS } from "../../party/model/default-groups";
import { balanceOfVoice, UNDER_HEARD, type VoiceInput, voiceInputFromDoc } from "../../party/model/voice";
import { facilitator, typicalRoomWithMapOpen } from "./support/room";

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
  // k = 1: every group on its own, to check the arithmetic; folding is checked below.
  const result = balanceOfVoice({ ...room(), k: 1 });
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
    const quiet = { ...room(), k: 1 };
    quiet.cards = quiet.cards.slice(0, 2);
    quiet.comments = [];
    quiet.ballotsByGroup = {};
    expect(balanceOfVoice(quiet).totals.contributions).toBeLessThan(UNDER_HEARD.minContributions);
    expect(balanceOfVoice(quiet).groups.some((g) => g.underHeard)).toBe(false);
    const alone = { ...room(), k: 1 };
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

describe("balance of voice folds small groups (the rule results use)", () => {
  // community 5 people (one removed), statutory 2, voluntary 1, other 0 → statutory and
  // voluntary (3 together) are shown as one row that names them.
  const result = balanceOfVoice(room());
  it("shows small groups only together, labelled with the groups merged", () => {
    expect(result.groups.map((g) => g.group)).toEqual(["community", "other"]);
    expect(result.mergedGroups).toEqual(["statutory", "voluntary"]);
    expect(result.suppressed).toBe(0);
    const other = result.groups.find((g) => g.group === "other");
    expect(other?.mergedFrom).toEqual(["statutory", "voluntary"]);
    // statutory 2 + voluntary 0 present; statutory 13 contributions + the transcribed voluntary card
    expect(other).toMatchObject({ present: 2, cards: 9, supports: 2, comments: 1, ballots: 2, contributions: 14 });
  });

  it("keeps the totals: folding moves contributions, never drops them", () => {
    expect(result.totals).toEqual({ present: 6, cards: 10, supports: 3, comments: 2, ballots: 4, contributions: 19 });
  });

  it("never shows a group of one beside the rest", () => {
    const input = room();
    input.participants = [...input.participants, { id: "s3", group: "statutory" }];
    // statutory now 3 (shown); voluntary 1 alone in other → the smallest shown group joins it
    const folded = balanceOfVoice(input);
    expect(folded.groups.map((g) => g.group)).toEqual(["community", "other"]);
    expect(folded.groups.find((g) => g.group === "other")?.mergedFrom).toEqual(["statutory", "voluntary"]);
  });
});

describe("voiceInputFromDoc", () => {
  it("reads the live doc, leaving out moderated cards", () => {
    const { room: r, a, b, add } = typicalRoomWithMapOpen();
    const kept = add(a, "Kept");
    const rude = add(b, "Rude");
    r.ok(b, "card.support", { cardId: kept, on: true });
    r.ok(facilitator, "card.hide", { cardId: rude, reason: "Rude" });
    r.ok(facilitator, "activity.open", { activityId: r.ids.vote });
    r.ok(a, "ballot.submit", { activityId: r.ids.vote, ballot: { allocations: {} } });
    // Turnout by group moves in steps of three ballots while a vote is open (safety #12); closing settles it.
    r.ok(facilitator, "activity.close", { activityId: r.ids.vote });
    const input = voiceInputFromDoc(r.doc, ["a", "b"]);
    expect(input.cards).toHaveLength(1);
    expect(input.ballotsByGroup).toEqual({ community: 1 });
    const result = balanceOfVoice({ ...input, k: 1 });
    expect(result.groups.find((g) => g.group === "community")).toMatchObject({ cards: 1, ballots: 1, present: 1 });
    // Two people: by the small-group rule nothing is broken down by group.
    const folded = balanceOfVoice(input);
    expect(folded.suppressed).toBe(2);
    expect(folded.groups.map((g) => g.group)).toEqual(["voluntary", "other"]);
    expect(folded.groups.every((g) => g.contributions === 0 && g.present === 0)).toBe(true);
    expect(result.groups.find((g) => g.group === "statutory")).toMatchObject({ supports: 1, present: 1 });
    expect(voiceInputFromDoc(new Y.Doc(), []).cards).toEqual([]);
  });
});

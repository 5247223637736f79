/**
 * Agreement across groups and equal-weight totals on a designed room, every
 * figure computed by hand (formulas in docs/voice.md).
 *
 * 16 voters: statutory 10, community 3, voluntary 3. Approval vote.
 * - "both": every community and voluntary voter and 2 statutory voters approve it
 *   → people 8; shares community 1, voluntary 1, statutory 0.2
 * - "pro": only the 10 statutory voters approve it → people 10; shares 0, 0, 1
 * - "none": nobody.
 */
import { describe, expect, it } from "vitest";
import type { Ballot } from "../../party/model/commands";
import { type CastBallot, tally } from "../../party/model/tally";
import { labelled } from "../support/activities";

let n = 0;
const cast = (group: string, ballot: Ballot): CastBallot => ({ participantId: `p${++n}`, group, ballot });
const options = labelled({
  both: "Backed by every group",
  pro: "Backed by the largest group only",
  none: "Backed by nobody",
});
const ballots: CastBallot[] = [
  ...[1, 2, 3].map(() => cast("community", { approved: ["both"] })),
  ...[1, 2, 3].map(() => cast("voluntary", { approved: ["both"] })),
  ...[1, 2].map(() => cast("statutory", { approved: ["both", "pro"] })),
  ...[1, 2, 3, 4, 5, 6, 7, 8].map(() => cast("statutory", { approved: ["pro"] })),
];

describe("agreement across groups (designed case)", () => {
  const result = tally({ method: "approve", options, ballots });

  it("gives each shown group's support share, the floor and the spread", () => {
    expect(result.crossGroup.groups).toEqual(["community", "statutory", "voluntary"]);
    expect(result.crossGroup.options.both).toMatchObject({
      support: { community: 1, statutory: 0.2, voluntary: 1 },
      floor: 0.2,
      spread: 0.8,
    });
    expect(result.crossGroup.options.pro).toMatchObject({
      support: { community: 0, statutory: 1, voluntary: 0 },
      floor: 0,
      spread: 1,
    });
  });

  it("scores the option every group backs above the one only the largest group backs", () => {
    // both: ((3+1)/(3+2) · (2+1)/(10+2) · (3+1)/(3+2))^(1/3) = (0.8 · 0.25 · 0.8)^(1/3) = 0.16^(1/3) = 0.543
    // pro:  ((0+1)/5 · (10+1)/12 · (0+1)/5)^(1/3) = (0.2 · 0.9167 · 0.2)^(1/3) = 0.03667^(1/3) = 0.332
    // none: (0.2 · (1/12) · 0.2)^(1/3) = 0.00333^(1/3) = 0.149
    expect(result.crossGroup.options.both?.score).toBe(0.543);
    expect(result.crossGroup.options.pro?.score).toBe(0.332);
    expect(result.crossGroup.options.none?.score).toBe(0.149);
    expect(result.crossGroup.options.both?.score ?? 0).toBeGreaterThan(result.crossGroup.options.pro?.score ?? 1);
  });

  it("names where groups differ most, widest gap first", () => {
    expect(result.crossGroup.divided).toEqual([
      { optionId: "pro", high: "statutory", low: "community", spread: 1 },
      { optionId: "both", high: "community", low: "statutory", spread: 0.8 },
    ]);
    // statutory backs "both" at 20%: no priority has a majority of every group
    expect(result.crossGroup.shared).toEqual([]);
  });

  it("lists the priorities every group shares once a majority of each backs them", () => {
    const more = [
      ...ballots.slice(0, 6),
      ...ballots.slice(6).map((b) => ({ ...b, ballot: { approved: ["both", "pro"] } })),
    ];
    const shared = tally({ method: "approve", options, ballots: more });
    expect(shared.crossGroup.shared).toEqual(["both"]);
  });
});

describe("equal-weight totals (designed case)", () => {
  it("counts each shown group equally, scaled to the voters", () => {
    const result = tally({ method: "approve", options, ballots });
    // E(o) = N/G · Σ_g T_g(o)/n_g with N = 16, G = 3
    // both: 16/3 · (3/3 + 3/3 + 2/10) = 16/3 · 2.2 = 11.733; pro: 16/3 · (0 + 0 + 10/10) = 5.333
    expect(result.totals).toEqual({ both: 8, pro: 10, none: 0 });
    expect(result.equalWeight.totals).toEqual({ both: 11.733, pro: 5.333, none: 0 });
  });

  it("changes the ranking when groups differ in size, and the vote's weighting picks which one decides", () => {
    const people = tally({ method: "approve", options, ballots });
    expect(people.weighting).toBe("people");
    expect(people.ranking).toEqual(["pro", "both", "none"]);
    expect(people.rankings).toEqual({ people: ["pro", "both", "none"], groups: ["both", "pro", "none"] });
    const groups = tally({ method: "approve", options, ballots, weighting: "groups" });
    expect(groups.ranking).toEqual(["both", "pro", "none"]);
    expect(groups.totals).toEqual(people.totals);
  });

  it("equals the people totals when groups are the same size", () => {
    const even = [
      ...[1, 2, 3].map(() => cast("community", { allocations: { both: 2, pro: 1 } })),
      ...[1, 2, 3].map(() => cast("statutory", { allocations: { pro: 3 } })),
    ];
    const result = tally({ method: "dots", options, ballots: even });
    expect(result.equalWeight.totals).toEqual(result.totals);
  });

  it("folds small groups first (k = 3): a group of two never weighs as much as a whole group", () => {
    const small = [...ballots, cast("other", { approved: ["none"] }), cast("other", { approved: ["none"] })];
    const result = tally({ method: "approve", options, ballots: small });
    // other (2) is under k: the smallest shown group (community, 3; tie with voluntary broken by id) joins it
    expect(Object.keys(result.byGroup)).toEqual(["other", "statutory", "voluntary"]);
    expect(result.byGroup.other?.mergedFrom).toEqual(["community", "other"]);
    // N = 18, G = 3: none = 6 · (2/5 + 0 + 0) = 2.4; both = 6 · (3/5 + 2/10 + 3/3) = 10.8
    expect(result.equalWeight.totals).toMatchObject({ none: 2.4, both: 10.8 });
  });

  it("with fewer than k voters (nothing by group) is the people totals", () => {
    const result = tally({ method: "approve", options, ballots: ballots.slice(0, 2) });
    expect(result.equalWeight.totals).toEqual(result.totals);
    expect(result.crossGroup.options.both?.score).toBeNull();
  });
});

describe("traced priorities", () => {
  it("carries each option's origin by group and, where tables exist, by table", () => {
    const traced = [
      { id: "c1", label: "Bus", cardIds: ["c1", "c2"] },
      { id: "c3", label: "Clinic", cardIds: ["c3"] },
      { id: "typed", label: "Typed in" },
    ];
    const cardGroups = { c1: "community", c2: "statutory", c3: "community" };
    const result = tally({
      method: "approve",
      options: traced,
      ballots: [cast("x", { approved: ["c1"] })],
      cardGroups,
      cardTables: { c1: "t1", c2: "t2", c3: "t1" },
    });
    expect(result.origins).toEqual({
      c1: { cards: 2, byGroup: { community: 1, statutory: 1 }, byTable: { t1: 1, t2: 1 } },
      c3: { cards: 1, byGroup: { community: 1 }, byTable: { t1: 1 } },
    });
    expect(tally({ method: "approve", options: traced, ballots: [], cardGroups }).origins.c1).toEqual({
      cards: 2,
      byGroup: { community: 1, statutory: 1 },
    });
  });
});

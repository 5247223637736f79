/** Vote results, checked against hand-computed cases. */
import { describe, expect, it } from "vitest";
import type { Ballot } from "../../party/model/commands";
import { averageRanks, type CastBallot, spearman, tally } from "../../party/model/tally";

const options = (...ids: string[]) => ids.map((id) => ({ id, label: id.toUpperCase() }));
let n = 0;
const cast = (group: string, ballot: Ballot): CastBallot => ({ participantId: `p${++n}`, group, ballot });

describe("dots and budget", () => {
  const ballots = [
    cast("community", { allocations: { a: 3, b: 2 } }),
    cast("community", { allocations: { a: 1 } }),
    cast("statutory", { allocations: { c: 5 } }),
    cast("community", { allocations: {} }),
  ];

  it("sums allocations; an empty ballot counts as a voter with no points", () => {
    const result = tally({ method: "dots", options: options("a", "b", "c"), ballots });
    expect(result).toMatchObject({ method: "dots", voters: 4, totals: { a: 4, b: 2, c: 5 }, ranking: ["c", "a", "b"] });
    expect(result.turnout).toEqual({ community: 3, statutory: 1 });
  });

  it("sums budget allocations the same way", () => {
    const result = tally({
      method: "budget",
      options: options("x", "y"),
      ballots: [
        cast("community", { allocations: { x: 30_000, y: 20_000 } }),
        cast("community", { allocations: { y: 50_000 } }),
      ],
    });
    expect(result.totals).toEqual({ x: 30_000, y: 70_000 });
    expect(result.ranking).toEqual(["y", "x"]);
  });

  it("breaks ties by the agenda's option order", () => {
    const result = tally({
      method: "dots",
      options: options("a", "b", "c"),
      ballots: [cast("community", { allocations: { c: 2, b: 2 } })],
    });
    expect(result.ranking).toEqual(["b", "c", "a"]);
  });

  it("ignores options that are no longer on the ballot", () => {
    const result = tally({
      method: "dots",
      options: options("a"),
      ballots: [cast("x", { allocations: { a: 1, gone: 4 } })],
    });
    expect(result.totals).toEqual({ a: 1 });
  });

  it("handles no ballots at all", () => {
    const result = tally({ method: "dots", options: options("a", "b"), ballots: [] });
    expect(result).toMatchObject({ voters: 0, totals: { a: 0, b: 0 }, byGroup: {}, turnout: {}, suppressed: 0 });
    expect(result.agreement).toEqual({ pairs: [], mean: null });
    expect(result.communityOriginTop).toEqual({ n: 0, count: 0, optionIds: [] });
  });
});

describe("rank (top-k Borda)", () => {
  it("gives position i of a top-k ballot k − i points", () => {
    const result = tally({
      method: "rank",
      topK: 3,
      options: options("a", "b", "c", "d"),
      ballots: [
        cast("g", { order: ["a", "b", "c"] }), // a3 b2 c1
        cast("g", { order: ["b", "a"] }), // b3 a2
        cast("g", { order: ["c"] }), // c3
        cast("g", { order: [] }),
      ],
    });
    expect(result.totals).toEqual({ a: 5, b: 5, c: 4, d: 0 });
    expect(result.ranking).toEqual(["a", "b", "c", "d"]);
    expect(result.voters).toBe(4);
  });
});

describe("approve", () => {
  it("counts approvals", () => {
    const result = tally({
      method: "approve",
      options: options("a", "b", "c"),
      ballots: [cast("g", { approved: ["a", "b"] }), cast("g", { approved: ["b"] }), cast("g", { approved: [] })],
    });
    expect(result.totals).toEqual({ a: 1, b: 2, c: 0 });
    expect(result.ranking).toEqual(["b", "a", "c"]);
  });
});

describe("matrix", () => {
  it("averages impact and effort per option and ranks by impact − effort", () => {
    const result = tally({
      method: "matrix",
      options: options("a", "b", "c"),
      ballots: [
        cast("g", { ratings: { a: { impact: 5, effort: 1 }, b: { impact: 2, effort: 4 } } }),
        cast("g", { ratings: { a: { impact: 4, effort: 2 } } }),
      ],
    });
    expect(result.means).toEqual({
      a: { impact: 4.5, effort: 1.5, n: 2 },
      b: { impact: 2, effort: 4, n: 1 },
      c: { impact: 0, effort: 0, n: 0 },
    });
    expect(result.totals).toEqual({ a: 2, b: 1, c: 0 });
    expect(result.ranking).toEqual(["a", "b", "c"]);
  });
});

describe("k-anonymity by group", () => {
  it("folds groups with fewer than 3 voters into other", () => {
    const vote = (group: string) => cast(group, { approved: ["a"] });
    const result = tally({
      method: "approve",
      options: options("a"),
      ballots: [
        vote("community"),
        vote("community"),
        vote("community"),
        vote("voluntary"),
        vote("voluntary"),
        vote("statutory"),
        vote("other"),
      ],
    });
    expect(result.byGroup).toEqual({
      community: { voters: 3, totals: { a: 3 } },
      other: { voters: 4, totals: { a: 4 }, mergedFrom: ["other", "statutory", "voluntary"] },
    });
    expect(result.mergedGroups).toEqual(["statutory", "voluntary"]);
    expect(result.suppressed).toBe(0);
    expect(result.turnout).toEqual({ community: 3, voluntary: 2, statutory: 1, other: 1 });
  });

  it("never shows an other bucket under k: the smallest shown group joins it, so nobody can subtract their way to a ballot", () => {
    const vote = (group: string, approved: string[]) => cast(group, { approved });
    const result = tally({
      method: "approve",
      options: options("a"),
      ballots: [
        ...[1, 2, 3, 4].map(() => vote("community", ["a"])),
        ...[1, 2, 3].map(() => vote("voluntary", [])),
        vote("statutory", ["a"]),
      ],
    });
    expect(result.byGroup).toEqual({
      community: { voters: 4, totals: { a: 4 } },
      other: { voters: 4, totals: { a: 1 }, mergedFrom: ["statutory", "voluntary"] },
    });
    expect(result.mergedGroups).toEqual(["statutory", "voluntary"]);
    expect(result.suppressed).toBe(0);
  });

  it("shows nothing by group when the whole vote has fewer than k voters", () => {
    const result = tally({
      method: "approve",
      options: options("a"),
      ballots: [cast("community", { approved: ["a"] }), cast("statutory", { approved: [] })],
    });
    expect(result.byGroup).toEqual({});
    expect(result.suppressed).toBe(2);
    expect(result.voters).toBe(2);
  });
});

describe("cross-group cues", () => {
  // community totals a10 b8 c3 d1 (ranks 1 2 3 4); statutory a6 b9 c2 d0 (ranks 2 1 3 4)
  const ballots = [
    cast("community", { allocations: { a: 4, b: 3, c: 1 } }),
    cast("community", { allocations: { a: 3, b: 3, c: 1 } }),
    cast("community", { allocations: { a: 3, b: 2, c: 1, d: 1 } }),
    cast("statutory", { allocations: { a: 2, b: 3 } }),
    cast("statutory", { allocations: { a: 2, b: 3, c: 1 } }),
    cast("statutory", { allocations: { a: 2, b: 3, c: 1 } }),
  ];
  const opts = [
    { id: "a", label: "A", cardIds: ["card-a"] },
    { id: "b", label: "B", cardIds: ["card-b"] },
    { id: "c", label: "C", cardIds: ["card-c", "card-x"] },
    { id: "d", label: "D" },
  ];
  const cardGroups = { "card-a": "community", "card-b": "statutory", "card-c": "statutory", "card-x": "community" };
  const result = tally({ method: "dots", options: opts, ballots, cardGroups, topN: 3 });

  it("correlates each pair of groups' rankings (Spearman: 1 − 6·2/(4·15) = 0.8)", () => {
    expect(result.byGroup.community?.totals).toEqual({ a: 10, b: 8, c: 3, d: 1 });
    expect(result.byGroup.statutory?.totals).toEqual({ a: 6, b: 9, c: 2, d: 0 });
    expect(result.agreement).toEqual({ pairs: [{ a: "community", b: "statutory", rho: 0.8 }], mean: 0.8 });
  });

  it("flags options carried mainly by one group", () => {
    // d: 1 of 1 point from community; no other option reaches 75% from one group
    expect(result.singleGroupOptions).toEqual([{ optionId: "d", group: "community", share: 1 }]);
  });

  it("counts how many top options came from community members' cards", () => {
    // ranking b17 a16 c5 d1; top 3 = b, a, c; a and c (via a merged card) came from community cards
    expect(result.ranking).toEqual(["b", "a", "c", "d"]);
    expect(result.communityOriginTop).toEqual({ n: 3, count: 2, optionIds: ["a", "c"] });
  });
});

describe("spearman", () => {
  it("uses average ranks for ties", () => {
    expect(averageRanks([5, 5, 1])).toEqual([1.5, 1.5, 3]);
    expect(averageRanks([1, 2, 3, 3])).toEqual([4, 3, 1.5, 1.5]);
  });

  it("is 1 for the same order, −1 for the reverse, null when a side is constant", () => {
    expect(spearman([3, 2, 1], [30, 20, 10])).toBe(1);
    expect(spearman([3, 2, 1], [1, 2, 3])).toBe(-1);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull();
  });

  it("matches a hand-computed tied case", () => {
    // ranks x: 1.5 1.5 3 ; y: 1 2 3 → pearson = 0.866
    expect(spearman([2, 2, 1], [3, 2, 1])).toBeCloseTo(0.866, 3);
  });
});

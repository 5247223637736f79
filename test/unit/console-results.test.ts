/** Reading tallies and report figures for the console's charts and tables. */
import { describe, expect, it } from "vitest";
import type { BalanceOfVoice } from "../../party/model/voice";
import { reportVoice } from "../../web/components/console/report/schema";
import { barRows, matrixPoints, optionLabels, readTally } from "../../web/components/console/results";
import { labelled } from "../support/activities";

describe("results", () => {
  const tally = {
    method: "dots",
    voters: 4,
    totals: { a: 2, b: 7, c: 0 },
    ranking: ["b", "a", "c"],
    byGroup: { community: { voters: 3, totals: { a: 1, b: 5, c: 0 } } },
    mergedGroups: ["statutory"],
    suppressed: 0,
    agreement: { pairs: [], mean: null },
  };

  it("reads a tally and refuses what is not one", () => {
    expect(readTally(tally)?.voters).toBe(4);
    expect(readTally({ method: "dots", voters: "four" })).toBeNull();
    expect(readTally(null)).toBeNull();
  });

  it("orders bars best first with labels from the vote's options", () => {
    const labels = optionLabels({
      options: labelled({ a: "Buses", b: "Reception" }),
    });
    expect(barRows(tally.totals, tally.ranking, labels)).toEqual([
      { id: "b", label: "Reception", value: 7 },
      { id: "a", label: "Buses", value: 2 },
      { id: "c", label: "c", value: 0 },
    ]);
    expect(optionLabels({ options: "nonsense" }).size).toBe(0);
  });

  it("places matrix points only for options someone rated", () => {
    const means = { a: { impact: 4.5, effort: 2, n: 2 }, b: { impact: 0, effort: 0, n: 0 } };
    expect(matrixPoints(means, ["a", "b"], new Map([["a", "Buses"]]))).toEqual([
      { id: "a", label: "Buses", impact: 4.5, effort: 2 },
    ]);
    expect(matrixPoints(undefined, [], new Map())).toEqual([]);
  });
});

describe("reportVoice", () => {
  it("passes the model's balance of voice through", () => {
    const model: BalanceOfVoice = {
      groups: [
        {
          group: "community",
          present: 2,
          presentShare: 0.5,
          cards: 1,
          cardShare: 1,
          supports: 0,
          supportShare: 0,
          comments: 0,
          commentShare: 0,
          ballots: 0,
          ballotShare: 0,
          contributions: 1,
          contributionShare: 1,
          ratio: 2,
          underHeard: false,
        },
      ],
      totals: { present: 4, cards: 1, supports: 0, comments: 0, ballots: 0, contributions: 1 },
      mergedGroups: [],
      suppressed: 0,
    };
    expect(reportVoice(model)).toEqual(model);
  });

  it("turns per-group counts into the same shape", () => {
    const voice = reportVoice({
      contributions: 4,
      byGroup: {
        community: { participants: 3, cards: 1, comments: 0, voters: 3, share: 0.25, presence: 0.75 },
        statutory: { participants: 1, cards: 3, comments: 0, voters: 1, share: 0.75, presence: 0.25 },
      },
    });
    expect(voice?.totals).toMatchObject({ present: 4, cards: 4, ballots: 4, contributions: 4 });
    expect(voice?.groups.find((g) => g.group === "statutory")).toMatchObject({
      present: 1,
      presentShare: 0.25,
      cards: 3,
      cardShare: 0.75,
      contributionShare: 0.75,
      ratio: 3,
    });
    expect(reportVoice({ something: "else" })).toBeNull();
  });
});

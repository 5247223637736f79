/**
 * Vote results from the saved ballots, tallied with the room's own rules
 * (party/model/tally.ts: small groups merged, cross-group cues).
 */
import * as v from "valibot";
import { Ballot, type VoteConfig, type VoteOption } from "../../party/model/commands";
import { type CastBallot, type Tally, tally } from "../../party/model/tally";
import type { BallotRow, CardRow, ResultRow } from "../db/outputs";
import { parseColumn } from "./parse";
import { originOf } from "./tables";

export interface VoteReport {
  method: VoteConfig["method"];
  /** budget votes: points, or money in the workshop's currency (report.workshop.currency) */
  currency: VoteConfig["currency"];
  options: { id: string; label: string }[];
  revealed: boolean;
  result: Tally;
}

const SavedTally = v.object({ totals: v.optional(v.record(v.string(), v.unknown())) });

/**
 * The options voted on. Votes built from a map's cards may have been resolved by
 * the room when it opened; the option ids are then card ids.
 */
function optionsFor(
  config: VoteConfig,
  ballots: readonly CastBallot[],
  saved: ResultRow | undefined,
  cards: ReadonlyMap<string, CardRow>,
) {
  if (config.options.length > 0) return config.options;
  const ids = new Set<string>();
  const fromResult = saved ? parseColumn(SavedTally, saved.result, `result ${saved.activity_id}`) : null;
  for (const id of Object.keys(fromResult?.totals ?? {})) ids.add(id);
  for (const { ballot } of ballots) {
    const keys =
      "allocations" in ballot
        ? Object.keys(ballot.allocations)
        : "order" in ballot
          ? ballot.order
          : "approved" in ballot
            ? ballot.approved
            : Object.keys(ballot.ratings);
    for (const id of keys) ids.add(id);
  }
  return [...ids].map((id): VoteOption => {
    const card = cards.get(id);
    return card
      ? { id, label: card.hidden ? "(hidden card)" : card.text.slice(0, 200), cardIds: [id] }
      : { id, label: id };
  });
}

export function voteReport(
  activityId: string,
  config: VoteConfig,
  rows: readonly BallotRow[],
  saved: ResultRow | undefined,
  cards: ReadonlyMap<string, CardRow>,
  /** tables (#13): participant id → the table they sat at */
  seats: ReadonlyMap<string, string> = new Map(),
): VoteReport {
  const ballots = rows.flatMap((row): CastBallot[] => {
    const ballot = parseColumn(Ballot, row.ballot, `ballot ${activityId}/${row.participant_id}`);
    if (!ballot) return [];
    const cast: CastBallot = { participantId: row.participant_id, group: row.group_id, ballot, source: row.source };
    const table = seats.get(row.participant_id);
    if (table) cast.table = table;
    return [cast];
  });
  const options = optionsFor(config, ballots, saved, cards);
  const cardGroups = Object.fromEntries([...cards.values()].map((c) => [c.id, c.group_id]));
  const cardTables = Object.fromEntries(
    [...cards.values()].flatMap((c) => {
      const table = c.table_id || originOf(c)?.table;
      return table ? [[c.id, table]] : [];
    }),
  );
  const result = tally({
    method: config.method,
    options,
    ballots,
    topK: config.topK,
    cardGroups,
    cardTables,
    weighting: config.weighting,
  });
  return {
    method: config.method,
    currency: config.currency,
    options: options.map((o) => ({ id: o.id, label: o.label })),
    revealed: saved?.revealed_at != null,
    result,
  };
}

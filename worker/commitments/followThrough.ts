/**
 * Follow-through by origin (#15): for each stakeholder group that raised top priorities
 * (the cards a top option came from), how many it raised, how many got a commitment and
 * how many were done. So a network can see whether community priorities are acted on as
 * often as professionals'. Counts only; an option raised by two groups counts for both.
 * Options typed by a facilitator have no origin cards and count as `unattributed`.
 */
import type { FollowThrough, FollowThroughCounts } from "../../party/model/commitments";
import type { CommitmentRow, SourceRow, WorkshopCommitments } from "../db/commitments";
import { type Outcomes, scoredRanking, TOP_PRIORITIES } from "./outcomes";

export function emptyFollowThrough(): FollowThrough {
  const zero = () => ({ raised: 0, committed: 0, done: 0 });
  return { topN: TOP_PRIORITIES, byGroup: {}, unattributed: zero(), total: zero() };
}

/** Adds one workshop's top priorities to `into`. */
export function addFollowThrough(into: FollowThrough, outcomes: Outcomes, data: WorkshopCommitments): FollowThrough {
  const byId = new Map<string, CommitmentRow>(data.commitments.map((c) => [c.id, c]));
  const answering = (activityId: string, optionId: string, cardIds: readonly string[]): CommitmentRow[] => {
    const hits = data.sources.filter(
      (s: SourceRow) =>
        (s.activity_id === activityId && s.option_id === optionId) ||
        (s.card_id !== null && cardIds.includes(s.card_id)),
    );
    return [...new Set(hits.map((s) => s.commitment_id))].flatMap((id) => (byId.get(id) ? [byId.get(id)!] : []));
  };
  const bump = (counts: FollowThroughCounts, committed: boolean, done: boolean) => {
    counts.raised += 1;
    if (committed) counts.committed += 1;
    if (done) counts.done += 1;
  };
  for (const vote of outcomes.votes.values()) {
    if (!vote.revealed) continue;
    for (const optionId of scoredRanking(vote).slice(0, TOP_PRIORITIES)) {
      const option = vote.options.find((o) => o.id === optionId);
      if (!option) continue;
      const commitments = answering(vote.activityId, optionId, option.cardIds);
      const committed = commitments.length > 0;
      const done = commitments.some((c) => c.status === "done");
      bump(into.total, committed, done);
      if (option.originGroups.length === 0) bump(into.unattributed, committed, done);
      for (const group of option.originGroups) {
        into.byGroup[group] ??= { raised: 0, committed: 0, done: 0 };
        bump(into.byGroup[group], committed, done);
      }
    }
  }
  return into;
}

/** Adds one workshop's follow-through to another's (the programme view sums its workshops). */
export function sumFollowThrough(into: FollowThrough, add: FollowThrough): FollowThrough {
  const plus = (a: FollowThroughCounts, b: FollowThroughCounts) => {
    a.raised += b.raised;
    a.committed += b.committed;
    a.done += b.done;
  };
  plus(into.total, add.total);
  plus(into.unattributed, add.unattributed);
  for (const [group, counts] of Object.entries(add.byGroup)) {
    into.byGroup[group] ??= { raised: 0, committed: 0, done: 0 };
    plus(into.byGroup[group], counts);
  }
  return into;
}

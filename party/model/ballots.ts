/**
 * Whether a ballot fits its vote: the schema (commands.ts Ballot) checks shapes and
 * ranges; this checks the vote's own rules. Shared with the phone so it can say
 * what is wrong before sending.
 */
import type { Ballot, FeedbackAnswers, FeedbackConfig, VoteConfig } from "./commands";

function unknownOption(ids: readonly string[], config: VoteConfig): string | undefined {
  const known = new Set(config.options.map((o) => o.id));
  return ids.find((id) => !known.has(id));
}

function duplicateIn(ids: readonly string[]): string | undefined {
  return ids.find((id, i) => ids.indexOf(id) !== i);
}

/** A reason the ballot is not valid for this vote, or null. An empty ballot (abstaining) is valid. */
export function ballotProblem(config: VoteConfig, ballot: Ballot): string | null {
  const method = config.method;
  if (method === "dots" || method === "budget") {
    if (!("allocations" in ballot)) return `A ${method} vote takes {allocations}`;
    const ids = Object.keys(ballot.allocations);
    const unknown = unknownOption(ids, config);
    if (unknown) return `No option "${unknown}" in this vote`;
    const spent = Object.values(ballot.allocations).reduce((t, n) => t + n, 0);
    if (method === "dots") {
      if (spent > config.dots) return `You placed ${spent} dots; you have ${config.dots}`;
      const heavy = ids.find((id) => (ballot.allocations[id] ?? 0) > config.maxPerOption);
      if (heavy) return `At most ${config.maxPerOption} dots on one option`;
    } else if (spent > config.budget) {
      return `You allocated ${spent}; the budget is ${config.budget}`;
    }
    return null;
  }
  if (method === "rank") {
    if (!("order" in ballot)) return "A rank vote takes {order}";
    if (ballot.order.length > config.topK) return `Rank at most ${config.topK} options`;
    const dup = duplicateIn(ballot.order);
    if (dup) return `"${dup}" is ranked twice`;
    const unknown = unknownOption(ballot.order, config);
    return unknown ? `No option "${unknown}" in this vote` : null;
  }
  if (method === "approve") {
    if (!("approved" in ballot)) return "An approval vote takes {approved}";
    const dup = duplicateIn(ballot.approved);
    if (dup) return `"${dup}" is approved twice`;
    const unknown = unknownOption(ballot.approved, config);
    return unknown ? `No option "${unknown}" in this vote` : null;
  }
  if (!("ratings" in ballot)) return "A matrix vote takes {ratings}";
  const unknown = unknownOption(Object.keys(ballot.ratings), config);
  return unknown ? `No option "${unknown}" in this vote` : null;
}

/** Drops zero allocations so stored ballots only say what was chosen. */
export function normaliseBallot(ballot: Ballot): Ballot {
  if (!("allocations" in ballot)) return ballot;
  return { allocations: Object.fromEntries(Object.entries(ballot.allocations).filter(([, n]) => n > 0)) };
}

/** A reason the answers do not fit the feedback form, or null. Unanswered items are fine. */
export function feedbackProblem(config: FeedbackConfig, answers: FeedbackAnswers): string | null {
  const items = new Map(config.items.map((i) => [i.id, i]));
  for (const [id, answer] of Object.entries(answers)) {
    const item = items.get(id);
    if (!item) return `No question "${id}" in this form`;
    if (item.type === "likert" && typeof answer !== "number") return `"${item.label}" takes a rating from 1 to 5`;
    if (item.type === "text" && typeof answer !== "string") return `"${item.label}" takes a written answer`;
  }
  return null;
}

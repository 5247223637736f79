/**
 * What a workshop produced that commitments can answer: its votes (options, their
 * origin groups, revealed rankings) and its visible cards. Built from D1's saved
 * outputs with the report's own tally (worker/report/votes.ts), so the follow-up and
 * the evaluator's report never disagree.
 */
import { CONFIG_SCHEMAS } from "../../party/model/commands";
import type { CommitmentSource } from "../../party/model/commitments";
import type { GroupTally, Tally } from "../../party/model/tally";
import { listCommitments, listSources, listUpdates, type WorkshopCommitments } from "../db/commitments";
import {
  type ActivityRow,
  type BallotRow,
  type CardRow,
  listActivities,
  listBallots,
  listCards,
  listResults,
  type ResultRow,
} from "../db/outputs";
import { readWorkshop } from "../db/rows";
import { parseColumn } from "../report/parse";
import { voteReport } from "../report/votes";

/** How many options of each vote count as its top priorities (as in the programme view). */
export const TOP_PRIORITIES = 3;

export interface VoteOutcome {
  activityId: string;
  title: string;
  method: string;
  revealed: boolean;
  options: { id: string; label: string; cardIds: string[]; originGroups: string[] }[];
  result: Tally;
}

export interface Outcomes {
  votes: Map<string, VoteOutcome>;
  /** visible cards by id */
  cards: Map<string, CardRow>;
  /** origin groups of a card: its own group and the groups of cards merged into it */
  cardOrigins(cardId: string): string[];
}

function sortedUnique(xs: Iterable<string>): string[] {
  return [...new Set(xs)].filter((x) => x !== "").sort();
}

/** The saved outputs outcomes are built from (read with readWorkshop, alone or with more). */
export const OUTCOME_READERS = [listActivities, listCards, listBallots, listResults] as const;

export async function workshopOutcomes(db: D1Database, workshopId: string): Promise<Outcomes> {
  return outcomesFrom(...(await readWorkshop(db, workshopId, OUTCOME_READERS)));
}

/**
 * A workshop's commitments and what they can answer, in one round trip to D1 (the follow-up,
 * the facilitator's commitments, a partner's workshops).
 */
export async function commitmentsWithOutcomes(
  db: D1Database,
  workshopId: string,
): Promise<{ data: WorkshopCommitments; outcomes: Outcomes }> {
  const [commitments, sources, updates, ...outputs] = await readWorkshop(db, workshopId, [
    listCommitments,
    listSources,
    listUpdates,
    ...OUTCOME_READERS,
  ]);
  return { data: { commitments, sources, updates }, outcomes: outcomesFrom(...outputs) };
}

export function outcomesFrom(
  activities: ActivityRow[],
  cards: CardRow[],
  ballots: BallotRow[],
  results: ResultRow[],
): Outcomes {
  const allCards = new Map(cards.map((c) => [c.id, c]));
  const mergedInto = new Map<string, string[]>();
  for (const c of cards) {
    if (!c.merged_into) continue;
    mergedInto.set(c.merged_into, [...(mergedInto.get(c.merged_into) ?? []), c.id]);
  }
  const cardOrigins = (cardId: string): string[] => {
    const ids = [cardId, ...(mergedInto.get(cardId) ?? [])];
    return sortedUnique(ids.flatMap((id) => (allCards.get(id) ? [allCards.get(id)!.group_id] : [])));
  };

  const votes = new Map<string, VoteOutcome>();
  for (const a of activities) {
    if (a.kind !== "vote") continue;
    const config = parseColumn(CONFIG_SCHEMAS.vote, a.config, `activity ${a.id}`);
    if (!config) continue;
    const report = voteReport(
      a.id,
      config,
      ballots.filter((b) => b.activity_id === a.id),
      results.find((r) => r.activity_id === a.id),
      allCards,
    );
    // Options drawn from a map name their cards; options the facilitator typed have no origin cards.
    const cardIdsOf = new Map(config.options.map((o) => [o.id, o.cardIds ?? []]));
    const options = report.options.map((o) => {
      const fromCards = cardIdsOf.get(o.id) ?? (allCards.has(o.id) ? [o.id] : []);
      return {
        id: o.id,
        label: o.label,
        cardIds: fromCards,
        originGroups: sortedUnique(fromCards.flatMap(cardOrigins)),
      };
    });
    votes.set(a.id, {
      activityId: a.id,
      title: a.title,
      method: config.method,
      revealed: report.revealed,
      options,
      result: report.result,
    });
  }
  const visible = new Map(cards.filter((c) => c.hidden === 0).map((c) => [c.id, c]));
  return { votes, cards: visible, cardOrigins };
}

/** Whether a tally (the whole vote's, or one group's in it) gave the option anything (matrix: rated it). */
function gaveAnything(method: Tally["method"], tally: Pick<GroupTally, "totals" | "means">, optionId: string): boolean {
  return method === "matrix" ? (tally.means?.[optionId]?.n ?? 0) > 0 : (tally.totals[optionId] ?? 0) > 0;
}

/** The options of a vote that scored, best first (matrix: rated by anyone). */
export function scoredRanking(vote: Pick<VoteOutcome, "result">): string[] {
  const r = vote.result;
  return r.ranking.filter((id) => gaveAnything(r.method, r, id));
}

export function scoreOf(vote: VoteOutcome, optionId: string): number {
  const r = vote.result;
  if (r.method !== "matrix") return r.totals[optionId] ?? 0;
  const m = r.means?.[optionId];
  return m ? Math.round((m.impact - m.effort) * 100) / 100 : 0;
}

/** Groups shown in the (already k-anonymised) results that gave the option anything. */
export function supportedBy(vote: VoteOutcome, optionId: string): string[] {
  const r = vote.result;
  return Object.entries(r.byGroup)
    .filter(([, g]) => gaveAnything(r.method, g, optionId))
    .map(([group]) => group)
    .sort();
}

export type ResolvedSource =
  | { ok: true; activityId: string; optionId: string | null; cardId: string | null; originGroups: string[] }
  | { ok: false; message: string };

/** Checks that a source names a vote option or a visible card of this workshop, and finds its origin groups. */
export function resolveSource(outcomes: Outcomes, source: CommitmentSource): ResolvedSource {
  if ("cardId" in source) {
    const card = outcomes.cards.get(source.cardId);
    if (!card) return { ok: false, message: `cardId ${source.cardId}: no such card in this workshop` };
    return {
      ok: true,
      activityId: card.activity_id,
      optionId: null,
      cardId: card.id,
      originGroups: outcomes.cardOrigins(card.id),
    };
  }
  const vote = outcomes.votes.get(source.activityId);
  if (!vote) return { ok: false, message: `activityId ${source.activityId}: no such vote in this workshop` };
  const option = vote.options.find((o) => o.id === source.optionId);
  if (!option) return { ok: false, message: `optionId ${source.optionId}: not an option of "${vote.title}"` };
  return {
    ok: true,
    activityId: vote.activityId,
    optionId: option.id,
    cardId: null,
    originGroups: option.originGroups,
  };
}

/** The label of a source now: an option's label or a visible card's text; null when it is gone. */
export function sourceLabel(outcomes: Outcomes, activityId: string, optionId: string | null, cardId: string | null) {
  if (cardId) return outcomes.cards.get(cardId)?.text ?? null;
  const option = outcomes.votes.get(activityId)?.options.find((o) => o.id === optionId);
  return option?.label ?? null;
}

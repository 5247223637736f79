/**
 * Vote results: totals overall and by stakeholder group, with the cues an
 * evaluator needs to see whose priorities these are (docs/architecture.md, principle 6: communities'
 * contributions stay traceable by group all the way into the final priorities).
 *
 * Scoring: dots and budget sum allocations; approve counts approvals; rank is
 * top-k Borda (position i, from 0, earns k − i points); matrix averages the
 * impact and effort ratings (1–5) and ranks by impact − effort.
 *
 * Anonymity: groups are folded by the one small-group rule (./small-groups.ts).
 * Cross-group cues (agreement, equal-weight totals, single-group options) use
 * only the groups shown, so they never single anyone out either. The formulas
 * are in docs/voice.md.
 */

import type { Ballot, Source, VoteConfig, VoteOption } from "./commands";
import {
  type CrossGroup,
  crossGroupOf,
  type EqualWeight,
  equalWeightOf,
  type GroupInput,
  type MeanRating,
} from "./cross-group";
import { ANONYMITY_K, foldPeople, MERGED_GROUP, partitionByShownGroup } from "./small-groups";

export { ANONYMITY_K } from "./small-groups";

export type VoteMethod = VoteConfig["method"];

export interface CastBallot {
  participantId: string;
  group: string;
  ballot: Ballot;
  /** tables (#13): the voter's table when the tally was made (absent: at no table) */
  table?: string;
  /** where the ballot came from; absent = a phone */
  source?: Source;
}

export interface TallyInput {
  method: VoteMethod;
  options: readonly VoteOption[];
  ballots: readonly CastBallot[];
  /** rank votes: ballot length, and the points of the first place */
  topK?: number;
  /** card id → group of its author, to trace options back to who raised them */
  cardGroups?: Readonly<Record<string, string>>;
  /** groups whose cards count as community-originated; default ["community"] */
  communityGroups?: readonly string[];
  /** how many top options `communityOriginTop` looks at; default 5 */
  topN?: number;
  /** smallest group shown on its own; default 3 */
  k?: number;
  /** which totals decide the ranking: one person one vote (default) or each shown group equally */
  weighting?: Weighting;
  /** tables (#13): card id → the table it was raised at; origins gain `byTable` when given */
  cardTables?: Readonly<Record<string, string>>;
}

export type Weighting = "people" | "groups";

/** Where an option drawn from cards came from: how many of its cards each group (and table) wrote. */
export interface Origin {
  cards: number;
  byGroup: Record<string, number>;
  byTable?: Record<string, number>;
}

/** n: how many rated this option */
export type MatrixMean = MeanRating;

export interface GroupTally {
  voters: number;
  totals: Record<string, number>;
  means?: Record<string, MatrixMean>;
  /** only on the "other" bucket when small groups were folded into it: the declared groups it holds */
  mergedFrom?: string[];
}

export interface Agreement {
  /** Spearman rank correlation of each pair of shown groups' scores; null when a group scored every option alike */
  pairs: { a: string; b: string; rho: number | null }[];
  /** mean of the defined pair coefficients, null when there is none */
  mean: number | null;
}

export interface Tally {
  method: VoteMethod;
  voters: number;
  /** matrix: how many rated each option */
  totals: Record<string, number>;
  /** which totals decide `ranking` */
  weighting: Weighting;
  /** option ids, best first by the chosen weighting (ties keep the agenda's option order) */
  ranking: string[];
  /** both rankings, always: by people (`totals`) and by groups (`equalWeight`) */
  rankings: Record<Weighting, string[]>;
  /** totals in which each shown group counts equally, on the same scale as `totals` */
  equalWeight: EqualWeight;
  /** per option: each shown group's support share, agreement score, floor and spread */
  crossGroup: CrossGroup;
  /** options drawn from cards: their origin by group (and table) */
  origins: Record<string, Origin>;
  byGroup: Record<string, GroupTally>;
  /** voters per declared group, before any merging: counts only, never contents */
  turnout: Record<string, number>;
  /** groups folded into "other" because they had fewer than k voters */
  mergedGroups: string[];
  /** voters left out of byGroup: only when the whole vote has fewer than k voters */
  suppressed: number;
  agreement: Agreement;
  /** options whose support comes mainly (≥ 75%) from one group, when two or more groups are shown */
  singleGroupOptions: { optionId: string; group: string; share: number }[];
  communityOriginTop: { n: number; count: number; optionIds: string[] };
  /** matrix only */
  means?: Record<string, MatrixMean>;
  /**
   * tables (#13): totals by the voters' tables, with the same small-group protection
   * as byGroup (a table under k voters folds into "other"). Empty when nobody sat at a table.
   */
  byTable: Record<string, GroupTally>;
  /** tables folded into "other" because they had fewer than k voters */
  mergedTables: string[];
  /** tables (#13): option id → the tables its cards were raised at (options drawn from a map) */
  optionTables: Record<string, string[]>;
  /** voters by where their ballot came from (everyone counts): counts only */
  sources: Record<Source, number>;
}

/**
 * A tally as its readers get it (the live doc, the report, exports): what every published
 * tally has, and the parts an older one may lack. Readers' schemas are typed against this
 * (web/components/console/results.ts), so a change to `Tally` breaks them at compile time
 * instead of drifting from them.
 */
export type TallyReading = Pick<
  Tally,
  | "method"
  | "voters"
  | "totals"
  | "ranking"
  | "weighting"
  | "origins"
  | "byGroup"
  | "mergedGroups"
  | "suppressed"
  | "singleGroupOptions"
> &
  Partial<Pick<Tally, "equalWeight" | "crossGroup" | "agreement" | "communityOriginTop" | "means" | "sources">>;

export const SINGLE_GROUP_SHARE = 0.75;

function emptyTotals(options: readonly VoteOption[]): Record<string, number> {
  return Object.fromEntries(options.map((o) => [o.id, 0]));
}

/** Points one ballot gives each known option. */
function pointsOf(ballot: Ballot, method: VoteMethod, known: ReadonlySet<string>, topK: number): Map<string, number> {
  const points = new Map<string, number>();
  const add = (id: string, n: number) => {
    if (known.has(id) && n > 0) points.set(id, (points.get(id) ?? 0) + n);
  };
  if ((method === "dots" || method === "budget") && "allocations" in ballot) {
    for (const [id, n] of Object.entries(ballot.allocations)) add(id, n);
  } else if (method === "rank" && "order" in ballot) {
    ballot.order.slice(0, topK).forEach((id, i) => {
      add(id, topK - i);
    });
  } else if (method === "approve" && "approved" in ballot) {
    for (const id of new Set(ballot.approved)) add(id, 1);
  } else if (method === "matrix" && "ratings" in ballot) {
    for (const id of Object.keys(ballot.ratings)) add(id, 1);
  }
  return points;
}

function sumBallots(input: TallyInput, ballots: readonly CastBallot[]): GroupTally {
  const known = new Set(input.options.map((o) => o.id));
  const totals = emptyTotals(input.options);
  const topK = input.topK ?? 3;
  for (const { ballot } of ballots) {
    for (const [id, n] of pointsOf(ballot, input.method, known, topK)) totals[id] = (totals[id] ?? 0) + n;
  }
  const tally: GroupTally = { voters: ballots.length, totals };
  if (input.method === "matrix") tally.means = matrixMeans(input.options, ballots);
  return tally;
}

function matrixMeans(options: readonly VoteOption[], ballots: readonly CastBallot[]): Record<string, MatrixMean> {
  const means: Record<string, MatrixMean> = {};
  for (const option of options) {
    let impact = 0;
    let effort = 0;
    let n = 0;
    for (const { ballot } of ballots) {
      const rating = "ratings" in ballot ? ballot.ratings[option.id] : undefined;
      if (!rating) continue;
      impact += rating.impact;
      effort += rating.effort;
      n += 1;
    }
    means[option.id] =
      n === 0 ? { impact: 0, effort: 0, n } : { impact: round(impact / n), effort: round(effort / n), n };
  }
  return means;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The score an option is ranked by (and correlated on): totals, or impact − effort for a matrix. */
function scores(input: TallyInput, tally: Pick<GroupTally, "totals" | "means">): number[] {
  return input.options.map((o) => {
    if (input.method !== "matrix") return tally.totals[o.id] ?? 0;
    const mean = tally.means?.[o.id];
    return mean && mean.n > 0 ? mean.impact - mean.effort : Number.NEGATIVE_INFINITY;
  });
}

function rankingOf(input: TallyInput, tally: Pick<GroupTally, "totals" | "means">): string[] {
  const s = scores(input, tally);
  return input.options
    .map((o, i) => ({ id: o.id, score: s[i] ?? 0, i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => x.id);
}

/** Average ranks (1 = highest), ties sharing the mean of their positions. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, i) => ({ value, i })).sort((a, b) => b.value - a.value);
  const ranks = new Array<number>(values.length).fill(0);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.value === order[start]?.value) end += 1;
    const rank = (start + end) / 2 + 1;
    for (let j = start; j <= end; j += 1) ranks[order[j]?.i ?? 0] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Spearman's rho as the Pearson correlation of average ranks (correct with ties); null if either side is constant. */
export function spearman(a: readonly number[], b: readonly number[]): number | null {
  if (a.length !== b.length || a.length < 2) return null;
  const ra = averageRanks(a);
  const rb = averageRanks(b);
  const mean = (xs: number[]) => xs.reduce((t, x) => t + x, 0) / xs.length;
  const ma = mean(ra);
  const mb = mean(rb);
  let cov = 0;
  let va = 0;
  let vb = 0;
  ra.forEach((x, i) => {
    const y = rb[i] ?? 0;
    cov += (x - ma) * (y - mb);
    va += (x - ma) ** 2;
    vb += (y - mb) ** 2;
  });
  if (va === 0 || vb === 0) return null;
  return round(cov / Math.sqrt(va * vb));
}

function agreementOf(input: TallyInput, byGroup: Record<string, GroupTally>): Agreement {
  const groups = Object.keys(byGroup).sort();
  const pairs: Agreement["pairs"] = [];
  for (let i = 0; i < groups.length; i += 1) {
    for (let j = i + 1; j < groups.length; j += 1) {
      const a = groups[i] as string;
      const b = groups[j] as string;
      const sa = scores(input, byGroup[a] as GroupTally).map(finite);
      const sb = scores(input, byGroup[b] as GroupTally).map(finite);
      pairs.push({ a, b, rho: spearman(sa, sb) });
    }
  }
  const defined = pairs.flatMap((p) => (p.rho === null ? [] : [p.rho]));
  const mean = defined.length === 0 ? null : round(defined.reduce((t, x) => t + x, 0) / defined.length);
  return { pairs, mean };
}

/** Unrated matrix options sort below every rated one when correlating. */
function finite(x: number): number {
  return Number.isFinite(x) ? x : -1_000;
}

function singleGroupOptionsOf(input: TallyInput, overall: GroupTally, byGroup: Record<string, GroupTally>) {
  const groups = Object.keys(byGroup);
  if (input.method === "matrix" || groups.length < 2) return [];
  const flagged: Tally["singleGroupOptions"] = [];
  for (const option of input.options) {
    const total = overall.totals[option.id] ?? 0;
    if (total <= 0) continue;
    for (const group of groups) {
      const share = (byGroup[group]?.totals[option.id] ?? 0) / total;
      if (share >= SINGLE_GROUP_SHARE) flagged.push({ optionId: option.id, group, share: round(share) });
    }
  }
  return flagged;
}

function communityOrigin(input: TallyInput, overall: GroupTally, ranking: string[]) {
  const community = new Set(input.communityGroups ?? ["community"]);
  const cardGroups = input.cardGroups ?? {};
  const byId = new Map(input.options.map((o) => [o.id, o]));
  const scored = ranking.filter((id) => {
    if (input.method === "matrix") return (overall.means?.[id]?.n ?? 0) > 0;
    return (overall.totals[id] ?? 0) > 0;
  });
  const top = scored.slice(0, Math.min(input.topN ?? 5, scored.length));
  const optionIds = top.filter((id) =>
    (byId.get(id)?.cardIds ?? []).some((cardId) => community.has(cardGroups[cardId] ?? "")),
  );
  return { n: top.length, count: optionIds.length, optionIds };
}

/** How many of these voters back each option: any points, or (matrix) rated with more impact than effort. */
function supportersOf(input: TallyInput, ballots: readonly CastBallot[]): Record<string, number> {
  const known = new Set(input.options.map((o) => o.id));
  const counts = emptyTotals(input.options);
  const topK = input.topK ?? 3;
  for (const { ballot } of ballots) {
    if (input.method === "matrix") {
      if (!("ratings" in ballot)) continue;
      for (const [id, r] of Object.entries(ballot.ratings))
        if (known.has(id) && r.impact > r.effort) counts[id] = (counts[id] ?? 0) + 1;
    } else {
      for (const id of pointsOf(ballot, input.method, known, topK).keys()) counts[id] = (counts[id] ?? 0) + 1;
    }
  }
  return counts;
}

function originsOf(input: TallyInput): Record<string, Origin> {
  const origins: Record<string, Origin> = {};
  const cardGroups = input.cardGroups ?? {};
  for (const option of input.options) {
    const cardIds = (option.cardIds ?? []).filter((id) => id in cardGroups);
    if (cardIds.length === 0) continue;
    const origin: Origin = { cards: cardIds.length, byGroup: {} };
    for (const id of cardIds) {
      const group = cardGroups[id] as string;
      origin.byGroup[group] = (origin.byGroup[group] ?? 0) + 1;
    }
    if (input.cardTables) {
      const byTable: Record<string, number> = {};
      for (const id of cardIds) {
        const table = input.cardTables[id];
        if (table !== undefined) byTable[table] = (byTable[table] ?? 0) + 1;
      }
      if (Object.keys(byTable).length > 0) origin.byTable = byTable;
    }
    origins[option.id] = origin;
  }
  return origins;
}

/** Voters by where their ballot came from (everyone counts): counts only, never who. */
function sourcesOf(ballots: readonly CastBallot[]): Record<Source, number> {
  const sources: Record<Source, number> = { phone: 0, paper: 0, kiosk: 0 };
  for (const b of ballots) sources[b.source ?? "phone"] += 1;
  return sources;
}

export function tally(input: TallyInput): Tally {
  const k = input.k ?? ANONYMITY_K;
  const weighting = input.weighting ?? "people";
  const overall = sumBallots(input, input.ballots);
  const turnout: Record<string, number> = {};
  for (const b of input.ballots) turnout[b.group] = (turnout[b.group] ?? 0) + 1;
  const folding = foldPeople(
    input.ballots.map((b) => b.group),
    k,
  );
  const byGroup: Record<string, GroupTally> = {};
  const groupInputs: GroupInput[] = [];
  for (const [group, list] of partitionByShownGroup(input.ballots, (b) => b.group, folding)) {
    const g = sumBallots(input, list);
    if (group === "other" && folding.mergedFrom.length > 0) g.mergedFrom = folding.mergedFrom;
    byGroup[group] = g;
    groupInputs.push({
      group,
      voters: g.voters,
      totals: g.totals,
      means: g.means,
      supporters: supportersOf(input, list),
    });
  }
  const optionIds = input.options.map((o) => o.id);
  const equalWeight = equalWeightOf(input.method, optionIds, overall, groupInputs);
  const byPeople = rankingOf(input, overall);
  const byGroups = rankingOf(input, equalWeight);
  const ranking = weighting === "groups" ? byGroups : byPeople;
  const result: Tally = {
    method: input.method,
    voters: overall.voters,
    totals: overall.totals,
    weighting,
    ranking,
    rankings: { people: byPeople, groups: byGroups },
    equalWeight: { ...equalWeight, ranking: byGroups },
    byGroup,
    turnout,
    mergedGroups: folding.merged,
    suppressed: folding.suppressed,
    agreement: agreementOf(input, byGroup),
    crossGroup: crossGroupOf(optionIds, groupInputs),
    singleGroupOptions: singleGroupOptionsOf(input, overall, byGroup),
    communityOriginTop: communityOrigin(input, overall, ranking),
    origins: originsOf(input),
    ...byTableOf(input, k),
    optionTables: optionTablesOf(input),
    sources: sourcesOf(input.ballots),
  };
  if (overall.means) result.means = overall.means;
  return result;
}

/**
 * tables (#13): results by the voters' tables, folded by the same small-group rule
 * as groups (./small-groups.ts). Voters at no table count under "other".
 */
function byTableOf(input: TallyInput, k: number) {
  const seated = input.ballots.filter((b) => b.table);
  if (seated.length === 0) return { byTable: {}, mergedTables: [] };
  const tableOf = (b: CastBallot) => b.table || MERGED_GROUP;
  const folding = foldPeople(input.ballots.map(tableOf), k);
  const byTable: Record<string, GroupTally> = {};
  for (const [table, list] of partitionByShownGroup(input.ballots, tableOf, folding)) {
    const t = sumBallots(input, list);
    if (table === MERGED_GROUP && folding.mergedFrom.length > 0) t.mergedFrom = folding.mergedFrom;
    byTable[table] = t;
  }
  return { byTable, mergedTables: folding.merged };
}

function optionTablesOf(input: TallyInput): Record<string, string[]> {
  const cardTables = input.cardTables ?? {};
  const out: Record<string, string[]> = {};
  for (const option of input.options) {
    const tables = [...new Set((option.cardIds ?? []).flatMap((id) => (cardTables[id] ? [cardTables[id]] : [])))];
    if (tables.length > 0) out[option.id] = tables.sort();
  }
  return out;
}

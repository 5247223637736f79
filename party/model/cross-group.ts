/**
 * Voice made visible: how each shown stakeholder group backs each option, and
 * totals in which every shown group counts the same. Only groups the small-group
 * rule shows (./small-groups.ts) take part, so nothing here singles anyone out.
 * Formulas, with a worked example, in docs/voice.md.
 *
 * - support share s_g(o): the share of group g's voters who back option o (any
 *   dots, budget, approval or top-k place; a matrix rating with impact > effort).
 * - agreement A(o): the geometric mean over the G shown groups of the smoothed
 *   shares (a_g + 1) / (n_g + 2) — Pol.is's group-informed consensus (a product
 *   of each group's agreement probability), taken to the 1/G power so that the
 *   score does not shrink just because there are more groups. One group that does
 *   not back an option pulls its score down whatever the others do.
 * - floor F(o) = min_g s_g(o); spread D(o) = max_g s_g(o) − min_g s_g(o).
 * - equal weight E(o) = (N / G) · Σ_g T_g(o) / n_g: each group's points per voter,
 *   averaged over groups and scaled to the N voters, so that with groups of equal
 *   size E equals the one-person-one-vote total.
 */
import type { VoteMethod } from "./tally";

export interface MeanRating {
  impact: number;
  effort: number;
  n: number;
}

/** One shown group's figures, as tally computes them. */
export interface GroupInput {
  group: string;
  voters: number;
  totals: Record<string, number>;
  means?: Record<string, MeanRating>;
  /** option id → how many of the group's voters back it */
  supporters: Record<string, number>;
}

export interface OptionAgreement {
  /** shown group → share of its voters backing the option, 0–1 */
  support: Record<string, number>;
  /** agreement across groups, 0–1; null with fewer than two shown groups */
  score: number | null;
  /** the least-supporting group's share; null with fewer than two shown groups */
  floor: number | null;
  /** most- minus least-supporting group's share; null with fewer than two shown groups */
  spread: number | null;
}

export interface CrossGroup {
  /** the shown groups compared */
  groups: string[];
  options: Record<string, OptionAgreement>;
  /** "priorities every group shares": a majority of every shown group backs them; best agreement first */
  shared: string[];
  /** "where groups differ most": the widest gaps between the most and least supportive group, widest first */
  divided: { optionId: string; high: string; low: string; spread: number }[];
}

/**
 * The words for one "where groups differ most" line, as both the phone and the console
 * say it: the option, the groups most and least for it, and their shares in whole percent.
 */
export function dividedWords(
  cross: { options: Readonly<Record<string, { support: Readonly<Record<string, number>> }>> },
  divided: { optionId: string; high: string; low: string },
  label: (optionId: string) => string,
  group: (groupId: string) => string,
) {
  const share = (groupId: string) => `${Math.round((cross.options[divided.optionId]?.support[groupId] ?? 0) * 100)}%`;
  return {
    option: label(divided.optionId),
    high: group(divided.high),
    highShare: share(divided.high),
    low: group(divided.low),
    lowShare: share(divided.low),
  };
}

export interface EqualWeight {
  totals: Record<string, number>;
  /** matrix: the mean of each shown group's mean rating */
  means?: Record<string, MeanRating>;
  /** option ids, best first by these totals */
  ranking: string[];
}

/** A majority of every shown group backs a shared priority. */
export const SHARED_FLOOR = 0.5;
/** Groups "differ" on an option when their support shares are this far apart. */
export const DIVIDED_SPREAD = 0.3;
export const DIVIDED_MAX = 3;

const round = (x: number) => Math.round(x * 1000) / 1000;

export function crossGroupOf(optionIds: readonly string[], groups: readonly GroupInput[]): CrossGroup {
  const compared = groups.length >= 2;
  const options: Record<string, OptionAgreement> = {};
  for (const id of optionIds) {
    const support: Record<string, number> = {};
    let logSum = 0;
    let floor = 1;
    let ceiling = 0;
    for (const g of groups) {
      const backers = g.supporters[id] ?? 0;
      const share = g.voters === 0 ? 0 : backers / g.voters;
      support[g.group] = round(share);
      logSum += Math.log((backers + 1) / (g.voters + 2));
      floor = Math.min(floor, share);
      ceiling = Math.max(ceiling, share);
    }
    options[id] = compared
      ? { support, score: round(Math.exp(logSum / groups.length)), floor: round(floor), spread: round(ceiling - floor) }
      : { support, score: null, floor: null, spread: null };
  }
  const order = new Map(optionIds.map((id, i) => [id, i]));
  const byAgreement = (a: string, b: string) =>
    (options[b]?.score ?? 0) - (options[a]?.score ?? 0) || (order.get(a) ?? 0) - (order.get(b) ?? 0);
  const shared = compared ? optionIds.filter((id) => (options[id]?.floor ?? 0) >= SHARED_FLOOR).sort(byAgreement) : [];
  const divided = compared
    ? optionIds
        .filter((id) => (options[id]?.spread ?? 0) >= DIVIDED_SPREAD)
        .map((id) => {
          const entries = Object.entries(options[id]?.support ?? {});
          const high = entries.reduce((a, b) => (b[1] > a[1] ? b : a));
          const low = entries.reduce((a, b) => (b[1] < a[1] ? b : a));
          return { optionId: id, high: high[0], low: low[0], spread: options[id]?.spread ?? 0 };
        })
        .sort((a, b) => b.spread - a.spread || (order.get(a.optionId) ?? 0) - (order.get(b.optionId) ?? 0))
        .slice(0, DIVIDED_MAX)
    : [];
  return { groups: groups.map((g) => g.group), options, shared, divided };
}

/**
 * Equal-weight totals. With no group shown (fewer than k voters) there is one
 * group, everyone, and the totals are the people totals.
 */
export function equalWeightOf(
  method: VoteMethod,
  optionIds: readonly string[],
  overall: { voters: number; totals: Record<string, number>; means?: Record<string, MeanRating> },
  groups: readonly GroupInput[],
): Omit<EqualWeight, "ranking"> {
  if (groups.length === 0)
    return overall.means ? { totals: overall.totals, means: overall.means } : { totals: overall.totals };
  const voters = groups.reduce((t, g) => t + g.voters, 0);
  const scale = voters / groups.length;
  const totals: Record<string, number> = {};
  for (const id of optionIds) {
    totals[id] = round(scale * groups.reduce((t, g) => t + (g.voters === 0 ? 0 : (g.totals[id] ?? 0) / g.voters), 0));
  }
  if (method !== "matrix") return { totals };
  const means: Record<string, MeanRating> = {};
  for (const id of optionIds) {
    const rated = groups.flatMap((g) => {
      const m = g.means?.[id];
      return m && m.n > 0 ? [m] : [];
    });
    const n = overall.means?.[id]?.n ?? 0;
    means[id] =
      rated.length === 0
        ? { impact: 0, effort: 0, n }
        : {
            impact: round(rated.reduce((t, m) => t + m.impact, 0) / rated.length),
            effort: round(rated.reduce((t, m) => t + m.effort, 0) / rated.length),
            n,
          };
  }
  return { totals, means };
}

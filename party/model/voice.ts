/**
 * Balance of voice: is each stakeholder group heard in proportion to its presence?
 * In a mixed room people with authority tend to dominate; the facilitator's
 * console shows this live and the report shows it afterwards, so both call
 * `balanceOfVoice` on the same plain data.
 *
 * A contribution is one card, one support, one comment or one ballot (equal weight:
 * each is one person acting once). Facilitators are not a stakeholder group: their
 * own cards and supports are left out, but cards they transcribe for a group count
 * for that group.
 *
 * The under-heard cue (documented rule): a group is under-heard when at least
 * `minPresent` (2) of its people are present, the room has made at least
 * `minContributions` (10) contributions so the shares mean something, and the
 * group's share of contributions is below `ratio` (0.5) × its share of the people present.
 *
 * Nobody singled out: groups are folded by the one small-group rule
 * (./small-groups.ts) on the number of people in each group, so a group of one or
 * two is counted inside "other" (whose row names the groups it holds), and with
 * fewer than k people in the workshop nothing is broken down by group at all.
 */
import type * as Y from "yjs";
import { type Card, type Comment, roots } from "./doc";
import { ANONYMITY_K, foldGroups, MERGED_GROUP } from "./small-groups";

export const UNDER_HEARD = { ratio: 0.5, minPresent: 2, minContributions: 10 } as const;

export interface VoiceInput {
  /** the workshop's stakeholder groups, in display order */
  groups: readonly { id: string; label?: string }[];
  participants: readonly { id: string; group: string; removed?: boolean }[];
  /** ids of participants connected now */
  present: readonly string[];
  cards: readonly { authorId: string; group: string; supports: readonly string[]; transcribed?: boolean }[];
  comments: readonly { authorId: string; group: string }[];
  /** ballots cast per group, summed over the votes being looked at */
  ballotsByGroup: Readonly<Record<string, number>>;
  /** people counted in a group without a phone of their own (hook for head counts at paper tables) */
  headcounts?: Readonly<Record<string, number>>;
  /** smallest group shown on its own; default 3 */
  k?: number;
}

export interface GroupVoice {
  group: string;
  present: number;
  presentShare: number;
  cards: number;
  cardShare: number;
  supports: number;
  supportShare: number;
  comments: number;
  commentShare: number;
  ballots: number;
  ballotShare: number;
  contributions: number;
  contributionShare: number;
  /** contributionShare ÷ presentShare; null when nobody of the group is present */
  ratio: number | null;
  underHeard: boolean;
  /** only on "other" when small groups were folded into it: the declared groups it holds */
  mergedFrom?: string[];
}

export interface BalanceOfVoice {
  groups: GroupVoice[];
  totals: {
    present: number;
    cards: number;
    supports: number;
    comments: number;
    ballots: number;
    contributions: number;
  };
  /** declared groups folded into "other" */
  mergedGroups: string[];
  /** people left out of every row: only when fewer than k people took part */
  suppressed: number;
}

const share = (n: number, total: number) => (total === 0 ? 0 : Math.round((n / total) * 1000) / 1000);

export function balanceOfVoice(input: VoiceInput): BalanceOfVoice {
  // Removed people no longer count as present, but what they said before still counts for their group.
  const groupOf = new Map(input.participants.map((p) => [p.id, p.group]));
  const presentGroupOf = new Map(input.participants.filter((p) => !p.removed).map((p) => [p.id, p.group]));
  const ids = [...input.groups.map((g) => g.id)];
  for (const group of presentGroupOf.values()) if (!ids.includes(group)) ids.push(group);
  const counts = new Map(ids.map((id) => [id, { present: 0, cards: 0, supports: 0, comments: 0, ballots: 0 }]));
  const bump = (group: string | undefined, key: "present" | "cards" | "supports" | "comments" | "ballots") => {
    const row = group === undefined ? undefined : counts.get(group);
    if (row) row[key] += 1;
  };

  for (const id of new Set(input.present)) bump(presentGroupOf.get(id), "present");
  // Everyone counts: people on paper, counted by a facilitator, are present like anyone connected.
  for (const [group, n] of Object.entries(input.headcounts ?? {})) {
    const row = counts.get(group);
    if (row) row.present += n;
  }
  for (const card of input.cards) {
    if (card.transcribed || groupOf.has(card.authorId)) bump(card.group, "cards");
    for (const supporter of card.supports) bump(groupOf.get(supporter), "supports");
  }
  for (const comment of input.comments) if (groupOf.has(comment.authorId)) bump(comment.group, "comments");
  for (const [group, n] of Object.entries(input.ballotsByGroup)) {
    const row = counts.get(group);
    if (row) row.ballots += n;
  }

  // Fold small groups by how many people each has (removed people's words still count for it).
  const sizes = new Map<string, number>();
  for (const group of groupOf.values()) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  for (const [group, n] of Object.entries(input.headcounts ?? {})) sizes.set(group, (sizes.get(group) ?? 0) + n);
  const folding = foldGroups(sizes, input.k ?? ANONYMITY_K);
  // A group nobody declared keeps its own row (no person to single out): zeros, or what a
  // facilitator transcribed for it from paper.
  const rowOf = (group: string) => ((sizes.get(group) ?? 0) === 0 ? group : folding.shownAs(group));
  const folded = new Map<
    string,
    { present: number; cards: number; supports: number; comments: number; ballots: number }
  >();
  const order = [...ids, MERGED_GROUP].filter(
    (g, i, all) => all.indexOf(g) === i && (folding.shown.includes(g) || (sizes.get(g) ?? 0) === 0),
  );
  for (const g of order) {
    if (g === MERGED_GROUP && !folding.shown.includes(g) && !ids.includes(g)) continue;
    folded.set(g, { present: 0, cards: 0, supports: 0, comments: 0, ballots: 0 });
  }
  for (const [group, c] of counts) {
    const target = folded.get(rowOf(group) ?? "");
    if (!target) continue;
    for (const key of ["present", "cards", "supports", "comments", "ballots"] as const) target[key] += c[key];
  }

  const rows = [...folded.values()];
  const sum = (key: "present" | "cards" | "supports" | "comments" | "ballots") => rows.reduce((t, r) => t + r[key], 0);
  const totals = {
    present: sum("present"),
    cards: sum("cards"),
    supports: sum("supports"),
    comments: sum("comments"),
    ballots: sum("ballots"),
    contributions: 0,
  };
  totals.contributions = totals.cards + totals.supports + totals.comments + totals.ballots;

  const groups = [...folded].map(([group, c]): GroupVoice => {
    const contributions = c.cards + c.supports + c.comments + c.ballots;
    const presentShare = share(c.present, totals.present);
    const contributionShare = share(contributions, totals.contributions);
    const ratio = presentShare === 0 ? null : Math.round((contributionShare / presentShare) * 1000) / 1000;
    return {
      group,
      present: c.present,
      presentShare,
      cards: c.cards,
      cardShare: share(c.cards, totals.cards),
      supports: c.supports,
      supportShare: share(c.supports, totals.supports),
      comments: c.comments,
      commentShare: share(c.comments, totals.comments),
      ballots: c.ballots,
      ballotShare: share(c.ballots, totals.ballots),
      contributions,
      contributionShare,
      ratio,
      underHeard:
        c.present >= UNDER_HEARD.minPresent &&
        totals.contributions >= UNDER_HEARD.minContributions &&
        contributionShare < UNDER_HEARD.ratio * presentShare,
      ...(group === MERGED_GROUP && folding.mergedFrom.length > 0 ? { mergedFrom: folding.mergedFrom } : {}),
    };
  });
  return { groups, totals, mergedGroups: folding.merged, suppressed: folding.suppressed };
}

/**
 * The same figures read from a live doc, optionally for one activity. Hidden
 * cards still count (the person spoke up) unless hidden for moderation.
 */
export function voiceInputFromDoc(
  doc: Y.Doc,
  present: readonly string[],
  activityId?: string,
  /** a console's cards and comments, with those of closed activities it fetched (they left the doc) */
  entries?: { cards: Iterable<Card>; comments: Iterable<Comment> },
): VoiceInput {
  const r = roots(doc);
  const workshop = r.workshop.toJSON() as { groups?: { id: string; label: string }[] };
  const inScope = (id: string) => activityId === undefined || id === activityId;
  const cards = [...(entries?.cards ?? r.cards.values())].filter(
    (c) => inScope(c.activityId) && (!c.hidden || c.hiddenReason === "merged"),
  );
  const cardIds = new Set(cards.map((c) => c.id));
  const ballotsByGroup: Record<string, number> = {};
  for (const activity of r.activities.values()) {
    if (activity.kind !== "vote" || !inScope(activity.id)) continue;
    for (const [group, n] of Object.entries(activity.turnout?.byGroup ?? {}))
      ballotsByGroup[group] = (ballotsByGroup[group] ?? 0) + n;
  }
  // A kiosk's people were in the room when they took their turn, though never connected themselves.
  const participants = [...r.participants.values()];
  const atKiosks = participants.filter((p) => p.source === "kiosk" && !p.removed).map((p) => p.id);
  return {
    groups: workshop.groups ?? [],
    participants,
    present: [...present, ...atKiosks],
    headcounts: headCountsOf(r.attendance.values()),
    cards,
    comments: [...(entries?.comments ?? r.comments.values())].filter((c) => cardIds.has(c.cardId)),
    ballotsByGroup,
  };
}

/** Head counts per group, summed over tables. */
export function headCountsOf(entries: Iterable<{ group: string; count: number }>): Record<string, number> {
  const byGroup: Record<string, number> = {};
  for (const e of entries) byGroup[e.group] = (byGroup[e.group] ?? 0) + e.count;
  return byGroup;
}

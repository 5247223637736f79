/**
 * Vote options drawn from map cards copy the card's text as their label, so when
 * a card leaves (deleted, hidden by a facilitator, or its author withdraws) its
 * words must leave the options too: the doc holds only what everyone may see.
 */
import type { Effect } from "../apply";
import { type Ballot, LIMITS, type OptionRemoved } from "../commands";
import type { ActivityOf } from "../doc";
import { MERGED } from "./card-store";
import { recountVote } from "./recount";
import type { Scope } from "./scope";

/** The neutral label an option keeps when its words leave but other people's votes stay. */
export const REMOVED_LABELS: Record<OptionRemoved, string> = {
  withdrawn: "Option withdrawn by its author",
  deleted: "Option deleted by its author",
  hidden: "Option hidden by a facilitator",
};

/** Option ids that at least one of these ballots gives something to. */
function votedFor(ballots: readonly Ballot[]): Set<string> {
  const ids = new Set<string>();
  for (const ballot of ballots) {
    if ("allocations" in ballot) for (const [id, n] of Object.entries(ballot.allocations)) if (n > 0) ids.add(id);
    if ("order" in ballot) for (const id of ballot.order) ids.add(id);
    if ("approved" in ballot) for (const id of ballot.approved) ids.add(id);
    if ("ratings" in ballot) for (const id of Object.keys(ballot.ratings)) ids.add(id);
  }
  return ids;
}

/**
 * The vote without the given cards as origins. An option that came only from them
 * loses its words; it goes (with its points) unless other people voted for it, in
 * which case it stays, with their votes, under a neutral label saying why (`removed`):
 * the room may already have seen it win. One that also came from other cards stays,
 * relabelled with a remaining card's text if its label was theirs. `leaver` is a
 * withdrawing participant, whose own ballot does not count. Null when nothing changes.
 */
export function optionsWithout(
  s: Scope,
  vote: ActivityOf<"vote">,
  gone: ReadonlySet<string>,
  why: OptionRemoved,
  leaver?: string,
): ActivityOf<"vote"> | null {
  const config = vote.config;
  let voted: Set<string> | null = null;
  const othersVotedFor = (id: string) => {
    voted ??= votedFor(
      s.priv
        .ballots(vote.id)
        .filter((b) => b.participantId !== leaver)
        .map((b) => b.ballot),
    );
    return voted.has(id);
  };
  let changed = false;
  const options = config.options.flatMap((option) => {
    const cardIds = option.cardIds ?? [];
    if (!cardIds.some((c) => gone.has(c))) return [option];
    changed = true;
    const remaining = cardIds.filter((c) => !gone.has(c));
    const first = remaining
      .map((c) => s.r.cards.get(c))
      .find((c) => c !== undefined && (!c.hidden || c.hiddenReason === MERGED) && c.text !== "");
    if (!first) {
      if (!othersVotedFor(option.id)) return [];
      return [{ id: option.id, label: REMOVED_LABELS[why], cardIds: remaining, removed: why }];
    }
    const label = gone.has(option.id) ? first.text.slice(0, LIMITS.title).trim() || option.label : option.label;
    return [{ ...option, label, cardIds: remaining }];
  });
  return changed ? { ...vote, config: { ...vote.config, options } } : null;
}

/** Takes the cards out of every vote's options, recounting any published results. */
export function scrubVotes(
  s: Scope,
  gone: ReadonlySet<string>,
  why: OptionRemoved,
): { effects: Effect[]; write: () => void } {
  const effects: Effect[] = [];
  const writes: (() => void)[] = [];
  if (gone.size === 0) return { effects, write: () => {} };
  for (const vote of s.r.activities.values()) {
    if (vote.kind !== "vote") continue;
    const next = optionsWithout(s, vote, gone, why);
    if (!next) continue;
    writes.push(() => {
      const current = s.r.activities.get(vote.id);
      s.r.activities.set(vote.id, current?.kind === "vote" ? { ...current, config: next.config } : next);
    });
    const recount = recountVote(s, next, s.priv.ballots(vote.id), gone);
    effects.push(...recount.effects);
    writes.push(recount.write);
  }
  return {
    effects,
    write: () => {
      for (const write of writes) write();
    },
  };
}

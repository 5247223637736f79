/**
 * Vote options drawn from map cards copy the card's text as their label, so when
 * a card leaves (deleted, hidden by a facilitator, or its author withdraws) its
 * words must leave the options too: the doc holds only what everyone may see.
 */
import type { Effect } from "../apply";
import { LIMITS } from "../commands";
import type { Activity } from "../doc";
import { MERGED } from "./card-store";
import { configOf } from "./guards";
import { recountVote } from "./recount";
import type { Scope } from "./scope";

/**
 * The vote without the given cards as origins: an option that came only from them
 * goes (and so do its points); one that also came from other cards stays, relabelled
 * with a remaining card's text if its label was theirs. Null when nothing changes.
 */
export function optionsWithout(s: Scope, vote: Activity, gone: ReadonlySet<string>): Activity | null {
  const config = configOf(vote, "vote");
  let changed = false;
  const options = config.options.flatMap((option) => {
    const cardIds = option.cardIds ?? [];
    if (!cardIds.some((c) => gone.has(c))) return [option];
    changed = true;
    const remaining = cardIds.filter((c) => !gone.has(c));
    const first = remaining
      .map((c) => s.r.cards.get(c))
      .find((c) => c !== undefined && (!c.hidden || c.hiddenReason === MERGED) && c.text !== "");
    if (!first) return [];
    const label = gone.has(option.id) ? first.text.slice(0, LIMITS.title).trim() || option.label : option.label;
    return [{ ...option, label, cardIds: remaining }];
  });
  return changed ? { ...vote, config: { ...vote.config, options } } : null;
}

/** Takes the cards out of every vote's options, recounting any published results. */
export function scrubVotes(s: Scope, gone: ReadonlySet<string>): { effects: Effect[]; write: () => void } {
  const effects: Effect[] = [];
  const writes: (() => void)[] = [];
  if (gone.size === 0) return { effects, write: () => {} };
  for (const vote of s.r.activities.values()) {
    if (vote.kind !== "vote") continue;
    const next = optionsWithout(s, vote, gone);
    if (!next) continue;
    writes.push(() => {
      const current = s.r.activities.get(vote.id) ?? vote;
      s.r.activities.set(vote.id, { ...current, config: next.config });
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

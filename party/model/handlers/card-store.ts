/** Where cards live (the doc, or private storage while a silent round lasts) and how they are removed. */
import type { Effect } from "../apply";
import type { MapConfig } from "../commands";
import type { Activity, Card } from "../doc";
import { refuse } from "../refusal";
import { requireActivity, requireKind } from "./guards";
import type { Plan, Scope } from "./scope";

export const MERGED = "merged";

/**
 * How much one map holds. Each card is bounded by maxLength, but without a count
 * one person could grow the shared doc that every phone downloads (docs/architecture.md, "Budgets":
 * ≤ 1 MB for a 3-hour, 200-person workshop). Facilitators transcribing paper are
 * exempt from the per-person cap, not from the map's.
 */
export const QUOTA = {
  cardsPerPerson: 60,
  cardsPerMap: 3000,
  commentsPerCard: 100,
  // safety (#12): per person across the whole workshop, so a flood cannot spread over maps and cards
  cardsPerPersonInRoom: 300,
  commentsPerPerson: 200,
} as const;

/**
 * safety (#12): one person's share of the room. `quota_exceeded` says it is theirs that is
 * used up (not that something changed meanwhile); facilitators and hosts transcribing for
 * many people on paper are exempt, as from the per-map card cap. `counts` comes from
 * countCards, which counts the map and the room in the one pass over the cards.
 */
export function requireCardQuota(counts: CardCounts): void {
  if (counts.mine >= QUOTA.cardsPerPerson)
    refuse("quota_exceeded", `You have added ${QUOTA.cardsPerPerson} cards, the most one person can add here`);
  if (counts.mineInRoom >= QUOTA.cardsPerPersonInRoom)
    refuse("quota_exceeded", `You have added ${QUOTA.cardsPerPersonInRoom} cards, the most one person can add today`);
}

/** Comments on one card, and by one author in the whole room: one pass over the comments. */
export function countComments(s: Scope, cardId: string, authorId: string): { onCard: number; mine: number } {
  let onCard = 0;
  let mine = 0;
  for (const c of s.r.comments.values()) {
    if (c.cardId === cardId) onCard += 1;
    if (c.authorId === authorId) mine += 1;
  }
  return { onCard, mine };
}

export function requireCommentQuota(mine: number): void {
  if (mine >= QUOTA.commentsPerPerson)
    refuse(
      "quota_exceeded",
      `You have written ${QUOTA.commentsPerPerson} comments, the most one person can write today`,
    );
}

/**
 * Cards on the map (shared and, during a silent round, still private), in total and by this
 * author; and the author's shared cards across the whole room (the per-person room quota).
 */
export interface CardCounts {
  all: number;
  mine: number;
  mineInRoom: number;
}

export function countCards(s: Scope, activity: Activity, authorId: string): CardCounts {
  const activityId = activity.id;
  const counts: CardCounts = { all: 0, mine: 0, mineInRoom: 0 };
  const count = (card: Card) => {
    if (card.activityId !== activityId) return;
    counts.all += 1;
    if (card.authorId === authorId) counts.mine += 1;
  };
  for (const card of s.r.cards.values()) {
    if (card.authorId === authorId) counts.mineInRoom += 1;
    count(card);
  }
  // Only a silent round still holds private cards; skip the storage read otherwise.
  if (activity.kind === "map" && activity.config.mode === "silent" && !activity.cardsRevealed)
    for (const card of s.priv.silentCards(activityId)) count(card);
  return counts;
}

export function mapOf(s: Scope, activityId: string): { activity: Activity; config: MapConfig } {
  return requireKind(requireActivity(s, activityId), "map");
}

export function requireLength(text: string, config: MapConfig): void {
  if (text.length > config.maxLength) refuse("bad_request", `text: at most ${config.maxLength} characters`);
}

/** The author's own unrevealed cards after a change, sent privately so their phone shows them. */
export function silentEcho(
  s: Scope,
  authorId: string,
  activityId: string,
  changed: Card | null,
  removedId?: string,
): Effect {
  const cards = s.priv
    .silentCards(activityId)
    .filter((c) => c.authorId === authorId && c.id !== changed?.id && c.id !== removedId);
  if (changed) cards.push(changed);
  return { kind: "private", to: authorId, message: { type: "private", kind: "cards", activityId, cards } };
}

/**
 * Every unrevealed card of a silent map after a change, sent to facilitators: they
 * watch the round fill up (and can moderate it) while each participant sees only
 * their own. Sent after the author's echo, so a facilitator who is also the author
 * ends up holding the full list.
 */
export function silentForFacilitators(
  s: Scope,
  activityId: string,
  changed: readonly Card[],
  removed: ReadonlySet<string> = new Set(),
): Effect {
  const replaced = new Set([...removed, ...changed.map((c) => c.id)]);
  const cards = [...s.priv.silentCards(activityId).filter((c) => !replaced.has(c.id)), ...changed];
  return {
    kind: "private",
    to: { role: "facilitator" },
    message: { type: "private", kind: "cards", activityId, cards },
  };
}

/** Puts cards into the doc as they are (approved, revealed or harvested cards). */
export function setCards(s: Scope, cards: readonly Card[]): void {
  for (const card of cards) s.r.cards.set(card.id, card);
}

/** Where a changed card goes: the doc, or (unrevealed silent card) the room's private storage. */
export function putCard(s: Scope, card: Card, silent: boolean, extra: Effect[] = []): Plan {
  if (silent) {
    return {
      effects: [
        ...extra,
        { kind: "silentCard.put", card },
        silentEcho(s, card.authorId, card.activityId, card),
        silentForFacilitators(s, card.activityId, [card]),
      ],
    };
  }
  return { effects: extra, write: () => s.r.cards.set(card.id, card) };
}

/**
 * Removing cards also removes what hangs off them (comments, links), clears them
 * from merge records, and un-hides cards that had been merged into them so those
 * contributions are not lost with the card that absorbed them.
 */
export function removeCards(s: Scope, ids: ReadonlySet<string>): { effects: Effect[]; write: () => void } {
  const effects: Effect[] = [];
  for (const id of ids) {
    const card = s.r.cards.get(id) ?? s.priv.silentCard(id);
    if (!card) continue;
    if (!s.r.cards.has(id)) effects.push({ kind: "silentCard.delete", cardId: id });
    if (card.hidden && card.hiddenReason !== MERGED) effects.push({ kind: "moderated.delete", cardId: id });
  }
  // Read merge sources now: the write deletes the cards that record them.
  const orphans = [...ids].flatMap((id) => s.r.cards.get(id)?.mergedFrom ?? []).filter((id) => !ids.has(id));
  const dropTranslations = dropCardTranslations(s, ids);
  const write = () => {
    dropTranslations();
    for (const id of ids) s.r.cards.delete(id);
    for (const comment of [...s.r.comments.values()]) if (ids.has(comment.cardId)) s.r.comments.delete(comment.id);
    for (const link of [...s.r.links.values()]) if (ids.has(link.from) || ids.has(link.to)) s.r.links.delete(link.id);
    for (const card of [...s.r.cards.values()]) {
      const mergedFrom = card.mergedFrom?.filter((id) => !ids.has(id));
      if (mergedFrom && mergedFrom.length !== card.mergedFrom?.length) s.r.cards.set(card.id, { ...card, mergedFrom });
    }
    for (const id of orphans) {
      const merged = s.r.cards.get(id);
      if (merged?.hidden && merged.hiddenReason === MERGED) {
        const { hiddenReason: _, ...rest } = merged;
        s.r.cards.set(id, { ...rest, hidden: false });
      }
    }
  };
  return { effects, write };
}

/** Translations of these cards (everyone counts): dropped when a card is hidden, edited or removed, so no old words linger. */
export function dropCardTranslations(s: Scope, cardIds: ReadonlySet<string>): () => void {
  return () => {
    for (const [key, entry] of [...s.r.translations.entries()]) {
      if (entry.target.startsWith("card.") && cardIds.has(entry.target.slice(5))) s.r.translations.delete(key);
    }
  };
}

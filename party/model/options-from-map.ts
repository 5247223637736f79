/**
 * Which cards of a map become a vote's options (fromActivity), and why the others
 * do not: one rule shared by the room (activity.open) and the console, which shows
 * the facilitator the list before opening and lets them choose instead.
 */
import { LIMITS, type VoteConfig, type VoteOption } from "./commands";
import type { Card } from "./doc";

export type LeftOutReason = "hidden" | "kind" | "beyondTop";

export interface OptionsFromMap {
  options: VoteOption[];
  leftOut: { card: Card; reason: LeftOutReason }[];
}

/** An option made from a card: its words (cut to a title's length), the card and those merged into it as origin. */
export function optionFromCard(card: Card): VoteOption {
  return {
    id: card.id,
    label: card.text.slice(0, LIMITS.title).trim() || card.id,
    // tables (#13): a harvested card traces back to the table's card and what was merged into it there.
    cardIds: [
      ...new Set([
        card.id,
        ...(card.mergedFrom ?? []),
        ...(card.origin ? [card.origin.cardId, ...card.origin.mergedFrom] : []),
      ]),
    ],
  };
}

/** Visible cards of the map, filtered by kind, most supported first, then oldest, up to topN. */
export function optionsFromMap(cards: Iterable<Card>, from: NonNullable<VoteConfig["fromActivity"]>): OptionsFromMap {
  const leftOut: OptionsFromMap["leftOut"] = [];
  const eligible: Card[] = [];
  for (const card of cards) {
    if (card.activityId !== from.activityId) continue;
    // Merged cards live on in the card they were merged into; not worth a line of their own.
    if (card.hidden) {
      if (card.hiddenReason !== "merged") leftOut.push({ card, reason: "hidden" });
    } else if (from.kinds && !from.kinds.includes(card.kind)) leftOut.push({ card, reason: "kind" });
    else eligible.push(card);
  }
  eligible.sort(
    (a, b) => b.supports.length - a.supports.length || a.createdAt - b.createdAt || a.id.localeCompare(b.id),
  );
  const limit = from.topN ?? LIMITS.options;
  for (const card of eligible.slice(limit)) leftOut.push({ card, reason: "beyondTop" });
  return { options: eligible.slice(0, limit).map(optionFromCard), leftOut };
}

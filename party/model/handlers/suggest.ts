/**
 * `cards.suggest` (voice, #16): groups of similar cards on a map for the facilitator
 * to merge (with `card.merge`) or dismiss. A read: it changes nothing, and the answer
 * goes only to the facilitator who asked (in the ack), so it may include a silent
 * round's cards, which the facilitator already sees.
 */
import { suggestThemes, type ThemeCard } from "../themes";
import { requireActivity, requireKind } from "./guards";
import type { Handler } from "./scope";

const suggest: Handler<"cards.suggest"> = (s, args) => {
  const { activity } = requireKind(requireActivity(s, args.activityId), "map");
  const cards: (ThemeCard & { createdAt: number })[] = [];
  const seen = new Set<string>();
  for (const card of [...s.r.cards.values(), ...s.priv.silentCards(activity.id)]) {
    if (card.activityId !== activity.id || card.hidden || card.text.trim() === "" || seen.has(card.id)) continue;
    seen.add(card.id);
    cards.push({ id: card.id, text: card.text, createdAt: card.createdAt });
  }
  // Oldest first, so a suggestion's first card is the natural one to merge into.
  cards.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  return { result: { groups: suggestThemes(cards) } };
};

export const suggestHandlers = { "cards.suggest": suggest };

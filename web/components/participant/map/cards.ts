/**
 * Which cards a participant sees in a map activity: the room's public cards, my own
 * unrevealed cards in a silent round (sent privately), and cards I made that the room
 * has not acknowledged yet (shown as "waiting to send").
 */
import * as v from "valibot";
import type { CardKind, Lane } from "../../../../party/model/commands";
import type { Card } from "../../../../party/model/doc";

/** A card as the phone shows it: from the room, or one of mine still waiting (pending) or refused. */
export type ShownCard = Card & { pendingId?: string; refusedId?: string };

const PendingCardArgs = v.object({ activityId: v.string(), lane: v.string(), kind: v.string(), text: v.string() });

export interface CardSources {
  activityId: string;
  me: string;
  /** privacy (#12): ids of my cards, from the room's private `mine` (a phone's doc names no author) */
  mine?: ReadonlySet<string>;
  myGroup: string;
  publicCards: Record<string, Card>;
  /** my silent cards, as the room sent them (validated on arrival, party/model/protocol.ts) */
  privateCards: readonly Card[] | undefined;
  /** commands not acknowledged yet; a card.add is removed from here when its ack arrives */
  pending: readonly { id: string; name: string; args: unknown }[];
  /** commands the room refused, so a card that was not saved stays visible with the reason */
  refused?: readonly { id: string; name: string; args: unknown }[];
}

/** Every card to show for an activity, oldest first; hidden cards only to their author. */
export function cardsToShow(sources: CardSources): ShownCard[] {
  const byId = new Map<string, ShownCard>();
  for (const card of Object.values(sources.publicCards)) {
    if (card.activityId !== sources.activityId) continue;
    if (card.hidden && card.authorId !== sources.me && !sources.mine?.has(card.id)) continue;
    byId.set(card.id, card);
  }
  for (const card of sources.privateCards ?? []) {
    if (card.activityId === sources.activityId && !byId.has(card.id)) byId.set(card.id, card);
  }
  const shown = [...byId.values()].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const mine = [
    ...sources.pending.map((item) => ({ item, refused: false })),
    ...(sources.refused ?? []).map((item) => ({ item, refused: true })),
  ];
  for (const { item, refused } of mine) {
    if (item.name !== "card.add") continue;
    const args = v.safeParse(PendingCardArgs, item.args);
    if (!args.success || args.output.activityId !== sources.activityId) continue;
    shown.push({
      id: `${refused ? "refused" : "pending"}-${item.id}`,
      ...(refused ? { refusedId: item.id } : { pendingId: item.id }),
      activityId: args.output.activityId,
      lane: args.output.lane,
      kind: args.output.kind,
      text: args.output.text,
      authorId: sources.me,
      authorName: "",
      group: sources.myGroup,
      createdAt: Number.MAX_SAFE_INTEGER,
      hidden: false,
      supports: [],
    });
  }
  return shown;
}

export function kindOf(kinds: readonly v.InferOutput<typeof CardKind>[], id: string) {
  return kinds.find((k) => k.id === id);
}

export function laneOf(lanes: readonly v.InferOutput<typeof Lane>[], id: string) {
  return lanes.find((l) => l.id === id);
}

/** What the person chose to look at in a long map. */
export interface CardView {
  me: string;
  /** privacy (#12): ids of my cards (room.own) */
  mine?: ReadonlySet<string>;
  /** one lane's id, or "" for every lane */
  lane: string;
  /** words to find in a card's text ("" for all) */
  query: string;
  /** how many cards to draw (the rest wait behind "show more") */
  limit: number;
}

/**
 * A long map on a phone draws only a window of it (issue #17: 800 cards must stay under
 * 3,000 DOM nodes): my own cards first, then the newest; filtered by lane and by words.
 * `total` is how many match, so the page can say how many more there are.
 */
export function windowCards(cards: readonly ShownCard[], view: CardView): { shown: ShownCard[]; total: number } {
  const words = view.query.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const matching = cards.filter(
    (card) =>
      (!view.lane || card.lane === view.lane) && words.every((word) => card.text.toLocaleLowerCase().includes(word)),
  );
  const mine = (card: ShownCard): number =>
    card.authorId === view.me || view.mine?.has(card.id) || card.pendingId || card.refusedId ? 0 : 1;
  matching.sort((a, b) => mine(a) - mine(b) || b.createdAt - a.createdAt || b.id.localeCompare(a.id));
  return { shown: matching.slice(0, Math.max(0, view.limit)), total: matching.length };
}

/** Facilitators arranging and moderating the map: move, hide, restore, merge, link. */
import type { Effect } from "../apply";
import type { Card, Link } from "../doc";
import { refuse } from "../refusal";
import { dropCardTranslations, MERGED, mapOf, putCard, setCards, silentForFacilitators } from "./card-store";
import { requireCard, requireVisibleCard, requireWorkshopNotClosed } from "./guards";
import type { Handler } from "./scope";
import { requireHostTable } from "./table-scope";
import { scrubVotes } from "./vote-options";

const move: Handler<"card.move"> = (s, args) => {
  requireWorkshopNotClosed(s);
  const { card, silent } = requireCard(s, args.cardId);
  requireHostTable(s, card);
  const { config } = mapOf(s, card.activityId);
  if (args.lane !== undefined && !config.lanes.some((l) => l.id === args.lane))
    refuse("bad_request", `lane: no lane "${args.lane}" on this map`);
  const next: Card = { ...card };
  if (args.lane !== undefined) next.lane = args.lane;
  if (args.x !== undefined) next.x = args.x;
  if (args.y !== undefined) next.y = args.y;
  return { result: { cardId: card.id }, ...putCard(s, next, silent) };
};

/**
 * Hiding blanks the text in the doc: the shared doc holds only what everyone may
 * see (docs/architecture.md, principle 2), and Yjs garbage-collects the replaced value. The
 * original goes to the room's storage (`moderated.put`) for restore and audit.
 */
const hide: Handler<"card.hide"> = (s, args) => {
  const { card, silent } = requireCard(s, args.cardId);
  requireHostTable(s, card);
  const extra: Effect[] = card.text === "" ? [] : [{ kind: "moderated.put", cardId: card.id, text: card.text }];
  const next: Card = { ...card, text: "", hidden: true, hiddenReason: args.reason };
  const plan = putCard(s, next, silent, extra);
  // A vote option copied from the card would keep its words; restoring the card does not bring it back.
  const votes = scrubVotes(s, new Set([card.id]), "hidden");
  // A translation would keep the hidden words too.
  const translations = dropCardTranslations(s, new Set([card.id]));
  const write = () => {
    plan.write?.();
    votes.write();
    translations();
  };
  return { result: { cardId: card.id }, effects: [...(plan.effects ?? []), ...votes.effects], write };
};

const restore: Handler<"card.restore"> = (s, args) => {
  const { card, silent } = requireCard(s, args.cardId);
  requireHostTable(s, card);
  if (!card.hidden) return { result: { cardId: card.id } };
  const original = s.priv.moderatedText(card.id);
  const { hiddenReason: _, ...rest } = card;
  const next: Card = { ...rest, text: card.text || original || "", hidden: false };
  const extra: Effect[] = original === null ? [] : [{ kind: "moderated.delete", cardId: card.id }];
  const plan = putCard(s, next, silent, extra);
  // A restored merge source stands on its own again.
  const target = [...s.r.cards.values()].find((c) => c.mergedFrom?.includes(card.id));
  const write = () => {
    plan.write?.();
    if (target) s.r.cards.set(target.id, { ...target, mergedFrom: target.mergedFrom?.filter((id) => id !== card.id) });
  };
  return { result: { cardId: card.id }, effects: plan.effects ?? [], write };
};

/** Merging moves supports to the surviving card (as a union) and keeps the merged cards as its origin. */
const merge: Handler<"card.merge"> = (s, args) => {
  requireWorkshopNotClosed(s);
  const into = requireVisibleCard(s, args.into);
  const sources = [...new Set(args.cardIds)].filter((id) => id !== into.id).map((id) => requireVisibleCard(s, id));
  if (sources.length === 0) refuse("bad_request", "cardIds: name at least one card other than the one merged into");
  for (const card of [into, ...sources]) requireHostTable(s, card);
  for (const card of sources) {
    if (card.activityId !== into.activityId) refuse("bad_request", `cardIds: ${card.id} is on a different map`);
  }
  const supports = [...new Set([into.supports, ...sources.map((c) => c.supports)].flat())];
  const mergedFrom = [
    ...new Set([...(into.mergedFrom ?? []), ...sources.flatMap((c) => [c.id, ...(c.mergedFrom ?? [])])]),
  ];
  return {
    result: { cardId: into.id, merged: sources.map((c) => c.id) },
    write: () => {
      for (const card of sources) {
        s.r.cards.set(card.id, { ...card, hidden: true, hiddenReason: MERGED, supports: [], mergedFrom: [] });
      }
      s.r.cards.set(into.id, { ...into, supports, mergedFrom });
    },
  };
};

const addLink: Handler<"link.add"> = (s, args) => {
  requireWorkshopNotClosed(s);
  const from = requireVisibleCard(s, args.from);
  const to = requireVisibleCard(s, args.to);
  requireHostTable(s, from);
  requireHostTable(s, to);
  if (from.id === to.id) refuse("bad_request", "A card cannot link to itself");
  if (from.activityId !== to.activityId) refuse("bad_request", "Links join cards on the same map");
  const { activity, config } = mapOf(s, from.activityId);
  if (!config.allowLinks) refuse("bad_request", `Links are turned off for "${activity.title}"`);
  const link: Link = { id: s.newId(), from: from.id, to: to.id, label: args.label ?? "" };
  return { result: { linkId: link.id }, write: () => s.r.links.set(link.id, link) };
};

const removeLink: Handler<"link.remove"> = (s, args) => {
  requireWorkshopNotClosed(s);
  const link = s.r.links.get(args.linkId);
  if (!link) refuse("not_found", `No link ${args.linkId}`);
  requireHostTable(s, s.r.cards.get(link.from) ?? { id: link.from });
  return { result: { linkId: args.linkId }, write: () => s.r.links.delete(args.linkId) };
};

/**
 * Maps that hold cards for review: the facilitator lets them onto the projector.
 * Approving a card that is not held is a no-op; a silent card is approved where it waits.
 */
const approve: Handler<"cards.approve"> = (s, args) => {
  requireWorkshopNotClosed(s);
  const held = [...new Set(args.cardIds)].map((id) => requireCard(s, id)).filter(({ card }) => card.awaitingReview);
  const approved = held.map(({ card, silent }) => {
    const { awaitingReview: _, ...rest } = card;
    return { card: rest as Card, silent };
  });
  const shared = approved.filter((a) => !a.silent).map((a) => a.card);
  const waiting = approved.filter((a) => a.silent).map((a) => a.card);
  const effects: Effect[] = waiting.map((card) => ({ kind: "silentCard.put", card }));
  // One list per silent map, so facilitators hold every approval at once.
  for (const activityId of new Set(waiting.map((c) => c.activityId)))
    effects.push(
      silentForFacilitators(
        s,
        activityId,
        waiting.filter((c) => c.activityId === activityId),
      ),
    );
  return {
    result: { approved: approved.map((a) => a.card.id) },
    effects,
    write: () => setCards(s, shared),
  };
};

export const moderationHandlers = {
  "cards.approve": approve,
  "card.move": move,
  "card.hide": hide,
  "card.restore": restore,
  "card.merge": merge,
  "link.add": addLink,
  "link.remove": removeLink,
};

/** Participants' part of the map: cards, supports and comments (facilitators may do all of it too). */
import type { Card, Comment } from "../doc";
import { refuse } from "../refusal";
import { contributorFor } from "./acting";
import {
  countCards,
  countComments,
  dropCardTranslations,
  mapOf,
  putCard,
  QUOTA,
  removeCards,
  requireCardQuota,
  requireCommentQuota,
  requireLength,
  silentEcho,
  silentForFacilitators,
} from "./card-store";
import {
  nameOf,
  requireCard,
  requireFirstGroup,
  requireInputOpen,
  requireMember,
  requireOwnCard,
  requireVisibleCard,
} from "./guards";
import type { Handler } from "./scope";
import { isModerator, requireHostTable, requireSameTable, tableForNewCard } from "./table-scope";
import { scrubVotes } from "./vote-options";

const add: Handler<"card.add"> = (s, args) => {
  const { activity, config } = mapOf(s, args.activityId);
  requireInputOpen(s, activity);
  const who = contributorFor(s, args);
  if (s.actor.role === "host" && !args.onBehalfOf)
    refuse("bad_request", "onBehalfOf: a host transcribes cards for a stakeholder group");
  if (!config.lanes.some((l) => l.id === args.lane)) refuse("bad_request", `lane: no lane "${args.lane}" on this map`);
  if (!config.kinds.some((k) => k.id === args.kind)) refuse("bad_request", `kind: no card kind "${args.kind}"`);
  requireLength(args.text, config);
  // A paper or kiosk card's table (onBehalfOf.table, a kiosk's own) places it on a map at tables.
  const table = tableForNewCard(
    s,
    activity,
    config,
    who.me,
    args.table ?? (config.at === "tables" ? who.table : undefined),
  );
  const group = who.group;
  if (config.mode === "community-first") requireFirstGroup(s, activity, config.firstGroups, group);
  const counts = countCards(s, activity, who.id);
  if (counts.all >= QUOTA.cardsPerMap) refuse("conflict", `"${activity.title}" is full (${QUOTA.cardsPerMap} cards)`);
  if (!isModerator(s)) requireCardQuota(counts);
  const card: Card = {
    id: s.newId(),
    activityId: activity.id,
    lane: args.lane,
    kind: args.kind,
    text: args.text,
    authorId: who.id,
    authorName: who.source === "kiosk" ? "" : nameOf(s, who.me),
    group,
    createdAt: s.now,
    hidden: false,
    supports: [],
  };
  if (args.onBehalfOf && who.source === "paper") card.transcribed = true;
  if (who.source !== "phone") card.source = who.source;
  if (config.reviewCards && !isModerator(s)) card.awaitingReview = true;
  if (table !== undefined) card.table = table;
  const silent = config.mode === "silent" && !activity.cardsRevealed;
  const plan = putCard(s, card, silent, who.effects);
  return {
    result: { cardId: card.id },
    effects: plan.effects ?? [],
    write: () => {
      who.write();
      plan.write?.();
    },
  };
};

const edit: Handler<"card.edit"> = (s, args) => {
  const { card, silent } = requireCard(s, args.cardId);
  requireHostTable(s, card);
  const { activity, config } = mapOf(s, card.activityId);
  requireInputOpen(s, activity);
  requireMember(s);
  requireOwnCard(s, card);
  if (card.hidden) refuse("conflict", "Restore the card before editing it");
  requireLength(args.text, config);
  const next: Card = { ...card, text: args.text, editedAt: s.now };
  // New words need a new look before the projector shows them.
  if (config.reviewCards && !isModerator(s)) next.awaitingReview = true;
  const plan = putCard(s, next, silent);
  // A translation of the old words no longer says what the card says.
  const translations = dropCardTranslations(s, new Set([card.id]));
  return {
    result: { cardId: card.id },
    effects: plan.effects ?? [],
    write: () => {
      plan.write?.();
      translations();
    },
  };
};

const remove: Handler<"card.delete"> = (s, args) => {
  const { card, silent } = requireCard(s, args.cardId);
  requireHostTable(s, card);
  const { activity } = mapOf(s, card.activityId);
  requireInputOpen(s, activity);
  requireMember(s);
  requireOwnCard(s, card);
  const gone = new Set([card.id]);
  const removal = removeCards(s, gone);
  const votes = scrubVotes(s, gone, "deleted");
  const effects = silent
    ? [
        ...removal.effects,
        silentEcho(s, card.authorId, activity.id, null, card.id),
        silentForFacilitators(s, activity.id, [], gone),
      ]
    : [...removal.effects, ...votes.effects];
  const write = () => {
    removal.write();
    votes.write();
  };
  return { result: { cardId: card.id }, effects, write };
};

/**
 * What supporting and commenting on a card both check first: the card is visible, its map takes
 * input, only a kiosk acts on behalf of someone, the person sits at the card's table and, in a
 * community-first round, is in a group whose turn it is.
 */
function respondingTo(
  s: Parameters<Handler<"card.support">>[0],
  args: Parameters<Handler<"card.support" | "comment.add">>[1],
  verb: "support" | "comment",
) {
  const card = requireVisibleCard(s, args.cardId);
  const { activity, config } = mapOf(s, card.activityId);
  requireInputOpen(s, activity);
  if (args.onBehalfOf && s.actor.role !== "kiosk") refuse("forbidden", `Only kiosks ${verb} on behalf of someone`);
  const who = contributorFor(s, args);
  requireSameTable(s, config, card, who.me);
  if (config.mode === "community-first") requireFirstGroup(s, activity, config.firstGroups, who.group);
  return { card, activity, config, who };
}

/** Toggles the actor's (or the kiosk turn's) support; supporting twice is the same as once. */
const support: Handler<"card.support"> = (s, args) => {
  const { card, who } = respondingTo(s, args, "support");
  const has = card.supports.includes(who.id);
  const result = { cardId: card.id, supports: card.supports.length + (args.on === has ? 0 : args.on ? 1 : -1) };
  if (has === args.on) return { result };
  const supports = args.on ? [...card.supports, who.id] : card.supports.filter((id) => id !== who.id);
  return {
    result,
    effects: who.effects,
    write: () => {
      who.write();
      s.r.cards.set(card.id, { ...card, supports });
    },
  };
};

const comment: Handler<"comment.add"> = (s, args) => {
  const { card, config, who } = respondingTo(s, args, "comment");
  const group = who.group;
  requireLength(args.text, config);
  const comments = countComments(s, card.id, who.id);
  if (comments.onCard >= QUOTA.commentsPerCard)
    refuse("conflict", `This card already has ${QUOTA.commentsPerCard} comments`);
  if (!isModerator(s)) requireCommentQuota(comments.mine);
  const entry: Comment = {
    id: s.newId(),
    cardId: card.id,
    text: args.text,
    authorId: who.id,
    authorName: who.source === "kiosk" ? "" : nameOf(s, who.me),
    group,
    createdAt: s.now,
  };
  return {
    result: { commentId: entry.id },
    effects: who.effects,
    write: () => {
      who.write();
      s.r.comments.set(entry.id, entry);
    },
  };
};

export const cardHandlers = {
  "card.add": add,
  "card.edit": edit,
  "card.delete": remove,
  "card.support": support,
  "comment.add": comment,
};

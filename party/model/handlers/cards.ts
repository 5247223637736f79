/** Participants' part of the map: cards, supports and comments (facilitators may do all of it too). */
import type { Card, Comment } from "../doc";
import { refuse } from "../refusal";
import {
  countCards,
  mapOf,
  putCard,
  QUOTA,
  removeCards,
  requireLength,
  silentEcho,
  silentForFacilitators,
} from "./card-store";
import {
  groupOf,
  nameOf,
  requireCard,
  requireFirstGroup,
  requireInputOpen,
  requireMember,
  requireOwnCard,
  requireVisibleCard,
  workshopOf,
} from "./guards";
import type { Handler } from "./scope";
import { isModerator, requireHostTable, requireSameTable, tableForNewCard } from "./table-scope";
import { scrubVotes } from "./vote-options";

const add: Handler<"card.add"> = (s, args) => {
  const { activity, config } = mapOf(s, args.activityId);
  requireInputOpen(s, activity);
  const me = requireMember(s);
  if (args.onBehalfOf && !isModerator(s)) refuse("forbidden", "Only facilitators and hosts may add cards for a group");
  if (s.actor.role === "host" && !args.onBehalfOf)
    refuse("bad_request", "onBehalfOf: a host transcribes cards for a stakeholder group");
  if (args.onBehalfOf && !workshopOf(s).groups.some((g) => g.id === args.onBehalfOf?.group))
    refuse("bad_request", `onBehalfOf.group: no stakeholder group "${args.onBehalfOf.group}" in this workshop`);
  if (!config.lanes.some((l) => l.id === args.lane)) refuse("bad_request", `lane: no lane "${args.lane}" on this map`);
  if (!config.kinds.some((k) => k.id === args.kind)) refuse("bad_request", `kind: no card kind "${args.kind}"`);
  requireLength(args.text, config);
  const table = tableForNewCard(s, activity, config, me, args.table);
  const group = args.onBehalfOf?.group ?? groupOf(s, me);
  if (config.mode === "community-first") requireFirstGroup(s, activity, config.firstGroups, group);
  const counts = countCards(s, activity, s.actor.id);
  if (counts.all >= QUOTA.cardsPerMap) refuse("conflict", `"${activity.title}" is full (${QUOTA.cardsPerMap} cards)`);
  if (!isModerator(s) && counts.mine >= QUOTA.cardsPerPerson)
    refuse("conflict", `You have added ${QUOTA.cardsPerPerson} cards, the most one person can add here`);
  const card: Card = {
    id: s.newId(),
    activityId: activity.id,
    lane: args.lane,
    kind: args.kind,
    text: args.text,
    authorId: s.actor.id,
    authorName: nameOf(s, me),
    group,
    createdAt: s.now,
    hidden: false,
    supports: [],
  };
  if (args.onBehalfOf) card.transcribed = true;
  if (config.reviewCards && !isModerator(s)) card.awaitingReview = true;
  if (table !== undefined) card.table = table;
  const silent = config.mode === "silent" && !activity.cardsRevealed;
  return { result: { cardId: card.id }, ...putCard(s, card, silent) };
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
  return { result: { cardId: card.id }, ...putCard(s, next, silent) };
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

/** Toggles the actor's support; supporting twice is the same as once. */
const support: Handler<"card.support"> = (s, args) => {
  const card = requireVisibleCard(s, args.cardId);
  const { activity, config } = mapOf(s, card.activityId);
  requireInputOpen(s, activity);
  const me = requireMember(s);
  requireSameTable(s, config, card, me);
  if (config.mode === "community-first") requireFirstGroup(s, activity, config.firstGroups, groupOf(s, me));
  const has = card.supports.includes(s.actor.id);
  const result = { cardId: card.id, supports: card.supports.length + (args.on === has ? 0 : args.on ? 1 : -1) };
  if (has === args.on) return { result };
  const supports = args.on ? [...card.supports, s.actor.id] : card.supports.filter((id) => id !== s.actor.id);
  return { result, write: () => s.r.cards.set(card.id, { ...card, supports }) };
};

const comment: Handler<"comment.add"> = (s, args) => {
  const card = requireVisibleCard(s, args.cardId);
  const { activity, config } = mapOf(s, card.activityId);
  requireInputOpen(s, activity);
  const me = requireMember(s);
  requireSameTable(s, config, card, me);
  const group = groupOf(s, me);
  if (config.mode === "community-first") requireFirstGroup(s, activity, config.firstGroups, group);
  requireLength(args.text, config);
  let comments = 0;
  for (const c of s.r.comments.values()) if (c.cardId === card.id) comments += 1;
  if (comments >= QUOTA.commentsPerCard) refuse("conflict", `This card already has ${QUOTA.commentsPerCard} comments`);
  const entry: Comment = {
    id: s.newId(),
    cardId: card.id,
    text: args.text,
    authorId: s.actor.id,
    authorName: nameOf(s, me),
    group,
    createdAt: s.now,
  };
  return { result: { commentId: entry.id }, write: () => s.r.comments.set(entry.id, entry) };
};

export const cardHandlers = {
  "card.add": add,
  "card.edit": edit,
  "card.delete": remove,
  "card.support": support,
  "comment.add": comment,
};

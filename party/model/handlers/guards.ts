/** Checks shared by the handlers: each returns what it found or refuses with the fitting code. */

import type { ActivityKind } from "../commands";
import { type Activity, type ActivityOf, type Card, type Participant, readWorkshop, type WorkshopInfo } from "../doc";
import { refuse } from "../refusal";
import type { Scope } from "./scope";

export function workshopOf(s: Scope): WorkshopInfo {
  return readWorkshop(s.doc);
}

export function isFacilitator(s: Scope): boolean {
  return s.actor.role === "facilitator";
}

export function requireWorkshopNotClosed(s: Scope): WorkshopInfo {
  const workshop = workshopOf(s);
  if (workshop.status === "closed") refuse("closed", "The workshop is closed");
  return workshop;
}

export function requireActivity(s: Scope, activityId: string): Activity {
  const activity = s.r.activities.get(activityId);
  if (!activity) refuse("not_found", `No activity ${activityId}`);
  return activity;
}

export function isKind<K extends ActivityKind>(activity: Activity, kind: K): activity is ActivityOf<K> {
  return activity.kind === kind;
}

export function requireKind<K extends ActivityKind>(
  activity: Activity,
  kind: K,
): { activity: ActivityOf<K>; config: ActivityOf<K>["config"] } {
  if (!isKind(activity, kind)) refuse("bad_request", `"${activity.title}" is not a ${kind} activity`);
  return { activity, config: configOfKind(activity) };
}

/**
 * The config of an activity known to be of `kind`. It was parsed for its kind, with its
 * defaults, when the activity was written (activity.add/update, room creation), so it is
 * read as it is; asking for the wrong kind is a bug in the caller.
 */
export function configOf<K extends ActivityKind>(activity: Activity, kind: K): ActivityOf<K>["config"] {
  if (!isKind(activity, kind)) refuse("internal", `"${activity.title}" is not a ${kind} activity`);
  return configOfKind(activity);
}

/**
 * TypeScript does not carry a generic kind through the union's `config` (it widens to every
 * kind's config); the type guard before each call has checked the kind.
 */
function configOfKind<K extends ActivityKind>(activity: ActivityOf<K>): ActivityOf<K>["config"] {
  return activity.config as ActivityOf<K>["config"];
}

/**
 * Participants add and change things only while the activity is open and the room
 * unlocked; facilitators may act at any phase (moderating, transcribing paper).
 */
export function requireInputOpen(s: Scope, activity: Activity): void {
  requireWorkshopNotClosed(s);
  // tables (#13): a table host moderates and transcribes like a facilitator, for its own table only.
  if (isFacilitator(s) || s.actor.role === "host") return;
  if (activity.status === "closed") refuse("closed", `"${activity.title}" is closed`);
  if (activity.status !== "open") refuse("locked", `"${activity.title}" is not open yet`);
  if (workshopOf(s).locked) refuse("locked", "The facilitator has paused input");
}

/** The acting participant's own entry; removed or withdrawn people may do nothing more. */
export function requireMember(s: Scope): Participant | null {
  if (s.actor.role !== "participant") return null;
  const me = s.r.participants.get(s.actor.id);
  if (me?.removed) refuse("forbidden", "You are no longer part of this workshop");
  return me ?? null;
}

/** The group a contribution counts for: the participant's current group (me.update may have changed it). */
export function groupOf(s: Scope, me: Participant | null): string {
  if (me) return me.group;
  if (s.actor.role === "facilitator") return s.actor.group || "facilitator";
  return s.actor.group;
}

export function nameOf(s: Scope, me: Participant | null): string {
  return me?.name ?? s.actor.name;
}

/** A card in the doc, or one still private in a silent round. */
export function requireCard(s: Scope, cardId: string): { card: Card; silent: boolean } {
  const card = s.r.cards.get(cardId);
  if (card) return { card, silent: false };
  const silent = s.priv.silentCard(cardId);
  if (silent) {
    // Only its author and facilitators know a silent card exists.
    if (!isFacilitator(s) && silent.authorId !== s.actor.id) refuse("not_found", `No card ${cardId}`);
    return { card: silent, silent: true };
  }
  refuse("not_found", `No card ${cardId}`);
}

/** A card everyone can see and react to (supports, comments, links, merges). */
export function requireVisibleCard(s: Scope, cardId: string): Card {
  const card = s.r.cards.get(cardId);
  if (!card) refuse("not_found", `No card ${cardId}`);
  if (card.hidden) refuse("not_found", `Card ${cardId} has been hidden`);
  return card;
}

export function requireOwnCard(s: Scope, card: Card): void {
  if (isFacilitator(s)) return;
  if (card.authorId !== s.actor.id) refuse("forbidden", "You can only change your own cards");
  if (card.hidden) refuse("forbidden", "A facilitator has hidden this card");
}

/** Community-first round: until opened to all, only the first groups contribute. */
export function requireFirstGroup(s: Scope, activity: Activity, firstGroups: readonly string[], group: string): void {
  if (isFacilitator(s) || activity.stage === "all") return;
  if (!firstGroups.includes(group))
    refuse("forbidden", `"${activity.title}" is open to ${firstGroups.join(", ")} first; your turn comes next`);
}

/**
 * Closed activities out of the live doc (docs/performance.md). When a map closes, its cards,
 * their comments and links leave the shared Y.Doc for the room's own storage, exactly as they
 * were, and come back, the same entries, when it reopens. The doc keeps one small entry per
 * archived activity in its `archived` map, so a client knows there is more to fetch
 * (`GET /api/workshops/:id/activities/:activityId/archive`) and when it changed (`rev`).
 */
import * as v from "valibot";
import type { Card, Comment, Link } from "./doc";

/** The doc maps whose entries belong to a map activity and leave the doc with it. */
export const ARCHIVED_ROOTS = ["cards", "comments", "links"] as const;
export type ArchivedRoot = (typeof ARCHIVED_ROOTS)[number];

/** The doc's `archived` map: activity id → what its archive holds. */
export interface ArchivedEntry {
  cards: number;
  comments: number;
  links: number;
  /** moves on whenever the archived entries change (moderation, a withdrawal): fetch again */
  rev: number;
}

/** An archived activity as the room stores and serves it: the doc entries, exactly as they were. */
export interface ArchivedActivity {
  activityId: string;
  cards: Record<string, Card>;
  comments: Record<string, Comment>;
  links: Record<string, Link>;
}

/**
 * What a command handler uses of a root map: the part of Y.Map's interface it needs, so the
 * room can put an activity's archive behind the doc's cards, comments and links.
 */
export interface EntryMap<T> {
  get(key: string): T | undefined;
  has(key: string): boolean;
  set(key: string, value: T): unknown;
  delete(key: string): void;
  values(): IterableIterator<T>;
}

/**
 * An entry as a client checks it: an object with its id. The values are the room's own doc
 * values, which clients take unchecked from the live doc too.
 */
const entries = <T extends { id: string }>() =>
  v.record(
    v.string(),
    v.custom<T>((x) => typeof x === "object" && x !== null && typeof (x as { id?: unknown }).id === "string"),
  );

/** The archive route's answer, as a client checks it. */
export const ArchivedActivitySchema = v.strictObject({
  activityId: v.string(),
  cards: entries<Card>(),
  comments: entries<Comment>(),
  links: entries<Link>(),
});

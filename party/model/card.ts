/**
 * A card, once: the shape the doc holds, the room keeps privately (silent maps), the
 * outbox mirrors to D1, reports read back and the web shows. Every other card type in
 * the code is derived from this one (`Pick`, `Omit`), so a new field is added here.
 */
import * as v from "valibot";

/** Where a card brought to the plenary by `cards.harvest` came from (tables, docs/tables.md). */
export const CardOriginSchema = v.object({
  /** the table map it was harvested from */
  activityId: v.string(),
  /** the card at the table */
  cardId: v.string(),
  /** the table it was raised at ("" when the source map was for the whole room) */
  table: v.string(),
  /** the stakeholder group it was credited to */
  group: v.string(),
  /** how many people supported it at the table when it was harvested */
  supports: v.number(),
  /** cards merged into it at the table */
  mergedFrom: v.array(v.string()),
});
export type CardOrigin = v.InferOutput<typeof CardOriginSchema>;

export const CardSchema = v.object({
  id: v.string(),
  activityId: v.string(),
  lane: v.string(),
  kind: v.string(),
  text: v.string(),
  authorId: v.string(),
  /** shown only where the workshop shows names; otherwise the pseudonym */
  authorName: v.string(),
  group: v.string(),
  createdAt: v.number(),
  editedAt: v.optional(v.number()),
  hidden: v.boolean(),
  hiddenReason: v.optional(v.string()),
  /** participant ids who support the card */
  supports: v.array(v.string()),
  x: v.optional(v.number()),
  y: v.optional(v.number()),
  /** ids of cards merged into this one */
  mergedFrom: v.optional(v.array(v.string())),
  /** credited to a group by a facilitator transcribing paper */
  transcribed: v.optional(v.boolean()),
  /** a map with reviewCards: held off the projector until a facilitator approves it */
  awaitingReview: v.optional(v.boolean()),
  /** tables (#13): the table it was raised at, on a map with `at: "tables"` */
  table: v.optional(v.string()),
  /** tables (#13): brought to this plenary map by `cards.harvest` from a table's card */
  origin: v.optional(CardOriginSchema),
  /** everyone counts (#14): where it came from when not a phone (absent = phone) */
  source: v.optional(v.picklist(["paper", "kiosk"])),
});
export type Card = v.InferOutput<typeof CardSchema>;

/**
 * A card as the session report shows it afterwards (worker/report/maps.ts, read by the
 * evaluator page): the card's own fields, its supports counted (never who), and its author
 * and comments as saved (authors are pseudonyms, null for cards transcribed for a group).
 */
export type ReportCard = Pick<Card, "id" | "lane" | "kind" | "text" | "group" | "createdAt" | "table" | "origin"> & {
  author: string | null;
  supports: number;
  mergedInto: string | null;
  comments: { text: string; group: string; author: string | null; createdAt: number }[];
};

/** Service maps as saved: visible cards with their comments and links; hidden cards counted, never shown. */

import type { ReportCard } from "../../party/model/card";
import type { MapConfig } from "../../party/model/commands";
import type { CardOrigin } from "../../party/model/tables";
import type { CardRow, CommentRow, LinkRow } from "../db/outputs";
import type { ParticipantRow } from "../db/participants";
import { originOf } from "./tables";

/** The report's card: one shape, defined with the card itself (party/model/card.ts). */
export type MapCardReport = ReportCard;

export interface MapReport {
  prompt: string;
  lanes: { id: string; label: string }[];
  kinds: { id: string; label: string; color: string }[];
  cards: MapCardReport[];
  hiddenCount: number;
  /** visible cards per author group: counts only */
  cardsByGroup: Record<string, number>;
  links: { id: string; from: string; to: string; label: string }[];
}

function placeOf(c: CardRow): { origin?: CardOrigin } {
  const origin = originOf(c);
  return origin ? { origin } : {};
}

export function mapReport(
  config: MapConfig,
  cards: readonly CardRow[],
  comments: readonly CommentRow[],
  links: readonly LinkRow[],
  people: ReadonlyMap<string, ParticipantRow>,
): MapReport {
  const visible = cards.filter((c) => c.hidden === 0);
  const visibleIds = new Set(visible.map((c) => c.id));
  const nameOf = (id: string) => people.get(id)?.name ?? null;
  const cardsByGroup: Record<string, number> = {};
  for (const c of visible) cardsByGroup[c.group_id] = (cardsByGroup[c.group_id] ?? 0) + 1;
  return {
    prompt: config.prompt,
    lanes: config.lanes.map((l) => ({ id: l.id, label: l.label })),
    kinds: config.kinds.map((k) => ({ id: k.id, label: k.label, color: k.color })),
    cards: visible.map((c) => ({
      id: c.id,
      lane: c.lane,
      kind: c.kind,
      text: c.text,
      group: c.group_id,
      author: nameOf(c.author_id),
      supports: c.supports,
      createdAt: c.created_at,
      mergedInto: c.merged_into,
      ...(c.table_id ? { table: c.table_id } : {}),
      ...placeOf(c),
      comments: comments
        .filter((m) => m.card_id === c.id)
        .map((m) => ({ text: m.text, group: m.group_id, author: nameOf(m.author_id), createdAt: m.created_at })),
    })),
    hiddenCount: cards.length - visible.length,
    cardsByGroup,
    // A link to or from a hidden card would reveal that the hidden card existed where it did.
    links: links
      .filter((l) => visibleIds.has(l.from_card) && visibleIds.has(l.to_card))
      .map((l) => ({ id: l.id, from: l.from_card, to: l.to_card, label: l.label })),
  };
}

/**
 * Tables (#13) in the report: a section per table (who sat there by group, the
 * cards raised there, which went on to the plenary, and the table's balance of
 * voice), read from the saved outputs. Pseudonyms never appear here: tables are
 * small, so a section names groups and counts only.
 */
import type { Table } from "../../party/model/commands";
import { balanceByTable, type CardOrigin, CardOriginSchema, type TableVoice } from "../../party/model/tables";
import type { CardRow, CommentRow } from "../db/outputs";
import type { ParticipantRow } from "../db/participants";
import { savedContributions } from "./contributions";
import { parseColumn } from "./parse";

export function originOf(card: CardRow): CardOrigin | null {
  return card.origin ? parseColumn(CardOriginSchema, card.origin, `card ${card.id} origin`) : null;
}

export interface TableSection {
  id: string;
  label: string;
  /** people seated there when the workshop ended (removed and withdrawn people left out) */
  people: number;
  peopleByGroup: Record<string, number>;
  cards: {
    id: string;
    activityId: string;
    activityTitle: string;
    lane: string;
    kind: string;
    text: string;
    group: string;
    supports: number;
    /** transcribed from paper by a host or facilitator */
    transcribed: boolean;
    /** ids of the plenary cards it was harvested into */
    harvestedInto: string[];
  }[];
  hiddenCount: number;
  voice: TableVoice["voice"];
  dominatedBy: string[];
}

export function tableSections(
  tables: readonly Table[],
  groups: readonly { id: string; label: string }[],
  participants: readonly ParticipantRow[],
  cards: readonly CardRow[],
  comments: readonly CommentRow[],
  titles: ReadonlyMap<string, string>,
): TableSection[] {
  if (tables.length === 0) return [];
  const saved = savedContributions(participants, cards, comments);
  const { present } = saved;
  const people = new Set(participants.map((p) => p.id));
  const seats = new Map(present.flatMap((p) => (p.table_id ? [[p.id, p.table_id] as const] : [])));
  const harvestedInto = new Map<string, string[]>();
  for (const card of cards) {
    const origin = originOf(card);
    if (origin) harvestedInto.set(origin.cardId, [...(harvestedInto.get(origin.cardId) ?? []), card.id]);
  }
  const voices = balanceByTable(tables, {
    groups,
    participants: saved.participants,
    present: present.map((p) => p.id),
    cards: saved.cards,
    comments: saved.comments,
    seats,
  });
  return tables.map((table, i) => {
    const seated = present.filter((p) => p.table_id === table.id);
    const peopleByGroup: Record<string, number> = {};
    for (const p of seated) peopleByGroup[p.group_id] = (peopleByGroup[p.group_id] ?? 0) + 1;
    const here = cards.filter((c) => c.table_id === table.id);
    const visible = here.filter((c) => c.hidden === 0);
    const voice = voices[i] as TableVoice;
    return {
      id: table.id,
      label: table.label,
      people: seated.length,
      peopleByGroup,
      cards: visible.map((c) => ({
        id: c.id,
        activityId: c.activity_id,
        activityTitle: titles.get(c.activity_id) ?? "",
        lane: c.lane,
        kind: c.kind,
        text: c.text,
        group: c.group_id,
        supports: c.supports,
        transcribed: !people.has(c.author_id),
        harvestedInto: harvestedInto.get(c.id) ?? [],
      })),
      hiddenCount: here.length - visible.length,
      voice: voice.voice,
      dominatedBy: voice.dominatedBy,
    };
  });
}

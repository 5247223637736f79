/**
 * Tables (#13) as the console reads them from the live doc: which maps are at
 * tables, a table's cards, the live counts per table and each table's balance of voice.
 */

import type { MapConfig, Table } from "../../../../party/model/commands";
import { type Activity, type Card, type Comment, configOf, type Participant } from "../../../../party/model/doc";
import { balanceByTable, type TableVoice } from "../../../../party/model/tables";

export function mapConfigOf(activity: Activity | null | undefined): MapConfig | null {
  return configOf(activity, "map");
}

export function isAtTables(activity: Activity | null | undefined): boolean {
  return mapConfigOf(activity)?.at === "tables";
}

export function tableLabel(tables: readonly Table[] | undefined, id: string | null | undefined): string {
  if (!id) return "";
  return tables?.find((t) => t.id === id)?.label ?? id;
}

export function cardsAtTable(cards: readonly Card[], table: string): Card[] {
  return cards.filter((c) => c.table === table);
}

export interface TableCount {
  table: Table;
  people: number;
  online: number;
  cards: number;
}

/** People seated, online and visible cards per table (for the maps given). */
export function tableCounts(
  tables: readonly Table[],
  participants: readonly Participant[],
  online: ReadonlySet<string>,
  cards: readonly Card[],
): TableCount[] {
  return tables.map((table) => {
    const seated = participants.filter((p) => !p.removed && p.table === table.id);
    return {
      table,
      people: seated.length,
      online: seated.filter((p) => online.has(p.id)).length,
      cards: cards.filter((c) => c.table === table.id && !c.hidden).length,
    };
  });
}

/** Each table's balance of voice now, from the doc's entries (people present = online). */
export function liveTableVoice(
  tables: readonly Table[],
  groups: readonly { id: string; label: string }[],
  participants: readonly Participant[],
  online: ReadonlySet<string>,
  cards: readonly Card[],
  comments: readonly Comment[],
): TableVoice[] {
  const seats = new Map(participants.flatMap((p) => (p.table ? [[p.id, p.table] as const] : [])));
  const counted = cards.filter((c) => c.table && (!c.hidden || c.hiddenReason === "merged"));
  return balanceByTable(tables, {
    groups,
    participants,
    present: [...online],
    cards: counted,
    comments,
    seats,
  });
}

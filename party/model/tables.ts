/**
 * Tables: a workshop of 20 to 200 people works round tables of six to ten, each
 * with a host, then brings the tables' best ideas back to the plenary. This module
 * holds the shapes shared by the room, the Worker and the web app (docs/tables.md).
 */
import * as v from "valibot";
import { Id, MAX_TABLES, type Table, TableList } from "./commands";
import { type BalanceOfVoice, balanceOfVoice, type VoiceInput } from "./voice";

export { MAX_TABLES, Table, TableList } from "./commands";

/** At workshop creation: how many tables (named "Table 1"…), or the tables themselves. */
export const TablesInput = v.union([v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_TABLES)), TableList]);
export type TablesInput = v.InferInput<typeof TablesInput>;

/** A count becomes t1…tn labelled "Table 1"…; a list is kept as given. */
export function tablesFrom(input: number | readonly Table[] | undefined): Table[] {
  if (input === undefined) return [];
  if (typeof input === "number")
    return Array.from({ length: input }, (_, i) => ({ id: `t${i + 1}`, label: `Table ${i + 1}` }));
  return input.map((t) => ({ id: t.id, label: t.label }));
}

export type { CardOrigin } from "./card";

/** Voters, cards or people with no table are counted together under this key. */
export const NO_TABLE = "other";

/** A saved origin (D1 `cards.origin`), read back with a schema, never a cast. */
export const CardOriginSchema = v.object({
  activityId: Id,
  cardId: Id,
  table: v.union([v.literal(""), Id]),
  group: v.string(),
  supports: v.pipe(v.number(), v.integer(), v.minValue(0)),
  mergedFrom: v.array(Id),
});

/**
 * "Dominated" (documented rule, docs/tables.md): at a table with at least 10
 * contributions, a group whose share of the table's contributions is at least half
 * and at least 1.5 × its share of the people at the table.
 */
export const DOMINATED = { minShare: 0.5, ratio: 1.5, minContributions: 10 } as const;

export interface TableVoice {
  table: string;
  label: string;
  voice: BalanceOfVoice;
  /** groups that dominated this table's contributions (see DOMINATED) */
  dominatedBy: string[];
}

/** The voice figures with what places them at a table. */
export interface TableVoiceInput extends Omit<VoiceInput, "ballotsByGroup" | "cards" | "comments"> {
  cards: readonly (VoiceInput["cards"][number] & { id: string; table?: string | undefined })[];
  comments: readonly (VoiceInput["comments"][number] & { cardId: string })[];
  /** participant id → the table they sit at */
  seats: ReadonlyMap<string, string>;
}

/**
 * Balance of voice table by table: the people seated there against the cards
 * raised there and the supports and comments on them. Ballots are not counted here
 * (a vote is the whole room's), so a table's figures are its conversation.
 */
export function balanceByTable(tables: readonly Table[], input: TableVoiceInput): TableVoice[] {
  return tables.map((table) => {
    const cards = input.cards.filter((c) => c.table === table.id);
    const cardIds = new Set(cards.map((c) => c.id));
    const voice = balanceOfVoice({
      groups: input.groups,
      participants: input.participants,
      present: input.present.filter((id) => input.seats.get(id) === table.id),
      cards,
      comments: input.comments.filter((m) => cardIds.has(m.cardId)),
      ballotsByGroup: {},
    });
    const dominatedBy =
      voice.totals.contributions < DOMINATED.minContributions
        ? []
        : voice.groups
            .filter(
              (g) =>
                g.contributionShare >= DOMINATED.minShare && g.contributionShare >= DOMINATED.ratio * g.presentShare,
            )
            .map((g) => g.group);
    return { table: table.id, label: table.label, voice, dominatedBy };
  });
}

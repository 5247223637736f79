/**
 * Tables: a workshop of 20 to 200 people works round tables of six to ten, each
 * with a host, then brings the tables' best ideas back to the plenary. This module
 * holds the shapes shared by the room, the Worker and the web app (docs/tables.md).
 */
import * as v from "valibot";
import { MAX_TABLES, type Table, TableList } from "./commands";

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

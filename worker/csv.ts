/**
 * CSV for spreadsheets, with cells that a spreadsheet would run as a formula
 * (starting with =, +, -, @, or a tab/carriage return) neutralised by a leading '.
 * Only text people wrote is neutralised: ids and codes (columns ending in `_id`
 * and the other id columns below) are the room's own, made of [A-Za-z0-9_-], and a
 * leading quote would stop them joining across exports (issue #19).
 */
import Papa from "papaparse";

export type Cell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(cell: Cell): Cell {
  return typeof cell === "string" && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

const ID_COLUMNS = new Set([
  "respondent",
  "merged_into",
  "lane",
  "kind",
  "group",
  "table",
  "origin_table",
  "origin_group",
  "source",
  "language",
]);

/** Columns that hold ids the room made, never free text. */
export function isIdColumn(column: string): boolean {
  return column.endsWith("_id") || ID_COLUMNS.has(column);
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, Cell>[]): string {
  const data = rows.map((row) => columns.map((c) => (isIdColumn(c) ? (row[c] ?? null) : neutralise(row[c] ?? null))));
  // Negative numbers are data, not formulas; only strings are neutralised (above), so papaparse's own escaping stays off.
  return Papa.unparse({ fields: [...columns], data }, { quotes: false, escapeFormulae: false, newline: "\r\n" });
}

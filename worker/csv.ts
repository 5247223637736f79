/**
 * CSV for spreadsheets, with cells that a spreadsheet would run as a formula
 * (starting with =, +, -, @, or a tab/carriage return) neutralised by a leading '.
 */
import Papa from "papaparse";

export type Cell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(cell: Cell): Cell {
  return typeof cell === "string" && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, Cell>[]): string {
  const data = rows.map((row) => columns.map((c) => neutralise(row[c] ?? null)));
  // Negative numbers are data, not formulas; only strings are neutralised (above), so papaparse's own escaping stays off.
  return Papa.unparse({ fields: [...columns], data }, { quotes: false, escapeFormulae: false, newline: "\r\n" });
}

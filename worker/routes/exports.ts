/**
 * `GET /api/workshops/:id/export?format=csv|json&table=…`: saved outputs for
 * evaluators and facilitators, as a download. Participants and screens: 403.
 */
import { Hono } from "hono";
import * as v from "valibot";
import { type AppEnv, authenticated, requireAccess } from "../auth";
import { toCsv } from "../csv";
import { EXPORT_TABLES, exportTable } from "../exportTables";
import { parseOrThrow } from "../validate";
import { workshopOr404 } from "./found";

const ExportQuery = v.strictObject({
  format: v.optional(v.picklist(["csv", "json"]), "csv"),
  table: v.picklist(EXPORT_TABLES),
});

export const exportRoutes = new Hono<AppEnv>().get("/:id/export", authenticated, async (c) => {
  const workshop = await workshopOr404(c.env.DB, c.req.param("id"));
  requireAccess(c.var.auth, workshop, ["evaluator", "facilitator"]);
  const query = parseOrThrow(ExportQuery, { format: c.req.query("format"), table: c.req.query("table") });
  const data = await exportTable(c.env.DB, workshop.id, query.table);
  const filename = `coproduce-${workshop.id}-${query.table}.${query.format}`;
  c.header("Content-Disposition", `attachment; filename="${filename}"`);
  c.header("Cache-Control", "no-store");
  if (query.format === "json") return c.json({ workshopId: workshop.id, table: query.table, rows: data.rows });
  // The byte-order mark makes spreadsheet programs read the file as UTF-8 (names and text in any script).
  return c.body(`\uFEFF${toCsv(data.columns, data.rows)}`, 200, { "Content-Type": "text/csv; charset=utf-8" });
});

/** `GET /api/workshops/:id/report`: the evaluator's summary (evaluators, facilitators, programme evaluators). */
import { Hono } from "hono";
import { type AppEnv, authenticated, requireAccess } from "../auth";
import { findWorkshop } from "../db/workshops";
import { notFound } from "../errors";
import { workshopReport } from "../report/workshop";

export const reports = new Hono<AppEnv>().get("/:id/report", authenticated, async (c) => {
  const workshop = await findWorkshop(c.env.DB, c.req.param("id"));
  if (!workshop) throw notFound("No such workshop.");
  requireAccess(c.var.auth, workshop, ["evaluator", "facilitator"]);
  c.header("Cache-Control", "no-store");
  return c.json(await workshopReport(c.env.DB, workshop));
});

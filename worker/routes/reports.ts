/** `GET /api/workshops/:id/report`: the evaluator's summary (evaluators, facilitators, programme evaluators). */
import { Hono } from "hono";
import { type AppEnv, authenticated, requireAccess } from "../auth";
import { workshopReport } from "../report/workshop";
import { workshopOr404 } from "./found";

export const reports = new Hono<AppEnv>().get("/:id/report", authenticated, async (c) => {
  const workshop = await workshopOr404(c.env.DB, c.req.param("id"));
  requireAccess(c.var.auth, workshop, ["evaluator", "facilitator"]);
  c.header("Cache-Control", "no-store");
  return c.json(await workshopReport(c.env.DB, workshop));
});

/**
 * The public follow-up of a workshop, by its join code (which keeps working for this
 * after the close): `GET /api/followup/:code` (JSON) and `GET /f/:code/feed.xml` (Atom).
 * No token: everything here is public, so it carries no names and no participant ids.
 * Wrong codes count against the caller's address, as on the join page.
 */
import { type Context, Hono } from "hono";
import type { AppEnv } from "../auth";
import { atomFeed, feedLanguage } from "../commitments/atom";
import { commitmentsWithOutcomes } from "../commitments/outcomes";
import { followUp } from "../commitments/views";
import { publicOrigin } from "../links";
import { workshopForCode } from "./join";

async function followUpFor(c: Context<AppEnv>) {
  const db = c.env.DB;
  const w = await workshopForCode(c, db, c.req.param("code") ?? "");
  const { data, outcomes } = await commitmentsWithOutcomes(db, w.id);
  return { w, view: followUp(w, data, outcomes, Date.now()) };
}

/** Short public caching: updates show within a minute, and a busy page does not hammer D1. */
const CACHE = "public, max-age=60";

export const followupApi = new Hono<AppEnv>().get("/:code", async (c) => {
  const { view } = await followUpFor(c);
  c.header("Cache-Control", CACHE);
  return c.json(view);
});

export const followupFeed = new Hono<AppEnv>().get("/:code/feed.xml", async (c) => {
  const { w, view } = await followUpFor(c);
  const xml = atomFeed(view, {
    origin: publicOrigin(c.env, c.req.url),
    code: w.join_code,
    language: feedLanguage(c.req.query("lang"), w.language),
  });
  return c.body(xml, 200, { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": CACHE });
});

/**
 * `GET /api/partner` (a partner link): the organisation it speaks for and that
 * organisation's commitments, in its workshop or in every workshop of its programme,
 * each with the public follow-up link. Only partner tokens; others get 403.
 */
import { Hono } from "hono";
import { organisationKey } from "../../party/model/commitments";
import { type AppEnv, authenticated } from "../auth";
import { commitmentsWithOutcomes } from "../commitments/outcomes";
import { commitmentViews } from "../commitments/views";
import { findWorkshop, listWorkshops, type WorkshopRow } from "../db/workshops";
import { forbidden } from "../errors";
import { followUpLink, publicOrigin } from "../links";

export const partner = new Hono<AppEnv>().get("/", authenticated, async (c) => {
  const auth = c.var.auth;
  if (auth.kind !== "token" || auth.token.role !== "partner") throw forbidden("Only a partner link may do that.");
  const db = c.env.DB;
  const token = auth.token;
  const organisation = token.organisation ?? "";
  const key = organisationKey(organisation);
  let workshops: WorkshopRow[] = [];
  if (token.workshop_id) {
    const w = await findWorkshop(db, token.workshop_id);
    workshops = w ? [w] : [];
  } else if (token.programme_id) {
    workshops = await listWorkshops(db, token.programme_id);
  }
  const origin = publicOrigin(c.env, c.req.url);
  const now = Date.now();
  const sections = await Promise.all(
    workshops.map(async (w) => {
      const { data, outcomes } = await commitmentsWithOutcomes(db, w.id);
      const own = commitmentViews(data, outcomes, now).filter((v) => organisationKey(v.owner.organisation) === key);
      return {
        id: w.id,
        title: w.title,
        status: w.status,
        scheduledFor: w.scheduled_for,
        followUp: followUpLink(origin, w.join_code),
        commitments: own,
      };
    }),
  );
  c.header("Cache-Control", "no-store");
  return c.json({ organisation, scope: token.workshop_id ? "workshop" : "programme", workshops: sections });
});

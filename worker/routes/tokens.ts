/**
 * `DELETE /api/tokens/:tokenId`: revoke a link (organiser, or a facilitator of the token's workshop).
 * Every route refuses it from the next request (tokens are looked up on each one); live sockets
 * close here, in its workshop or, for a programme-wide link, in every workshop of the programme.
 */
import { Hono } from "hono";
import { type AppEnv, authenticated, requireAccess } from "../auth";
import { findTokenById, revokeToken } from "../db/tokens";
import { findWorkshop, listWorkshops } from "../db/workshops";
import { forbidden, notFound } from "../errors";
import { closeRevokedSessions } from "../room";

export const tokens = new Hono<AppEnv>().delete("/:tokenId", authenticated, async (c) => {
  const auth = c.var.auth;
  const target = await findTokenById(c.env.DB, c.req.param("tokenId"));
  if (!target) throw notFound("No such token.");
  if (auth.kind !== "organiser") {
    const workshop = target.workshop_id ? await findWorkshop(c.env.DB, target.workshop_id) : null;
    if (!workshop) throw forbidden();
    requireAccess(auth, workshop, ["facilitator"]);
  }
  await revokeToken(c.env.DB, target.id, Date.now());
  // A revoked link loses its live session too, not only its next ticket (safety #12).
  // The room knows a participant by their participant id, everyone else by the token id.
  if (target.workshop_id) {
    await closeRevokedSessions(c.env, target.workshop_id, target.participant_id ?? target.id);
  } else if (target.programme_id) {
    // A programme-wide link may be watching any workshop of its programme, live (safety #12).
    const rooms = await listWorkshops(c.env.DB, target.programme_id);
    await Promise.all(rooms.map((w) => closeRevokedSessions(c.env, w.id, target.id)));
  }
  return c.json({ revoked: true as const, id: target.id });
});

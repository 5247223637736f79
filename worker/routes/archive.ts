/**
 * `GET /api/workshops/:id/activities/:activityId/archive`: a closed activity's cards, comments
 * and links, exactly as they were in the live doc before it closed (docs/performance.md). Any
 * link that may open the live room may read them: they are what everyone in the room saw.
 */
import { Hono } from "hono";
import * as v from "valibot";
import { Id } from "../../party/model/commands";
import { type AppEnv, authenticated, ROOM_ROLES, requireAccess } from "../auth";
import { badRequest, forbidden, notFound } from "../errors";
import { roomArchive } from "../room";
import { workshopOr404 } from "./found";

export const archive = new Hono<AppEnv>().get("/:id/activities/:activityId/archive", authenticated, async (c) => {
  const ids = v.safeParse(v.strictObject({ id: Id, activityId: Id }), c.req.param());
  if (!ids.success) throw badRequest("No such workshop or activity id.");
  const workshop = await workshopOr404(c.env.DB, ids.output.id);
  const auth = c.var.auth;
  requireAccess(auth, workshop, ROOM_ROLES);
  const participantId = auth.kind === "token" && auth.token.role === "participant" ? auth.token.participant_id : null;
  if (auth.kind === "token" && auth.token.role === "participant" && !participantId) throw forbidden();
  const role = auth.kind === "organiser" ? "organiser" : auth.token.role;
  const archived = await roomArchive(c.env, workshop.id, ids.output.activityId, { role, participantId });
  if (archived === "departed") throw forbidden("You are no longer part of this workshop.");
  if (!archived) throw notFound("This activity has nothing archived (it is open, or held no cards).");
  // Private to the link that asked; a client asks again when the doc's `archived` entry moves on.
  c.header("Cache-Control", "private, no-store");
  return c.json(archived);
});

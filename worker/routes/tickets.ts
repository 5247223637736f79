/** `POST /api/tickets`: trade a long-lived token for a 60-second, single-use WebSocket ticket. */
import { Hono } from "hono";
import * as v from "valibot";
import { Id } from "../../party/model/commands";
import { type AppEnv, authenticated, ROOM_ROLES } from "../auth";
import { badRequest, forbidden } from "../errors";
import { mintTicket } from "../mint";
import { countTicket } from "../rateLimit";
import { readBody } from "../validate";
import { workshopOr404 } from "./found";

const TicketRequest = v.strictObject({ workshopId: v.optional(Id) });

export const tickets = new Hono<AppEnv>().post("/", authenticated, async (c) => {
  const auth = c.var.auth;
  if (auth.kind !== "token") throw forbidden("Tickets are for workshop tokens, not the organiser secret.");
  const { token, tokenHash } = auth;
  // Co-delivery (#15): partners post updates over HTTP; they never enter a live room (ROOM_ROLES).
  if (!ROOM_ROLES.includes(token.role)) throw forbidden("Partner links do not open the live room.");
  const body = await readBody(c, TicketRequest);

  // Programme-wide evaluator tokens name the workshop they want to watch.
  let workshopId = token.workshop_id;
  if (workshopId === null) {
    if (!body.workshopId) throw badRequest("workshopId is required for a programme token.");
    const workshop = await workshopOr404(c.env.DB, body.workshopId);
    if (!token.programme_id || workshop.programme_id !== token.programme_id) throw forbidden();
    workshopId = workshop.id;
  } else if (body.workshopId && body.workshopId !== workshopId) {
    throw forbidden("This token belongs to another workshop.");
  }

  await countTicket(c.env.DB, tokenHash, Date.now());
  const { ticket, expiresAt, statement } = await mintTicket(c.env.DB, { tokenHash, workshopId, now: Date.now() });
  await statement.run();
  return c.json({ ticket, workshopId, role: token.role, expiresAt });
});

/**
 * The WebSocket handoff: `/parties/workshop-room/:id?ticket=…`. The ticket is
 * consumed here (single use), the actor is established from the token it was
 * minted for, and the upgrade goes to the room with the actor in a header the
 * client cannot forge (any client copy is replaced).
 */
import { routePartykitRequest } from "partyserver";
import { DEFLATE_PARAM, syncStep1FromParam } from "../party/model/frames";
import { ACTOR_HEADER, ROOM_PARTY } from "../party/model/protocol";
import { actorForToken, encodeActorHeader } from "./actor";
import { sha256Hex } from "./crypto";
import { consumeTicket } from "./db/tickets";
import { findActiveToken } from "./db/tokens";
import { findWorkshop } from "./db/workshops";
import type { Env } from "./env";
import { errorResponse } from "./errors";

const ROOM_PATH = new RegExp(`^/parties/${ROOM_PARTY}/([A-Za-z0-9_-]{1,64})$`);

export async function handlePartyRequest(request: Request, env: Env): Promise<Response> {
  const url = new URL(request.url);
  const match = ROOM_PATH.exec(url.pathname);
  if (!match) return errorResponse(404, "not_found", "No such room.");
  if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
    return errorResponse(426, "bad_request", "This address only accepts WebSocket connections.");
  }
  const workshopId = match[1]!;
  const ticket = url.searchParams.get("ticket");
  if (!ticket || ticket.length > 128) return errorResponse(401, "unauthorised", "A ticket is required.");

  const consumed = await consumeTicket(env.DB, await sha256Hex(ticket), Date.now());
  if (!consumed) return errorResponse(401, "unauthorised", "The ticket is unknown, used or expired.");
  if (consumed.workshop_id !== workshopId) {
    return errorResponse(403, "forbidden", "The ticket is for another workshop.");
  }
  const token = await findActiveToken(env.DB, consumed.token_hash);
  if (!token) return errorResponse(401, "unauthorised", "The token behind this ticket was revoked.");
  if (token.role === "participant" && (await findWorkshop(env.DB, workshopId))?.status === "closed") {
    // A shared phone must not reopen a closed workshop for whoever picks it up next.
    return errorResponse(403, "closed", "This workshop has closed.");
  }
  const found = await actorForToken(env.DB, token);
  if (!found.ok) return errorResponse(403, "forbidden", "You have left or were removed from this workshop.");

  // The room never sees the ticket (it is spent) and only trusts the header set here. No
  // client-chosen query survives: partyserver would take `_pk` as the connection id (and the
  // socket's first tag), letting a phone name itself after someone else. The id is ours.
  // perf (#17): the client-chosen parameters kept are the phone's state vector, if it reads as one,
  // and whether it accepts deflated frames, when it says exactly "1".
  const sv = url.searchParams.get("sv");
  const deflate = url.searchParams.get(DEFLATE_PARAM) === "1";
  url.search = "";
  url.searchParams.set("_pk", crypto.randomUUID());
  if (sv && syncStep1FromParam(sv)) url.searchParams.set("sv", sv);
  if (deflate) url.searchParams.set(DEFLATE_PARAM, "1");
  const headers = new Headers(request.headers);
  // partyserver reads x-partykit-* headers (props, room name); only it may set them, never a client.
  for (const name of [...headers.keys()]) if (name.startsWith("x-partykit-")) headers.delete(name);
  headers.set(ACTOR_HEADER, encodeActorHeader(found.actor));
  const upgrade = new Request(url, { method: request.method, headers });

  const response = await routePartykitRequest(upgrade, env as Cloudflare.Env);
  return response ?? errorResponse(404, "not_found", "No such room.");
}

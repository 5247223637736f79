/**
 * Worker entry. `/parties/*` is the WebSocket handoff to a workshop room;
 * everything else goes to the Hono app (API) or, for non-API paths that reach
 * the Worker, to the static web app. Every response gets the security headers.
 */
import { app } from "./app";
import type { Env } from "./env";
import { errorResponse } from "./errors";
import { handlePartyRequest } from "./parties";
import { runRetention } from "./retention";
import { withSecurityHeaders } from "./security";

export { WorkshopRoom } from "../party/room";
export type { AppType } from "./app";

export default {
  async fetch(request, env, ctx) {
    const { pathname } = new URL(request.url);
    try {
      const response = pathname.startsWith("/parties/")
        ? await handlePartyRequest(request, env)
        : await app.fetch(request, env, ctx);
      return withSecurityHeaders(response);
    } catch (err) {
      console.error("request failed", request.method, pathname, err instanceof Error ? err.stack : String(err));
      return withSecurityHeaders(errorResponse(500, "internal", "Something went wrong on our side."));
    }
  },

  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(runRetention(env, Date.now()));
  },
} satisfies ExportedHandler<Env>;

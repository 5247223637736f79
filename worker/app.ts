/**
 * The HTTP API: one Hono app, one sub-app per resource mounted with `route()`,
 * one error shape produced by the single `onError`.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { AppEnv } from "./auth";
import { ApiError, codeForStatus, errorBody, tooLarge } from "./errors";
import { archive } from "./routes/archive";
import { commitmentUpdates, workshopCommitments } from "./routes/commitments";
import { exportRoutes } from "./routes/exports";
import { followupApi, followupFeed } from "./routes/followup";
import { health } from "./routes/health";
import { join } from "./routes/join";
import { workshopLinks } from "./routes/links";
import { partner } from "./routes/partner";
import { programmeWorkshops } from "./routes/programme-workshops";
import { programmes } from "./routes/programmes";
import { reports } from "./routes/reports";
import { templates } from "./routes/templates";
import { tickets } from "./routes/tickets";
import { tokens } from "./routes/tokens";
import { workshops } from "./routes/workshops";

/** Every request body is bounded (docs/architecture.md, security basics: "every input bounded in size"). */
export const MAX_BODY_BYTES = 64 * 1024;

const app = new Hono<AppEnv>();

app.use(
  "/api/*",
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw tooLarge();
    },
  }),
);

const routes = app
  .route("/api/health", health)
  .route("/api/templates", templates)
  .route("/api/workshops", workshops)
  .route("/api/workshops", reports)
  .route("/api/workshops", exportRoutes)
  // session (#19): the organise page's links, shown again and renewed
  .route("/api/workshops", workshopLinks)
  // perf (#17): closed activities' entries, out of the live doc.
  .route("/api/workshops", archive)
  .route("/api/tokens", tokens)
  .route("/api/join", join)
  .route("/api/tickets", tickets)
  .route("/api/programmes", programmes)
  // session (#19): filling a programme, and its links shown again
  .route("/api/programmes", programmeWorkshops)
  // Co-delivery (#15): commitments, partner links and the public follow-up.
  .route("/api/workshops", workshopCommitments)
  .route("/api/commitments", commitmentUpdates)
  .route("/api/partner", partner)
  .route("/api/followup", followupApi)
  .route("/f", followupFeed);

app.notFound((c) => {
  if (c.req.path.startsWith("/api/")) return c.json(errorBody("not_found", "No such API endpoint."), 404);
  // Anything else that reaches the Worker is the web app's.
  return c.env.ASSETS.fetch(c.req.raw);
});

app.onError((err, c) => {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message), err.status, err.headers);
  if (err instanceof HTTPException) {
    return c.json(errorBody(codeForStatus(err.status), err.message || "Request failed."), err.status);
  }
  // Unexpected: log the error (never request headers or bodies, which may hold secrets).
  console.error("unhandled error", c.req.method, c.req.path, err instanceof Error ? err.stack : String(err));
  return c.json(errorBody("internal", "Something went wrong on our side."), 500);
});

export type AppType = typeof routes;
export { app };

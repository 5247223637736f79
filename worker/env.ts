import type { WorkshopRoom } from "../party/room";

/** Bindings and vars the Worker and the room receive (wrangler.toml, .dev.vars, secrets). */
export interface Env {
  DB: D1Database;
  WorkshopRoom: DurableObjectNamespace<WorkshopRoom>;
  ASSETS: Fetcher;
  /** Secret: bearer token of the deployment's organiser. */
  ORGANISER_TOKEN: string;
  /** Optional absolute origin for links; defaults to the request's origin. */
  PUBLIC_ORIGIN?: string;
}

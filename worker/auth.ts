/**
 * Authentication and role checks. A request carries `Authorization: Bearer <secret>`:
 * either the deployment's organiser secret (compared in constant time) or a
 * workshop token, looked up by its SHA-256 hash.
 */
import { createMiddleware } from "hono/factory";
import { secretsEqual, sha256Hex } from "./crypto";
import { findActiveToken, type TokenRole, type TokenRow, WORKSHOP_LINK_ROLES } from "./db/tokens";
import type { WorkshopRow } from "./db/workshops";
import type { Env } from "./env";
import { forbidden, unauthorised } from "./errors";

export type Auth = { kind: "organiser" } | { kind: "token"; token: TokenRow; tokenHash: string };

export type AppEnv = { Bindings: Env; Variables: { auth: Auth } };

const MAX_BEARER = 256;

function bearer(header: string | undefined): string | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match && match[1]!.length <= MAX_BEARER ? match[1]! : null;
}

/** Resolves the bearer secret to an `Auth`, or null when it is missing or unknown. */
export async function resolveAuth(env: Env, header: string | undefined): Promise<Auth | null> {
  const secret = bearer(header);
  if (!secret) return null;
  if (env.ORGANISER_TOKEN && (await secretsEqual(secret, env.ORGANISER_TOKEN))) return { kind: "organiser" };
  const tokenHash = await sha256Hex(secret);
  const token = await findActiveToken(env.DB, tokenHash);
  return token ? { kind: "token", token, tokenHash } : null;
}

/** Requires a valid organiser secret or workshop token; sets `c.var.auth`. */
export const authenticated = createMiddleware<AppEnv>(async (c, next) => {
  const auth = await resolveAuth(c.env, c.req.header("Authorization"));
  if (!auth) throw unauthorised();
  c.set("auth", auth);
  await next();
});

/** Only the organiser secret. */
export const organiserOnly = createMiddleware<AppEnv>(async (c, next) => {
  const auth = await resolveAuth(c.env, c.req.header("Authorization"));
  if (!auth) throw unauthorised("The organiser secret is required.");
  if (auth.kind !== "organiser") throw forbidden("Only the organiser may do that.");
  c.set("auth", auth);
  await next();
});

/**
 * The roles whose links open the live room and read what it holds (the workshop itself, a
 * closed activity's archive): participants and the links the organiser hands out for a
 * workshop. Named, not "every role but …": a role added later stays out until listed here.
 * Partner links never enter the room: they post over HTTP.
 */
export const ROOM_ROLES: readonly TokenRole[] = ["participant", ...WORKSHOP_LINK_ROLES];

/**
 * Whether `auth` may act on `workshop` in one of `roles`. The organiser may do
 * everything; programme-wide evaluator tokens count as evaluators of every
 * workshop in their programme.
 */
export function mayAccess(auth: Auth, workshop: Pick<WorkshopRow, "id" | "programme_id">, roles: readonly TokenRole[]) {
  if (auth.kind === "organiser") return true;
  const t = auth.token;
  if (!roles.includes(t.role)) return false;
  if (t.workshop_id === workshop.id) return true;
  return t.workshop_id === null && t.programme_id !== null && t.programme_id === workshop.programme_id;
}

export function requireAccess(
  auth: Auth,
  workshop: Pick<WorkshopRow, "id" | "programme_id">,
  roles: readonly TokenRole[],
) {
  if (!mayAccess(auth, workshop, roles)) throw forbidden();
}

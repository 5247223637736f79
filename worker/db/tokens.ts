/** Typed queries for the `tokens` table. Only SHA-256 hashes of secrets are stored. */
import type { Role } from "../../party/model/commands";

/**
 * Every role but the organiser's, who holds the deployment's secret rather than a token
 * (the roles are listed, with what each is for, in party/model/commands.ts). A host acts for
 * `table_id` only; a partner speaks for one `organisation`.
 */
export type TokenRole = Exclude<Role, "organiser">;

export interface TokenRow {
  hash: string;
  id: string;
  workshop_id: string | null;
  programme_id: string | null;
  role: TokenRole;
  participant_id: string | null;
  label: string;
  created_at: number;
  revoked_at: number | null;
  /** tables (#13): a host token's table (migration 0003) */
  table_id?: string | null;
  /** interpreter: the language they translate into (migration 0004) */
  language?: string | null;
  /** partner tokens: the organisation they speak for (migration 0005); null otherwise */
  organisation?: string | null;
}

export type NewToken = Omit<TokenRow, "revoked_at">;

export function insertToken(db: D1Database, t: NewToken): D1PreparedStatement {
  // A participant's token is written only if their row is (a full workshop inserts neither).
  const condition = t.participant_id ? " WHERE EXISTS (SELECT 1 FROM participants WHERE id = ?6)" : "";
  return db
    .prepare(
      `INSERT INTO tokens (hash, id, workshop_id, programme_id, role, participant_id, label, created_at, table_id, language,
         organisation)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11${condition}`,
    )
    .bind(
      t.hash,
      t.id,
      t.workshop_id,
      t.programme_id,
      t.role,
      t.participant_id,
      t.label,
      t.created_at,
      t.table_id ?? null,
      t.language ?? null,
      t.organisation ?? null,
    );
}

/** The token with this hash, unless it was revoked. */
export function findActiveToken(db: D1Database, hash: string): Promise<TokenRow | null> {
  return db.prepare("SELECT * FROM tokens WHERE hash = ? AND revoked_at IS NULL").bind(hash).first<TokenRow>();
}

export function findTokenById(db: D1Database, id: string): Promise<TokenRow | null> {
  return db.prepare("SELECT * FROM tokens WHERE id = ?").bind(id).first<TokenRow>();
}

/** Tokens by id, in one query (`ids` are few: one bound parameter each). */
export async function findTokensByIds(db: D1Database, ids: readonly string[]): Promise<Map<string, TokenRow>> {
  if (ids.length === 0) return new Map();
  const { results } = await db
    .prepare(`SELECT * FROM tokens WHERE id IN (${ids.map(() => "?").join(", ")})`)
    .bind(...ids)
    .all<TokenRow>();
  return new Map(results.map((row) => [row.id, row]));
}

export async function revokeToken(db: D1Database, id: string, now: number): Promise<void> {
  await db.prepare("UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").bind(now, id).run();
}

/** Public view of a workshop's tokens (never the hash). */
export async function listTokens(db: D1Database, workshopId: string) {
  const { results } = await db
    .prepare(
      "SELECT id, role, label, created_at, revoked_at, table_id, language FROM tokens WHERE workshop_id = ? AND role != 'participant' ORDER BY created_at",
    )
    .bind(workshopId)
    .all<Pick<TokenRow, "id" | "role" | "label" | "created_at" | "revoked_at" | "table_id" | "language">>();
  return results;
}

// ---- session (#19): the links the organise page shows and renews ----

/** Roles whose links the organiser hands out for a workshop (never participants' or partners'). */
export const WORKSHOP_LINK_ROLES = ["facilitator", "screen", "evaluator", "host", "kiosk", "interpreter"] as const;
export type WorkshopLinkRole = (typeof WORKSHOP_LINK_ROLES)[number];

export function isWorkshopLinkRole(role: string): role is WorkshopLinkRole {
  return (WORKSHOP_LINK_ROLES as readonly string[]).includes(role);
}

/** A workshop's live (unrevoked) links, oldest first. */
export async function activeWorkshopLinks(db: D1Database, workshopId: string): Promise<TokenRow[]> {
  const roles = WORKSHOP_LINK_ROLES.map((r) => `'${r}'`).join(", ");
  const { results } = await db
    .prepare(
      `SELECT * FROM tokens WHERE workshop_id = ? AND revoked_at IS NULL AND role IN (${roles}) ORDER BY created_at, id`,
    )
    .bind(workshopId)
    .all<TokenRow>();
  return results;
}

/** A programme's live programme-wide evaluator links, oldest first. */
export async function activeProgrammeLinks(db: D1Database, programmeId: string): Promise<TokenRow[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM tokens WHERE programme_id = ? AND workshop_id IS NULL AND role = 'evaluator' AND revoked_at IS NULL
       ORDER BY created_at, id`,
    )
    .bind(programmeId)
    .all<TokenRow>();
  return results;
}

/**
 * Replacing a link, as two statements for one batch (one transaction): the new token is
 * written only while the old one is still live, then the old one is revoked. A second
 * request to replace the same link (a double click, a replay, a race) finds it revoked
 * and writes nothing, so links never multiply.
 */
export function replaceToken(db: D1Database, oldId: string, next: NewToken, now: number): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO tokens (hash, id, workshop_id, programme_id, role, participant_id, label, created_at, table_id, language,
           organisation)
         SELECT ?1, ?2, ?3, ?4, ?5, NULL, ?6, ?7, ?8, ?9, NULL
         WHERE EXISTS (SELECT 1 FROM tokens WHERE id = ?10 AND revoked_at IS NULL)`,
      )
      .bind(
        next.hash,
        next.id,
        next.workshop_id,
        next.programme_id,
        next.role,
        next.label,
        next.created_at,
        next.table_id ?? null,
        next.language ?? null,
        oldId,
      ),
    db.prepare("UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").bind(now, oldId),
  ];
}

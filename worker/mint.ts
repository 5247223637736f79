/**
 * Minting long-lived tokens: only the secret's hash is stored. A link given `derivedFrom`
 * (the organiser secret) has a secret derived from it and the token id, so the organiser
 * can be shown it again (session #19, docs/organising.md); any other is random, shown once.
 */

import { randomId } from "../party/model/ids";
import { derivedSecret, newSecret, sha256Hex } from "./crypto";
import { insertTicket, TICKET_TTL_MS } from "./db/tickets";
import { insertToken, type NewToken, type TokenRole } from "./db/tokens";

export interface MintedToken {
  id: string;
  token: string;
  /** the secret's SHA-256, as stored (what a ticket for this token is bound to) */
  hash: string;
  statement: D1PreparedStatement;
}

export interface TokenSpec {
  role: TokenRole;
  workshopId: string | null;
  programmeId?: string | null;
  participantId?: string | null;
  label?: string;
  /** tables (#13): a host token's table */
  table?: string | null;
  /** interpreter tokens (everyone counts) */
  language?: string | null;
  /** partner tokens: the organisation they speak for */
  organisation?: string | null;
  /** session (#19): derive the secret from this key (the organiser secret) so it can be shown again */
  derivedFrom?: string;
}

/** A new token's secret and the row to store (its hash, never the secret). */
export async function newToken(spec: TokenSpec, now: number): Promise<{ id: string; token: string; row: NewToken }> {
  const id = randomId();
  const token = (await derivedSecret(spec.derivedFrom, id)) ?? newSecret();
  const row: NewToken = {
    hash: await sha256Hex(token),
    id,
    workshop_id: spec.workshopId,
    programme_id: spec.programmeId ?? null,
    role: spec.role,
    participant_id: spec.participantId ?? null,
    label: spec.label ?? "",
    created_at: now,
    table_id: spec.table ?? null,
    language: spec.language ?? null,
    organisation: spec.organisation ?? null,
  };
  return { id, token, row };
}

export async function mintToken(db: D1Database, spec: TokenSpec, now: number): Promise<MintedToken> {
  const { id, token, row } = await newToken(spec, now);
  return { id, token, hash: row.hash, statement: insertToken(db, row) };
}

export interface MintedTicket {
  /** the secret the client puts in the WebSocket address, shown once */
  ticket: string;
  expiresAt: number;
  statement: D1PreparedStatement;
}

/**
 * A new single-use room ticket for the token whose hash is `tokenHash`, valid {@link TICKET_TTL_MS}.
 * `participantId`: stored only if that participant's row is (the join's first ticket, db/tickets.ts).
 */
export async function mintTicket(
  db: D1Database,
  o: { tokenHash: string; workshopId: string; now: number; participantId?: string },
): Promise<MintedTicket> {
  const ticket = newSecret();
  const expiresAt = o.now + TICKET_TTL_MS;
  const row = { hash: await sha256Hex(ticket), tokenHash: o.tokenHash, workshopId: o.workshopId, expiresAt };
  return { ticket, expiresAt, statement: insertTicket(db, row, o.participantId) };
}

/** Minting long-lived tokens: the secret is returned once; only its hash is stored. */

import { randomId } from "../party/model/ids";
import { newSecret, sha256Hex } from "./crypto";
import { insertToken, type TokenRole } from "./db/tokens";

export interface MintedToken {
  id: string;
  token: string;
  statement: D1PreparedStatement;
}

export async function mintToken(
  db: D1Database,
  spec: {
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
  },
  now: number,
): Promise<MintedToken> {
  const token = newSecret();
  const id = randomId();
  const statement = insertToken(db, {
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
  });
  return { id, token, statement };
}

/**
 * session (#19): the links the organise page keeps for each workshop and programme. Nothing
 * but hashes is stored: a link minted with the organiser secret (`derivedFrom`, worker/mint.ts)
 * is derived again here and shown only if it hashes to the stored token. Links minted before
 * that (or under an earlier organiser secret) still work but cannot be shown: `link: null`.
 */
import { derivedSecret, sha256Hex } from "./crypto";
import { activeProgrammeLinks, activeWorkshopLinks, isWorkshopLinkRole, type TokenRow } from "./db/tokens";
import type { WorkshopRow } from "./db/workshops";
import type { Env } from "./env";
import { participantLink, programmeLink, tokenLink } from "./links";

export interface ShownLink {
  id: string;
  role: string;
  label: string;
  createdAt: number;
  table?: string;
  language?: string;
  /** null: made before links were derived; it works, but only "Make new links" can show one */
  link: string | null;
}

async function secretOf(env: Env, row: TokenRow): Promise<string | null> {
  const secret = await derivedSecret(env.ORGANISER_TOKEN, row.id);
  return secret !== null && (await sha256Hex(secret)) === row.hash ? secret : null;
}

export async function showLink(env: Env, origin: string, row: TokenRow): Promise<ShownLink> {
  const secret = await secretOf(env, row);
  let link: string | null = null;
  if (secret && row.workshop_id && isWorkshopLinkRole(row.role))
    link = tokenLink(origin, row.role, row.workshop_id, secret);
  else if (secret && row.programme_id && !row.workshop_id) link = programmeLink(origin, row.programme_id, secret);
  return {
    id: row.id,
    role: row.role,
    label: row.label,
    createdAt: row.created_at,
    ...(row.table_id ? { table: row.table_id } : {}),
    ...(row.language ? { language: row.language } : {}),
    link,
  };
}

export async function workshopLinksView(env: Env, origin: string, w: WorkshopRow) {
  const rows = await activeWorkshopLinks(env.DB, w.id);
  return {
    workshopId: w.id,
    title: w.title,
    joinCode: w.join_code,
    scheduledFor: w.scheduled_for,
    participant: participantLink(origin, w.join_code),
    links: await Promise.all(rows.map((row) => showLink(env, origin, row))),
  };
}

export async function programmeLinksView(env: Env, origin: string, programmeId: string) {
  const rows = await activeProgrammeLinks(env.DB, programmeId);
  return { programmeId, links: await Promise.all(rows.map((row) => showLink(env, origin, row))) };
}

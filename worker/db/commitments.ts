/**
 * Typed queries for co-delivery (migration 0005): commitments, what they answer
 * (sources) and their dated, append-only history (updates).
 */
import type { CommitmentStatus } from "../../party/model/commitments";
import { allRows } from "./rows";

export interface CommitmentRow {
  id: string;
  workshop_id: string;
  title: string;
  description: string;
  organisation: string;
  organisation_key: string;
  due: string | null;
  status: CommitmentStatus;
  progress: number;
  created_at: number;
  updated_at: number;
}

export interface SourceRow {
  commitment_id: string;
  workshop_id: string;
  position: number;
  activity_id: string;
  option_id: string | null;
  card_id: string | null;
  origin_groups: string;
}

export interface UpdateRow {
  id: string;
  commitment_id: string;
  workshop_id: string;
  at: number;
  kind: "created" | "update";
  status: CommitmentStatus;
  progress: number;
  note: string;
  by_role: "organiser" | "facilitator" | "partner";
  by_organisation: string | null;
  client_id: string | null;
}

export function insertCommitment(db: D1Database, c: CommitmentRow): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO commitments (id, workshop_id, title, description, organisation, organisation_key, due, status,
         progress, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      c.id,
      c.workshop_id,
      c.title,
      c.description,
      c.organisation,
      c.organisation_key,
      c.due,
      c.status,
      c.progress,
      c.created_at,
      c.updated_at,
    );
}

export function insertSource(db: D1Database, s: SourceRow): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO commitment_sources (commitment_id, workshop_id, position, activity_id, option_id, card_id, origin_groups)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(s.commitment_id, s.workshop_id, s.position, s.activity_id, s.option_id, s.card_id, s.origin_groups);
}

export function insertUpdate(db: D1Database, u: UpdateRow): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO commitment_updates (id, commitment_id, workshop_id, at, kind, status, progress, note, by_role,
         by_organisation, client_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      u.id,
      u.commitment_id,
      u.workshop_id,
      u.at,
      u.kind,
      u.status,
      u.progress,
      u.note,
      u.by_role,
      u.by_organisation,
      u.client_id,
    );
}

/** The commitment's current state follows its latest update (the history itself is never rewritten). */
export function setCurrent(
  db: D1Database,
  id: string,
  state: { status: CommitmentStatus; progress: number; at: number },
): D1PreparedStatement {
  return db
    .prepare("UPDATE commitments SET status = ?, progress = ?, updated_at = ? WHERE id = ?")
    .bind(state.status, state.progress, state.at, id);
}

export function findCommitment(db: D1Database, id: string): Promise<CommitmentRow | null> {
  return db.prepare("SELECT * FROM commitments WHERE id = ?").bind(id).first<CommitmentRow>();
}

export function findUpdateByClientId(db: D1Database, commitmentId: string, clientId: string) {
  return db
    .prepare("SELECT * FROM commitment_updates WHERE commitment_id = ? AND client_id = ?")
    .bind(commitmentId, clientId)
    .first<UpdateRow>();
}

export interface WorkshopCommitments {
  commitments: CommitmentRow[];
  sources: SourceRow[];
  updates: UpdateRow[];
}

// Everything about a workshop's commitments, in creation and history order (read with readWorkshop).
export const listCommitments = allRows<CommitmentRow>("commitments", "ORDER BY created_at, id");
export const listSources = allRows<SourceRow>("commitment_sources", "ORDER BY commitment_id, position");
export const listUpdates = allRows<UpdateRow>("commitment_updates", "ORDER BY at, rowid");

/** Commitments due before `today` (YYYY-MM-DD) and still planned or in progress, oldest due first. */
export async function listOverdue(db: D1Database, today: string) {
  const { results } = await db
    .prepare(
      `SELECT c.id, c.workshop_id AS workshopId, w.title AS workshopTitle, c.title, c.organisation, c.due, c.status,
         c.progress
       FROM commitments c JOIN workshops w ON w.id = c.workshop_id
       WHERE c.due IS NOT NULL AND c.due < ? AND c.status IN ('planned', 'in_progress')
       ORDER BY c.due, c.created_at LIMIT 200`,
    )
    .bind(today)
    .all<{
      id: string;
      workshopId: string;
      workshopTitle: string;
      title: string;
      organisation: string;
      due: string;
      status: string;
      progress: number;
    }>();
  return results;
}

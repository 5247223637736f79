/** Typed queries for the `workshops` and `programmes` tables. */
import * as v from "valibot";
import { StakeholderGroup, type Table, TableList } from "../../party/model/commands";

export type WorkshopStatus = "draft" | "live" | "closed";

export interface WorkshopRow {
  id: string;
  programme_id: string | null;
  title: string;
  purpose: string;
  template: string | null;
  join_code: string;
  stakeholder_groups: string;
  consent_text: string;
  consent_version: number;
  show_names: number;
  language: string;
  scheduled_for: string | null;
  status: WorkshopStatus;
  retention_days: number;
  /** participants this workshop takes (migration 0002) */
  max_participants: number;
  created_at: number;
  started_at: number | null;
  closed_at: number | null;
  /** tables (#13): JSON [{id,label}], kept current by the room (migration 0003) */
  tables?: string;
  /** ISO 4217 code budget votes count money in (migration 0008) */
  currency: string;
}

export type NewWorkshop = Omit<WorkshopRow, "status" | "started_at" | "closed_at" | "consent_version" | "tables">;

export function insertWorkshop(db: D1Database, w: NewWorkshop): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO workshops (id, programme_id, title, purpose, template, join_code, stakeholder_groups, consent_text,
         show_names, language, currency, scheduled_for, retention_days, max_participants, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(
      w.id,
      w.programme_id,
      w.title,
      w.purpose,
      w.template,
      w.join_code,
      w.stakeholder_groups,
      w.consent_text,
      w.show_names,
      w.language,
      w.currency,
      w.scheduled_for,
      w.retention_days,
      w.max_participants,
      w.created_at,
    );
}

export function findWorkshop(db: D1Database, id: string): Promise<WorkshopRow | null> {
  return db.prepare("SELECT * FROM workshops WHERE id = ?").bind(id).first<WorkshopRow>();
}

export function findWorkshopByJoinCode(db: D1Database, joinCode: string): Promise<WorkshopRow | null> {
  return db.prepare("SELECT * FROM workshops WHERE join_code = ?").bind(joinCode).first<WorkshopRow>();
}

export async function joinCodeTaken(db: D1Database, joinCode: string): Promise<boolean> {
  return (await db.prepare("SELECT 1 AS x FROM workshops WHERE join_code = ?").bind(joinCode).first()) !== null;
}

export async function listWorkshops(db: D1Database, programmeId?: string): Promise<WorkshopRow[]> {
  const stmt = programmeId
    ? db.prepare("SELECT * FROM workshops WHERE programme_id = ? ORDER BY created_at").bind(programmeId)
    : db.prepare("SELECT * FROM workshops ORDER BY created_at DESC LIMIT 500");
  return (await stmt.all<WorkshopRow>()).results;
}

/** Workshops whose retention period has passed. */
export async function expiredWorkshopIds(db: D1Database, now: number): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT id FROM workshops WHERE created_at + retention_days * 86400000 <= ? LIMIT 100")
    .bind(now)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}

const Groups = v.array(StakeholderGroup);

/** The stakeholder groups stored as JSON; a row written by us always parses. */
export function workshopGroups(row: WorkshopRow): StakeholderGroup[] {
  const parsed = v.safeParse(Groups, JSON.parse(row.stakeholder_groups));
  if (!parsed.success) throw new Error(`workshop ${row.id} has malformed stakeholder groups`);
  return parsed.output;
}

/** tables (#13): the workshop's tables as the room last reported them; a row written by us always parses. */
export function workshopTables(row: WorkshopRow): Table[] {
  const parsed = v.safeParse(TableList, JSON.parse(row.tables ?? "[]"));
  if (!parsed.success) throw new Error(`workshop ${row.id} has malformed tables`);
  return parsed.output;
}

/** tables (#13): written with the workshop row at creation. */
export function setWorkshopTables(db: D1Database, workshopId: string, tables: readonly Table[]): D1PreparedStatement {
  return db.prepare("UPDATE workshops SET tables = ? WHERE id = ?").bind(JSON.stringify(tables), workshopId);
}

export interface ProgrammeRow {
  id: string;
  title: string;
  created_at: number;
}

export function findProgramme(db: D1Database, id: string): Promise<ProgrammeRow | null> {
  return db.prepare("SELECT * FROM programmes WHERE id = ?").bind(id).first<ProgrammeRow>();
}

export async function listProgrammes(db: D1Database): Promise<ProgrammeRow[]> {
  return (await db.prepare("SELECT * FROM programmes ORDER BY created_at DESC LIMIT 500").all<ProgrammeRow>()).results;
}

export function insertProgramme(db: D1Database, p: ProgrammeRow): D1PreparedStatement {
  return db
    .prepare("INSERT INTO programmes (id, title, created_at) VALUES (?, ?, ?)")
    .bind(p.id, p.title, p.created_at);
}

/** session (#19): moves a workshop into a programme, or out of any (null). */
export function setWorkshopProgramme(
  db: D1Database,
  workshopId: string,
  programmeId: string | null,
): D1PreparedStatement {
  return db.prepare("UPDATE workshops SET programme_id = ? WHERE id = ?").bind(programmeId, workshopId);
}

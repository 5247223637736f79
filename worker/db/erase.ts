/** Deleting a workshop's rows from every D1 table, in one batch (one transaction). */

const TABLES_BY_WORKSHOP = [
  "tickets",
  "tokens",
  "participants",
  "activities",
  "cards",
  "comments",
  "links",
  "ballots",
  "results",
  "feedback",
  "events",
  // everyone counts (issue 14)
  "respondents",
  "attendance",
  "translations",
  // Co-delivery (#15)
  "commitments",
  "commitment_sources",
  "commitment_updates",
] as const;

export async function eraseWorkshopRows(db: D1Database, workshopId: string): Promise<void> {
  await db.batch([
    ...TABLES_BY_WORKSHOP.map((table) => db.prepare(`DELETE FROM ${table} WHERE workshop_id = ?`).bind(workshopId)),
    db.prepare("DELETE FROM rate_limits WHERE key LIKE ?").bind(`%:${workshopId}`),
    db.prepare("DELETE FROM workshops WHERE id = ?").bind(workshopId),
  ]);
}

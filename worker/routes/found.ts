/** Looking up what a route's path names, or answering the API's 404. */
import { findProgramme, findWorkshop, type ProgrammeRow, type WorkshopRow } from "../db/workshops";
import { notFound } from "../errors";

export async function workshopOr404(db: D1Database, id: string): Promise<WorkshopRow> {
  const workshop = await findWorkshop(db, id);
  if (!workshop) throw notFound("No such workshop.");
  return workshop;
}

export async function programmeOr404(db: D1Database, id: string): Promise<ProgrammeRow> {
  const programme = await findProgramme(db, id);
  if (!programme) throw notFound("No such programme.");
  return programme;
}

/** Looking up what a route's path names, or answering the API's 404. */
import { findWorkshop, type WorkshopRow } from "../db/workshops";
import { notFound } from "../errors";

export async function workshopOr404(db: D1Database, id: string): Promise<WorkshopRow> {
  const workshop = await findWorkshop(db, id);
  if (!workshop) throw notFound("No such workshop.");
  return workshop;
}

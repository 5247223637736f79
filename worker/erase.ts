/**
 * Erasing a workshop everywhere: the room first (so its outbox cannot write rows
 * back into D1 afterwards), then every D1 row.
 */
import { eraseWorkshopRows } from "./db/erase";
import type { Env } from "./env";
import { eraseRoom } from "./room";

export async function eraseWorkshop(env: Env, workshopId: string): Promise<void> {
  await eraseRoom(env, workshopId);
  await eraseWorkshopRows(env.DB, workshopId);
}

/**
 * Fetches a closed activity's cards, comments and links (archives.ts). Its own chunk, so a
 * phone that never opens a closed map never loads it.
 */
import { type ArchivedActivity, ArchivedActivitySchema } from "../../../party/model/archive";
import { apiFetch } from "../api";

export async function fetchArchive(workshopId: string, token: string, activityId: string): Promise<ArchivedActivity> {
  const path = `/api/workshops/${encodeURIComponent(workshopId)}/activities/${encodeURIComponent(activityId)}/archive`;
  const checked = await apiFetch(path, ArchivedActivitySchema, { token });
  if (checked.activityId !== activityId) throw new Error(`asked for ${activityId}, got ${checked.activityId}`);
  return checked;
}

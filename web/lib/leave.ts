/**
 * "Not you? Leave this device" (safety #12): a shared phone forgets a workshop entirely —
 * the participant's token, the commands waiting to be sent, the cached doc and what it
 * remembered of their contributions and votes (for the follow-up page) — so the next
 * person to pick it up neither acts as nor reads as the previous one. What they contributed
 * stays in the workshop (withdrawing is a different, explicit choice). Then the phone starts
 * again from the code box (or, on the join page, from the join form).
 */
import { pendingPrefix } from "./room/queue";
import { forgetParticipant, loadParticipant, local, mineKey } from "./storage";

function pendingKeys(workshopId: string): string[] {
  const keys: string[] = [];
  try {
    const storage = globalThis.localStorage;
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(pendingPrefix(workshopId))) keys.push(key);
    }
  } catch {
    // Storage unavailable: nothing was kept.
  }
  return keys;
}

/**
 * Whether this phone still holds anything of someone in this workshop: their token, commands
 * waiting to be sent, or the doc they saw (the join page then offers to leave it, #12).
 * IndexedDB is opened only if it exists, so a phone nobody used gets no database from asking.
 */
export async function keptOnDevice(workshopId: string, joinCode?: string): Promise<boolean> {
  if (loadParticipant(workshopId) || pendingKeys(workshopId).length > 0) return true;
  if (joinCode && local.getItem(mineKey(joinCode)) !== null) return true;
  const cache = await import("./room/cache");
  if (local.getItem(cache.legacyDocKey(workshopId)) !== null) return true;
  try {
    const databases = await globalThis.indexedDB?.databases?.();
    if (databases && !databases.some((d) => d.name === "coproduce")) return false;
    return (await cache.defaultDocStore().read(workshopId)).length > 0;
  } catch {
    // No IndexedDB on this phone (private mode): nothing was cached there.
    return false;
  }
}

/**
 * Forgets everything of `workshopId` on this phone, then loads `next` (the code box by default).
 * With the join code it also forgets what the phone remembered of the person's contributions
 * and votes for the follow-up page's "Yours" (safety #12: the next person must not see it).
 */
export async function leaveDevice(workshopId: string, joinCode?: string, next = "/"): Promise<void> {
  forgetParticipant(workshopId);
  if (joinCode) local.removeItem(mineKey(joinCode));
  for (const key of pendingKeys(workshopId)) local.removeItem(key);
  // The doc cache code loads on demand (it is not in the join page's first load).
  const cache = await import("./room/cache");
  local.removeItem(cache.legacyDocKey(workshopId));
  try {
    await cache.defaultDocStore().remove(workshopId);
  } catch {
    // No IndexedDB on this phone (private mode): nothing was cached there.
  }
  // A full page load, so nothing of the previous person stays in memory either.
  globalThis.location.assign(next);
}

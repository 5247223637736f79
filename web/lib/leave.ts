/**
 * "Not you? Leave this device" (safety #12): a shared phone forgets a workshop entirely —
 * the participant's token, the commands waiting to be sent and the cached doc — so the next
 * person to pick it up neither acts as nor reads as the previous one. What they contributed
 * stays in the workshop (withdrawing is a different, explicit choice). Then the phone starts
 * again from the code box.
 */
import { forgetParticipant, local } from "./storage";

export async function leaveDevice(workshopId: string): Promise<void> {
  forgetParticipant(workshopId);
  const pending = `coproduce:pending:${workshopId}:`;
  try {
    const storage = globalThis.localStorage;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(pending)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // Storage unavailable: nothing was kept.
  }
  // The doc cache code loads on demand (it is not in the join page's first load).
  const cache = await import("./room/cache");
  local.removeItem(cache.legacyDocKey(workshopId));
  try {
    await cache.defaultDocStore().remove(workshopId);
  } catch {
    // No IndexedDB on this phone (private mode): nothing was cached there.
  }
  // A full page load, so nothing of the previous person stays in memory either.
  globalThis.location.assign("/");
}

/** The daily cron: erase workshops past their retention period; purge spent tickets and old counters. */
import { purgeRateLimits } from "./db/rateLimits";
import { purgeExpiredTickets } from "./db/tickets";
import { expiredWorkshopIds } from "./db/workshops";
import type { Env } from "./env";
import { eraseWorkshop } from "./erase";
import { RATE_WINDOW_MS } from "./rateLimit";

export async function runRetention(env: Env, now: number): Promise<{ erased: string[] }> {
  const erased: string[] = [];
  for (const id of await expiredWorkshopIds(env.DB, now)) {
    try {
      await eraseWorkshop(env, id);
      erased.push(id);
    } catch (err) {
      // Keep going: one failing room must not block the others; tomorrow's run retries it.
      console.error("retention: could not erase workshop", id, err instanceof Error ? err.message : String(err));
    }
  }
  await purgeExpiredTickets(env.DB, now);
  await purgeRateLimits(env.DB, now - RATE_WINDOW_MS);
  return { erased };
}

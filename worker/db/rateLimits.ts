/** Fixed-window counters in the `rate_limits` table. */

/**
 * Counts one attempt under `key` and returns the count in the current window.
 * One statement, so concurrent requests cannot lose increments.
 */
export async function countAttempt(db: D1Database, key: string, windowMs: number, now: number): Promise<number> {
  const row = await db
    .prepare(
      `INSERT INTO rate_limits (key, window_start, count) VALUES (?1, ?2, 1)
       ON CONFLICT(key) DO UPDATE SET
         count = CASE WHEN rate_limits.window_start <= ?3 THEN 1 ELSE rate_limits.count + 1 END,
         window_start = CASE WHEN rate_limits.window_start <= ?3 THEN ?2 ELSE rate_limits.window_start END
       RETURNING count`,
    )
    .bind(key, now, now - windowMs)
    .first<{ count: number }>();
  return row?.count ?? 1;
}

/** The attempts under `key` in the current window, without counting one. */
export async function attemptsSoFar(db: D1Database, key: string, windowMs: number, now: number): Promise<number> {
  const row = await db
    .prepare("SELECT count FROM rate_limits WHERE key = ? AND window_start > ?")
    .bind(key, now - windowMs)
    .first<{ count: number }>();
  return row?.count ?? 0;
}

export async function purgeRateLimits(db: D1Database, olderThan: number): Promise<void> {
  await db.prepare("DELETE FROM rate_limits WHERE window_start <= ?").bind(olderThan).run();
}

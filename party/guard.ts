/**
 * Per-connection limits: a token bucket for commands and a count of unreadable
 * messages in a row. Kept in memory: after hibernation a connection starts with
 * a full bucket, which is harmless (hibernation only happens when the room is quiet).
 */

export interface GuardLimits {
  /** commands per second, sustained */
  ratePerSecond: number;
  /** commands allowed at once */
  burst: number;
  /** rate-limited messages before the connection is closed (4429), unless it calms down first */
  maxRateStrikes: number;
  /** unreadable messages in a row before the connection is closed (4400) */
  maxBadMessages: number;
}

export const DEFAULT_LIMITS: GuardLimits = {
  ratePerSecond: 20,
  burst: 40,
  maxRateStrikes: 100,
  maxBadMessages: 20,
};

export type Verdict = "ok" | "limited" | "close";

export class ConnectionGuard {
  #tokens: number;
  #refilledAt: number;
  #rateStrikes = 0;
  #badInARow = 0;

  constructor(
    private readonly limits: GuardLimits,
    now: number,
  ) {
    this.#tokens = limits.burst;
    this.#refilledAt = now;
  }

  /** Spends one token for a message that is about to be processed. */
  admit(now: number): Verdict {
    const elapsed = Math.max(0, now - this.#refilledAt) / 1000;
    this.#tokens = Math.min(this.limits.burst, this.#tokens + elapsed * this.limits.ratePerSecond);
    this.#refilledAt = now;
    if (this.#tokens >= 1) {
      // Strikes are forgiven only once the bucket has refilled: a client that hovers just
      // above the limit (a few tokens trickling in between floods) is still abusing it.
      if (this.#tokens >= this.limits.burst - 1) this.#rateStrikes = 0;
      this.#tokens -= 1;
      return "ok";
    }
    this.#rateStrikes += 1;
    return this.#rateStrikes >= this.limits.maxRateStrikes ? "close" : "limited";
  }

  /** A message the room could not read. */
  bad(): Verdict {
    this.#badInARow += 1;
    return this.#badInARow >= this.limits.maxBadMessages ? "close" : "limited";
  }

  /** A readable message: the garbage streak is over. */
  good(): void {
    this.#badInARow = 0;
  }
}

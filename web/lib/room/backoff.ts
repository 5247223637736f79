/**
 * How long to wait before reconnecting: exponential, capped, with jitter, so a room's
 * worth of phones dropped by the same Wi-Fi blip do not all come back in the same
 * millisecond ("equal jitter": half the window fixed, half random).
 */
const BASE_MS = 500;
const MAX_MS = 30_000;

export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
}

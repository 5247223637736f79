/**
 * Join rate limits, per client address. Generous for correct codes (a whole room
 * of phones shares one venue's Wi-Fi address) and strict for wrong codes (which
 * is what guessing looks like). Addresses are stored only as hashes.
 */
import type { Context } from "hono";
import { sha256Hex } from "./crypto";
import { attemptsSoFar, countAttempt } from "./db/rateLimits";
import { rateLimited } from "./errors";

export const RATE_WINDOW_MS = 10 * 60_000;
/**
 * Joins per address per workshop per window. A room is built for 500–1,000 phones,
 * and a big venue puts them all behind one address, so: the largest room twice over.
 */
export const JOINS_PER_WINDOW = 2000;
/**
 * Wrong join codes per address per window. Past it, every code is refused (a right
 * one too, or the limit would tell a guesser when they hit). Typos from a whole
 * venue share this allowance, hence not lower; guessing one of ~887 million codes
 * at this rate stays hopeless.
 */
export const WRONG_CODES_PER_WINDOW = 40;
/** Fixed windows: at worst the caller waits one whole window. */
const RETRY_AFTER_S = RATE_WINDOW_MS / 1000;

/** Tickets one token may take per minute: a phone reconnecting on bad Wi-Fi needs a few, not hundreds. */
export const TICKETS_PER_MINUTE = 60;
const TICKET_WINDOW_MS = 60_000;

/**
 * The client's address as Cloudflare reports it; "unknown" locally. An IPv6 address
 * counts as its /64: one household or phone is handed a whole /64 and can rotate
 * through it freely, so a single address would buy nothing.
 */
export function clientAddress(c: Context): string {
  const address = c.req.header("cf-connecting-ip") ?? c.req.header("x-real-ip") ?? "unknown";
  return address.includes(":") && !address.includes(".") ? ipv6Prefix64(address) : address;
}

/** The first four groups of an IPv6 address ("2001:db8:1:2::9" → "2001:db8:1:2::/64"). */
export function ipv6Prefix64(address: string): string {
  const [head = "", tail] = address.toLowerCase().split("::", 2);
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const missing = tail === undefined ? 0 : Math.max(0, 8 - left.length - right.length);
  const groups = [...left, ...Array<string>(missing).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** Counts a ticket for this token; refuses past the per-minute allowance (429). */
export async function countTicket(db: D1Database, tokenHash: string, now: number): Promise<void> {
  const count = await countAttempt(db, `ticket:${tokenHash.slice(0, 32)}`, TICKET_WINDOW_MS, now);
  if (count > TICKETS_PER_MINUTE) {
    throw rateLimited(TICKET_WINDOW_MS / 1000, "Too many connections from this link; try again in a minute.");
  }
}

async function addressKey(kind: string, c: Context, suffix = ""): Promise<string> {
  return `${kind}:${(await sha256Hex(clientAddress(c))).slice(0, 32)}${suffix}`;
}

/** Refuses an address that has already tried too many wrong codes. */
export async function refuseIfGuessing(c: Context, db: D1Database, now: number): Promise<void> {
  const key = await addressKey("join-wrong", c);
  if ((await attemptsSoFar(db, key, RATE_WINDOW_MS, now)) >= WRONG_CODES_PER_WINDOW) throw rateLimited(RETRY_AFTER_S);
}

export async function countWrongCode(c: Context, db: D1Database, now: number): Promise<void> {
  await countAttempt(db, await addressKey("join-wrong", c), RATE_WINDOW_MS, now);
}

export async function countJoin(c: Context, db: D1Database, workshopId: string, now: number): Promise<void> {
  const count = await countAttempt(db, await addressKey("join", c, `:${workshopId}`), RATE_WINDOW_MS, now);
  if (count > JOINS_PER_WINDOW) {
    throw rateLimited(RETRY_AFTER_S, "Too many people have joined from this address; try again shortly.");
  }
}

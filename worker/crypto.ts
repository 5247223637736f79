/** Secrets: 256-bit random tokens, stored and looked up only as SHA-256 hex. */

const encoder = new TextEncoder();

/** A new 256-bit secret, base64url without padding (43 characters). */
export function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", encoder.encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Compares two strings in constant time. Both are hashed first so the comparison
 * runs over equal-length digests and leaks neither content nor length.
 */
export async function secretsEqual(a: string, b: string): Promise<boolean> {
  const [da, db] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(a)),
    crypto.subtle.digest("SHA-256", encoder.encode(b)),
  ]);
  return crypto.subtle.timingSafeEqual(da, db);
}

/** The shortest organiser secret links are derived from; anything shorter gets random links. */
const MIN_DERIVING_KEY = 16;

/**
 * session (#19): a link's secret derived from the organiser secret and the token's id
 * (HMAC-SHA-256, base64url like `newSecret`). Only the hash is stored, as for every
 * token; whoever holds the organiser secret can show the link again instead of minting
 * another. Null when the key is missing or too short to derive from (then mint at random).
 */
export async function derivedSecret(key: string | undefined, tokenId: string): Promise<string | null> {
  if (!key || key.length < MIN_DERIVING_KEY) return null;
  const hmac = await crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
  ]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", hmac, encoder.encode(`coproduce/link/v1/${tokenId}`)));
  let binary = "";
  for (const b of mac) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

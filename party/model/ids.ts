/**
 * Random identifiers from the platform's CSPRNG (crypto.getRandomValues exists in
 * Workers, browsers and Node 20 alike). Ids are URL-safe; join codes avoid
 * characters people confuse when reading them off a projector (0/O, 1/I/L).
 */
const URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 6;

/** Fills the array with random bytes and returns it (injectable for tests). */
export type RandomBytes = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;
const cryptoBytes: RandomBytes = (bytes) => {
  crypto.getRandomValues(bytes);
  return bytes;
};

/** Picks `length` characters uniformly: bytes that would bias the choice are thrown away and drawn again. */
function randomString(alphabet: string, length: number, random: RandomBytes): string {
  const limit = 256 - (256 % alphabet.length);
  let out = "";
  while (out.length < length) {
    for (const byte of random(new Uint8Array(length * 2))) {
      if (byte >= limit) continue;
      out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** A URL-safe id; 21 characters carry 126 bits, like nanoid. */
export function randomId(length = 21, random: RandomBytes = cryptoBytes): string {
  return randomString(URL_SAFE, length, random);
}

/**
 * Ids of things inside a workshop (cards, comments, links, activities, participants).
 * They recur in the shared doc (keys, authors, supporters), which every phone downloads
 * on joining, so they are shorter: 12 characters carry 72 bits, leaving a one-in-a-million
 * chance of any clash among a hundred million cards.
 */
export function itemId(random: RandomBytes = cryptoBytes): string {
  return randomId(12, random);
}

export function joinCode(random: RandomBytes = cryptoBytes): string {
  return randomString(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, random);
}

/** What people type: any case, with spaces or dashes ("abc 234", "ABC-234"). */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

export function isJoinCode(code: string): boolean {
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}

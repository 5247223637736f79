/**
 * Friendly pseudonyms ("Blue Heron 42"): participants are pseudonymous by default
 * (docs/architecture.md, principle 6), and a name people can say aloud helps a facilitator invite
 * someone in without knowing who they are. Words are plain, neutral and easy to
 * read in English; the number keeps names apart in a big room.
 */
const COLOURS = [
  "Amber",
  "Blue",
  "Coral",
  "Copper",
  "Golden",
  "Green",
  "Hazel",
  "Indigo",
  "Jade",
  "Lilac",
  "Maple",
  "Mint",
  "Olive",
  "Plum",
  "Red",
  "Ruby",
  "Sage",
  "Silver",
  "Teal",
  "Violet",
] as const;

const CREATURES = [
  "Badger",
  "Beaver",
  "Bluebird",
  "Curlew",
  "Dolphin",
  "Falcon",
  "Finch",
  "Fox",
  "Hare",
  "Hedgehog",
  "Heron",
  "Kestrel",
  "Kingfisher",
  "Lark",
  "Otter",
  "Owl",
  "Puffin",
  "Robin",
  "Salmon",
  "Seal",
  "Squirrel",
  "Swallow",
  "Swift",
  "Wren",
] as const;

/** Returns a number in [0, 1). */
export type Random = () => number;

export const cryptoRandom: Random = () => {
  const [n = 0] = crypto.getRandomValues(new Uint32Array(1));
  return n / 2 ** 32;
};

function pick<T>(list: readonly T[], random: Random): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new RangeError("random() must return a number in [0, 1)");
  return item;
}

/** "Teal Otter 57": colour, creature and a number from 10 to 99 (20 × 24 × 90 = 43,200 names). */
export function friendlyName(random: Random = cryptoRandom): string {
  const number = 10 + Math.floor(random() * 90);
  if (number < 10 || number > 99) throw new RangeError("random() must return a number in [0, 1)");
  return `${pick(COLOURS, random)} ${pick(CREATURES, random)} ${number}`;
}

/** A name not already taken in the room; after a few clashes the number alone keeps it apart. */
export function uniqueFriendlyName(taken: ReadonlySet<string>, random: Random = cryptoRandom): string {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const name = friendlyName(random);
    if (!taken.has(name)) return name;
  }
  let n = 100;
  const base = friendlyName(random).replace(/ \d+$/, "");
  while (taken.has(`${base} ${n}`)) n += 1;
  return `${base} ${n}`;
}

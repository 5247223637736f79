/**
 * Theme suggestions (`cards.suggest`): groups of cards that say much the same
 * thing, for a facilitator to merge or dismiss. Nothing merges by itself.
 *
 * Deterministic and script-agnostic: no word lists, no stemmer, no model. Each
 * card becomes a bag of character trigrams taken inside words (" bus", "use",
 * "ses"...), which works the same for Latin, Arabic-script Urdu, Bengali and any
 * other script, and tolerates plurals, typos and word order. Trigrams are weighted
 * by TF-IDF (a trigram in most cards says little), cards are compared by cosine
 * similarity, and similar cards are grouped by average linkage: two groups join
 * only when at least half of the pairs between them are similar, so one shared
 * phrase cannot chain unrelated cards together. Formulas in docs/voice.md.
 *
 * Fast enough for a full map (3,000 cards in well under a second): pairs are found
 * through an inverted index, skipping trigrams so common they carry no signal.
 */

export interface ThemeCard {
  id: string;
  text: string;
}

export const THEMES = {
  /** characters per gram */
  n: 3,
  /** cosine similarity at or above which two cards are "about the same thing" */
  threshold: 0.4,
  /** two groups join when at least this share of the pairs between them are similar */
  linkage: 0.5,
  /** trigrams in more than this share of the cards are skipped (only once there are enough cards to tell) */
  commonShare: 0.05,
  commonFloor: 30,
  /** the largest suggested group, and how many groups are returned */
  maxGroupSize: 40,
  maxGroups: 200,
} as const;

/**
 * Case, width and spelling variants folded; punctuation and symbols become spaces.
 * Arabic-script text loses optional vowel marks and tatweel, and the Arabic forms
 * of yeh, kaf and heh become the Urdu ones people type interchangeably.
 */
export function normaliseText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, "")
    .replace(/[\u064A\u0649]/g, "\u06CC")
    .replace(/\u0643/g, "\u06A9")
    .replace(/\u0647/g, "\u06C1")
    .replace(/[\p{P}\p{S}\p{Cc}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Trigram counts inside each word, the word padded with a space either side. */
export function gramsOf(text: string, n: number = THEMES.n): Map<string, number> {
  const grams = new Map<string, number>();
  for (const word of normaliseText(text).split(" ")) {
    if (word === "") continue;
    const chars = Array.from(` ${word} `);
    if (chars.length <= n) {
      const whole = chars.join("");
      grams.set(whole, (grams.get(whole) ?? 0) + 1);
      continue;
    }
    for (let i = 0; i + n <= chars.length; i += 1) {
      const gram = chars.slice(i, i + n).join("");
      grams.set(gram, (grams.get(gram) ?? 0) + 1);
    }
  }
  return grams;
}

/**
 * Unit-length TF-IDF vectors kept only for trigrams worth comparing, as postings
 * per trigram (cards in ascending order) and, per card, where it sits in each of
 * its postings — so a card is compared only with the cards after it.
 */
function index(cards: readonly ThemeCard[]) {
  const bags = cards.map((c) => gramsOf(c.text));
  const df = new Map<string, number>();
  for (const bag of bags) for (const gram of bag.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
  const total = cards.length;
  const common = Math.max(THEMES.commonFloor, THEMES.commonShare * total);
  const postingCards: number[][] = [];
  const postingWeights: number[][] = [];
  const gramIds = new Map<string, number>();
  const rows: { posting: number; at: number; weight: number }[][] = [];
  bags.forEach((bag, card) => {
    const weights: [string, number][] = [];
    let norm = 0;
    for (const [gram, tf] of bag) {
      const idf = Math.log((total + 1) / ((df.get(gram) ?? 0) + 1)) + 1;
      const w = (1 + Math.log(tf)) * idf;
      weights.push([gram, w]);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    const row: { posting: number; at: number; weight: number }[] = [];
    for (const [gram, w] of weights) {
      const n = df.get(gram) ?? 0;
      // A trigram in one card pairs nothing; one in very many cards ("the", " an") weighs little and costs most.
      if (norm === 0 || n < 2 || n > common) continue;
      let id = gramIds.get(gram);
      if (id === undefined) {
        id = postingCards.length;
        gramIds.set(gram, id);
        postingCards.push([]);
        postingWeights.push([]);
      }
      const list = postingCards[id] as number[];
      row.push({ posting: id, at: list.length, weight: w / norm });
      list.push(card);
      postingWeights[id]?.push(w / norm);
    }
    rows.push(row);
  });
  return { rows, postingCards, postingWeights };
}

/** Each card's similar cards (at or above the threshold), both ways, with the similarity. */
function similarPairs(cards: readonly ThemeCard[]): { pairs: [number, number, number][]; neighbours: Set<number>[] } {
  const total = cards.length;
  const { rows, postingCards, postingWeights } = index(cards);
  const acc = new Float64Array(total);
  const touched: number[] = [];
  const pairs: [number, number, number][] = [];
  const neighbours = cards.map(() => new Set<number>());
  for (let i = 0; i < total; i += 1) {
    for (const { posting, at, weight } of rows[i] ?? []) {
      const list = postingCards[posting] as number[];
      const ws = postingWeights[posting] as number[];
      for (let k = at + 1; k < list.length; k += 1) {
        const j = list[k] as number;
        if (acc[j] === 0) touched.push(j);
        acc[j] = (acc[j] as number) + weight * (ws[k] as number);
      }
    }
    for (const j of touched) {
      const sim = acc[j] as number;
      if (sim >= THEMES.threshold) {
        pairs.push([sim, i, j]);
        neighbours[i]?.add(j);
        neighbours[j]?.add(i);
      }
      acc[j] = 0;
    }
    touched.length = 0;
  }
  return { pairs, neighbours };
}

/** Groups of two or more similar cards, largest first; ids in the order the cards were given. */
export function suggestThemes(cards: readonly ThemeCard[]): string[][] {
  const total = cards.length;
  if (total < 2) return [];
  const { pairs, neighbours } = similarPairs(cards);
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const clusterOf = Array.from({ length: total }, (_, i) => i);
  const members = new Map<number, number[]>(Array.from({ length: total }, (_, i) => [i, [i]]));
  for (const [, i, j] of pairs) {
    const ca = clusterOf[i] as number;
    const cb = clusterOf[j] as number;
    if (ca === cb) continue;
    const a = members.get(ca) ?? [];
    const b = members.get(cb) ?? [];
    if (a.length + b.length > THEMES.maxGroupSize) continue;
    // Average linkage: count similar pairs between the groups through the smaller group's neighbours.
    const [small, otherCluster] = a.length <= b.length ? [a, cb] : [b, ca];
    let linked = 0;
    for (const x of small) for (const y of neighbours[x] ?? []) if (clusterOf[y] === otherCluster) linked += 1;
    if (linked < THEMES.linkage * a.length * b.length) continue;
    const [keep, gone] = a.length >= b.length ? [ca, cb] : [cb, ca];
    const moved = members.get(gone) ?? [];
    for (const m of moved) clusterOf[m] = keep;
    members.get(keep)?.push(...moved);
    members.delete(gone);
  }
  return [...members.values()]
    .filter((m) => m.length >= 2)
    .map((m) => m.sort((x, y) => x - y))
    .sort((a, b) => b.length - a.length || (a[0] ?? 0) - (b[0] ?? 0))
    .slice(0, THEMES.maxGroups)
    .map((m) => m.map((i) => cards[i]?.id ?? ""));
}

/**
 * Nobody singled out (docs/architecture.md, principle 6): the ONE rule every breakdown by
 * stakeholder group uses — vote results, feedback, balance of voice, exports.
 *
 * 1. A group with fewer than k (3) people is folded into "other".
 * 2. While "other" holds 1 to k−1 people and some group is still shown, the
 *    smallest shown group joins it too: showing every other group beside a tiny
 *    "other" would let anyone subtract their way to those few people
 *    (overall − the shown groups).
 * 3. An "other" still under k is withheld (its people appear in no breakdown);
 *    by rules 1–2 that happens only when fewer than k people took part at all.
 *
 * Whenever groups were folded, the shown "other" says which declared groups it
 * holds (`mergedFrom`), so a label can name them ("Statutory + Voluntary, merged
 * for anonymity") instead of calling them all "other".
 */

export const ANONYMITY_K = 3;
/** The bucket small groups are folded into (also a default stakeholder group). */
export const MERGED_GROUP = "other";

export interface GroupFolding {
  /** The group a person who declared `group` is shown under, or null when withheld. */
  shownAs(group: string): string | null;
  /** shown groups, sorted by id ("other" among them when it is shown) */
  shown: string[];
  /** declared groups (not "other") folded into "other", sorted */
  merged: string[];
  /**
   * When anything was folded: every declared group whose people make up the shown
   * "other", sorted ("other" itself included if people declared it). Empty otherwise.
   */
  mergedFrom: string[];
  /** people left out of every breakdown (only when fewer than k took part) */
  suppressed: number;
  /** people per shown group */
  sizes: Record<string, number>;
}

/** Folds groups given how many people each has (zero-sized groups are ignored). */
export function foldGroups(
  sizes: Readonly<Record<string, number>> | ReadonlyMap<string, number>,
  k = ANONYMITY_K,
): GroupFolding {
  const entries = (sizes instanceof Map ? [...sizes] : Object.entries(sizes)).filter(([, n]) => n > 0);
  const shown = new Map<string, number>();
  const merged: string[] = [];
  let other = 0;
  for (const [group, n] of entries) {
    if (group === MERGED_GROUP) other += n;
    else if (n >= k) shown.set(group, n);
    else {
      merged.push(group);
      other += n;
    }
  }
  while (other > 0 && other < k && shown.size > 0) {
    const [group, n] = [...shown].sort(([ga, a], [gb, b]) => a - b || ga.localeCompare(gb))[0] as [string, number];
    shown.delete(group);
    merged.push(group);
    other += n;
  }
  const otherShown = other >= k;
  if (otherShown) shown.set(MERGED_GROUP, other);
  const hadOther = entries.some(([g]) => g === MERGED_GROUP);
  const mergedFrom = otherShown && merged.length > 0 ? [...merged, ...(hadOther ? [MERGED_GROUP] : [])].sort() : [];
  return {
    shownAs: (group) => (group !== MERGED_GROUP && shown.has(group) ? group : otherShown ? MERGED_GROUP : null),
    shown: [...shown.keys()].sort(),
    merged: merged.sort(),
    mergedFrom,
    suppressed: otherShown ? 0 : other,
    sizes: Object.fromEntries([...shown].sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** Folds groups given each person's declared group (one entry per person). */
export function foldPeople(declared: Iterable<string>, k = ANONYMITY_K): GroupFolding {
  const sizes = new Map<string, number>();
  for (const group of declared) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  return foldGroups(sizes, k);
}

/** Splits items into the shown groups (withheld items are dropped), keyed by shown group, sorted by id. */
export function partitionByShownGroup<T>(
  items: readonly T[],
  groupOf: (item: T) => string,
  folding: GroupFolding,
): Map<string, T[]> {
  const out = new Map<string, T[]>(folding.shown.map((g) => [g, []]));
  for (const item of items) {
    const g = folding.shownAs(groupOf(item));
    if (g !== null) out.get(g)?.push(item);
  }
  return out;
}

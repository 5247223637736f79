/**
 * Small groups are merged so nobody is singled out (DESIGN principle 6), by the
 * same rule as vote results (party/model/tally.ts): a group with fewer than k
 * people counts as "other"; while "other" is still under k, the smallest shown
 * group joins it; an "other" that stays under k is withheld.
 */
import { ANONYMITY_K } from "../../party/model/tally";

export const OTHER_GROUP = "other";

/** Given each person's declared group, the group shown for them in one breakdown (null: withheld). */
export function displayGroups(declared: readonly string[], k = ANONYMITY_K) {
  const sizes = new Map<string, number>();
  for (const group of declared) sizes.set(group, (sizes.get(group) ?? 0) + 1);
  const shown = new Map<string, number>();
  const merged: string[] = [];
  let other = sizes.get(OTHER_GROUP) ?? 0;
  for (const [group, n] of sizes) {
    if (group === OTHER_GROUP) continue;
    if (n >= k) shown.set(group, n);
    else {
      merged.push(group);
      other += n;
    }
  }
  while (other > 0 && other < k && shown.size > 0) {
    const [group, n] = [...shown].sort(([ga, a], [gb, b]) => a - b || ga.localeCompare(gb))[0]!;
    shown.delete(group);
    merged.push(group);
    other += n;
  }
  const otherShown = other >= k;
  return {
    groupOf: (group: string): string | null => (shown.has(group) ? group : otherShown ? OTHER_GROUP : null),
    mergedGroups: merged.sort(),
  };
}

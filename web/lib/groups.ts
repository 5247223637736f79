/** Stakeholder group names: translated for the default groups, the workshop's own label otherwise. */
import type { StakeholderGroup } from "../../party/model/commands";
import type { en } from "../i18n/en";
import { catalogue, t } from "./i18n";

type GroupKey = `group.${string}` & keyof typeof en;

export function groupLabel(id: string, groups: readonly StakeholderGroup[] | undefined): string {
  const key = `group.${id}`;
  // Every catalogue names the default groups (English is not always loaded: i18n.ts).
  if (key in catalogue()) return t(key as GroupKey);
  return groups?.find((g) => g.id === id)?.label ?? id;
}

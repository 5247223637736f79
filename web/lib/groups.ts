/** Stakeholder group names: translated for the default groups, the workshop's own label otherwise. */
import type { StakeholderGroup } from "../../party/model/commands";
import { en } from "../i18n/en";
import { t } from "./i18n";

type GroupKey = `group.${string}` & keyof typeof en;

export function groupLabel(id: string, groups: readonly StakeholderGroup[] | undefined): string {
  const key = `group.${id}`;
  if (key in en) return t(key as GroupKey);
  return groups?.find((g) => g.id === id)?.label ?? id;
}

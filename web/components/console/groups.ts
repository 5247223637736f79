/**
 * Stakeholder group colours and short badges. Colour is never the only cue: every
 * card also carries the group's badge text. Each colour keeps white text above
 * 4.5:1 contrast (WCAG 2.2 AA).
 */
import type { StakeholderGroup } from "../../../party/model/commands";
import { t } from "./i18n";

const PALETTE = ["#1d5b94", "#6b3d8f", "#0c6b4c", "#8a4508", "#9c1d4b", "#3d4a5c", "#5c5c00", "#005f73"];
const UNKNOWN = "#4a4a4a";

export function groupColour(groups: readonly StakeholderGroup[], groupId: string): string {
  const index = groups.findIndex((g) => g.id === groupId);
  return index < 0 ? UNKNOWN : (PALETTE[index % PALETTE.length] ?? UNKNOWN);
}

export function groupLabel(groups: readonly StakeholderGroup[], groupId: string): string {
  return groups.find((g) => g.id === groupId)?.label ?? groupId;
}

/** A short badge for a card: the first word of the group's label, at most 12 characters. */
export function groupBadge(groups: readonly StakeholderGroup[], groupId: string): string {
  const label = groupLabel(groups, groupId);
  const first = label.split(/[\s/,(]+/)[0] ?? label;
  return first.length > 12 ? `${first.slice(0, 11)}…` : first;
}

/**
 * A shown group's name in a breakdown: its label, or — for the bucket small groups
 * were folded into (party/model/small-groups.ts) — the groups merged, named.
 */
export function shownGroupLabel(groups: readonly StakeholderGroup[], groupId: string, mergedFrom?: readonly string[]) {
  if (!mergedFrom || mergedFrom.length === 0) return groupLabel(groups, groupId);
  return t("groups.merged", { groups: mergedFrom.map((g) => groupBadge(groups, g)).join(" + ") });
}

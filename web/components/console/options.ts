/**
 * A vote option's label as people should read it: an option whose card left
 * (withdrawn, deleted, hidden) while others had voted for it keeps their votes
 * under a translated neutral label instead of its author's words.
 */
import { t } from "./i18n";

export function optionLabel(option: { label: string; removed?: string }): string {
  if (option.removed === "withdrawn") return t("option.withdrawn");
  if (option.removed === "deleted") return t("option.deleted");
  if (option.removed === "hidden") return t("option.hidden");
  return option.label;
}

/**
 * An option's label on a phone: an option whose card left after people voted for
 * it keeps their votes under a neutral, translated label instead of its words.
 */
import { t } from "../../../lib/i18n";

export function optionText(option: { label: string; removed?: string }): string {
  if (option.removed === "withdrawn") return t("option.withdrawn");
  if (option.removed === "deleted") return t("option.deleted");
  if (option.removed === "hidden") return t("option.hidden");
  return option.label;
}

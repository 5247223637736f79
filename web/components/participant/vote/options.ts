/**
 * An option's label on a phone. An option whose card left after people voted for it
 * keeps their votes; the room marks it `removed` ("withdrawn", "deleted", "hidden") and
 * the phone says why in its own language, never in the English words the room keeps
 * for API readers.
 */
import { t } from "../../../lib/i18n";

export function optionText(option: { label: string; removed?: string }): string {
  if (option.removed === "withdrawn") return t("vote.optionWithdrawn");
  if (option.removed === "deleted") return t("vote.optionDeleted");
  if (option.removed === "hidden") return t("vote.optionHidden");
  return option.label;
}

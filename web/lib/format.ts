/**
 * Numbers and money as the reader reads them: `Intl` in their language (digits, grouping
 * and the currency sign's place differ: "£1,000", "1 000 zł", "১,০০০"), money in the
 * workshop's currency (its `currency` setting, GBP when unset).
 */
import { DEFAULT_CURRENCY } from "../../party/model/commands";

/** How a vote's amounts read: money in `currency` for a budget counted in money, plain numbers otherwise. */
export function amountFormat(
  language: string,
  unit: { money: boolean; currency?: string | undefined },
): (n: number) => string {
  const format = new Intl.NumberFormat(
    language,
    unit.money ? { style: "currency", currency: unit.currency ?? DEFAULT_CURRENCY, maximumFractionDigits: 0 } : {},
  );
  return (n) => format.format(n);
}

/** A vote config's unit ("GBP" is how configs from before the workshop setting said money). */
export function countsMoney(config: unknown): boolean {
  if (typeof config !== "object" || config === null || !("currency" in config)) return false;
  return config.currency === "money" || config.currency === "GBP";
}

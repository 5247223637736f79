/**
 * The console's translate functions. They follow the app's language (web/lib/i18n)
 * where the console has that catalogue, and English otherwise; `consoleLanguage`
 * says which one is really shown, so the console can mark its `lang` truthfully.
 */
import { type ConsoleKey, consoleCatalogues, type Params, translate } from "../../i18n/console";
import { language } from "../../lib/i18n";

export function consoleLanguage(): string {
  const code = language();
  return code in consoleCatalogues ? code : "en";
}

export function t(key: ConsoleKey, params?: Params): string {
  return translate(consoleLanguage(), key, params);
}

/** Plural-aware lookup: picks `key_one` or `key_other` with Intl.PluralRules. */
export function tn(key: string, count: number, params?: Params): string {
  const rule = new Intl.PluralRules(consoleLanguage()).select(count) === "one" ? "one" : "other";
  return translate(consoleLanguage(), `${key}_${rule}` as ConsoleKey, { count, ...params });
}

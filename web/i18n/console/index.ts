/**
 * The console's message catalogue (organiser, facilitator, screen, evaluator).
 * English is the source of keys; every other language must carry every key
 * (enforced by the type below and by test/unit/i18n-console.test.ts).
 */
import { en } from "./en";

export type ConsoleKey = keyof typeof en;
export type ConsoleCatalogue = Record<ConsoleKey, string>;
export type Params = Record<string, string | number>;

export const consoleCatalogues: Record<string, ConsoleCatalogue> = { en };

/** Replace `{name}` placeholders; unknown placeholders stay visible so a missing param is noticed. */
export function format(message: string, params?: Params): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Look a key up in one language, falling back to English. */
export function translate(language: string, key: ConsoleKey, params?: Params): string {
  const catalogue = consoleCatalogues[language] ?? consoleCatalogues[language.split("-")[0] ?? ""] ?? en;
  // A key built at runtime (e.g. from a status the server added later) may be missing: show the key, never crash.
  return format(catalogue[key] ?? en[key] ?? key, params);
}

/**
 * Participant and common strings. English (web/i18n/en.ts) is the source of keys; every
 * catalogue, English too, is loaded on demand (before the first render, see main.tsx) so a
 * phone downloads only the language it shows: an Urdu phone never downloads English
 * (issue #17, the journey counts one catalogue). `t()` is reactive: switching language
 * re-renders text.
 *
 * Which language: the one the person picked (remembered on this device) > the
 * workshop's language when the facilitator set one other than English (a deliberate
 * choice for a community) > the browser's preferences > English.
 */
import { createSignal } from "solid-js";
import type { LoadedCatalogue } from "../i18n/catalogue";
import type { en, Message, Plural } from "../i18n/en";
import { local } from "./storage";

export type Key = keyof typeof en;
type KeysWhere<T> = { [K in Key]: (typeof en)[K] extends T ? K : never }[Key];
export type TextKey = KeysWhere<string>;
export type PluralKey = KeysWhere<Plural>;
export type { Catalogue } from "../i18n/catalogue";
export type Params = Record<string, string | number>;

export interface Language {
  code: string;
  /** the language's name in itself, for the picker */
  name: string;
  dir: "ltr" | "rtl";
}

export const LANGUAGES: readonly Language[] = [
  { code: "en", name: "English", dir: "ltr" },
  { code: "ur", name: "اردو", dir: "rtl" },
  { code: "bn", name: "বাংলা", dir: "ltr" },
  { code: "pl", name: "Polski", dir: "ltr" },
  { code: "so", name: "Soomaali", dir: "ltr" },
];

const loaders: Record<string, () => Promise<LoadedCatalogue>> = {
  en: () => import("../i18n/en").then((m) => m.en),
  ur: () => import("../i18n/ur").then((m) => m.ur),
  bn: () => import("../i18n/bn").then((m) => m.bn),
  pl: () => import("../i18n/pl").then((m) => m.pl),
  so: () => import("../i18n/so").then((m) => m.so),
};

const PICKED_KEY = "coproduce:language";
const EASY_READ_KEY = "coproduce:easyRead";

const [language, setLanguageSignal] = createSignal("en");
/** Empty until the first catalogue arrives: main.tsx renders only after initLanguage(). */
const [catalogue, setCatalogue] = createSignal<Partial<LoadedCatalogue>>({});
const [easyRead, setEasyReadSignal] = createSignal(local.getItem(EASY_READ_KEY) === "1");

export { catalogue, easyRead, language };

export function supported(code: string | null | undefined): string | null {
  if (!code) return null;
  const base = code.toLowerCase().split("-")[0] ?? "";
  return LANGUAGES.some((l) => l.code === base) ? base : null;
}

export function languageInfo(code: string): Language {
  return LANGUAGES.find((l) => l.code === code) ?? LANGUAGES[0]!;
}

/** The language to show, by the rule at the top of this file. */
export function chooseLanguage(
  picked: string | null,
  workshopDefault: string | null | undefined,
  browser: readonly string[],
): string {
  const fromWorkshop = supported(workshopDefault);
  return (
    supported(picked) ??
    (fromWorkshop && fromWorkshop !== "en" ? fromWorkshop : null) ??
    browser.map(supported).find((code) => code !== null) ??
    "en"
  );
}

async function show(code: string): Promise<void> {
  const loaded = await loaders[code]?.();
  if (!loaded) return;
  setCatalogue(() => loaded);
  setLanguageSignal(code);
  if (typeof document !== "undefined") {
    document.documentElement.lang = code;
    document.documentElement.dir = languageInfo(code).dir;
  }
  // perf (#17): the first number format costs a slow phone ~50 ms (its locale data): pay it now,
  // while the person reads the join page, not while the map is first drawn.
  setTimeout(() => {
    numberFormat(code);
    pluralRule(code);
  }, 0);
}

/** At start-up, and again when a workshop's default language becomes known. */
export function initLanguage(workshopDefault?: string | null): Promise<void> {
  const browser = typeof navigator === "undefined" ? [] : (navigator.languages ?? [navigator.language]);
  const code = chooseLanguage(local.getItem(PICKED_KEY), workshopDefault, browser);
  return show(code)
    .catch(() =>
      // Not fetched (offline before it was cached): stay in the current language, or at the
      // start fall back to English, which a phone that was here before has cached.
      Object.keys(catalogue()).length > 0 ? undefined : show("en"),
    )
    .catch(() => {
      // Nothing cached at all: the page shows its keys rather than nothing.
    });
}

/** Show a language without remembering it (the paper pack prints in the workshop's language). */
export function showLanguage(code: string): Promise<void> {
  return show(supported(code) ?? "en");
}

/** The person picked a language: remember it on this device. */
export function pickLanguage(code: string): Promise<void> {
  const chosen = supported(code) ?? "en";
  local.setItem(PICKED_KEY, chosen);
  return show(chosen);
}

export function setEasyRead(on: boolean): void {
  local.setItem(EASY_READ_KEY, on ? "1" : "0");
  setEasyReadSignal(on);
  if (typeof document !== "undefined") document.documentElement.classList.toggle("easy-read", on);
}

/**
 * perf (#17): one number format and one plural rule per language, made once: making them is
 * what `toLocaleString(lang)` and `new Intl.PluralRules` cost every call (a map card's
 * "3 supports" was ~1 ms each on a slow phone, for every card drawn).
 */
function perLanguage<T>(make: (lang: string) => T): (lang: string) => T {
  const made = new Map<string, T>();
  return (lang) => {
    let one = made.get(lang);
    if (!one) {
      one = make(lang);
      made.set(lang, one);
    }
    return one;
  };
}

const numberFormat = perLanguage((lang) => new Intl.NumberFormat(lang));
const pluralRule = perLanguage((lang) => new Intl.PluralRules(lang));

/** Replaces `{name}` placeholders; an unknown one stays visible so a missing param gets noticed. */
export function format(message: string, params?: Params): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? numberFormat(language()).format(value) : value;
  });
}

function lookup(key: Key): Message {
  const current = catalogue();
  if (easyRead()) {
    // Easy-read wording, where a key has one ("x.plain" beside "x").
    const plain = `${key}.plain` as Key;
    const wording = current[plain];
    if (wording !== undefined) return wording;
  }
  // Every catalogue carries every key (type Catalogue); before one has loaded, or for a key
  // missing by mistake, the key shows itself, so it gets noticed rather than crashing the page.
  return current[key] ?? key;
}

export function t(key: TextKey, params?: Params): string {
  const message = lookup(key);
  return format(typeof message === "string" ? message : message.other, params);
}

/** Plural-aware: picks the language's form for `count` (Polish has four). */
export function tn(key: PluralKey, count: number, params?: Params): string {
  const message = lookup(key);
  if (typeof message === "string") return format(message, { count, ...params });
  const rule = pluralRule(language()).select(count) as keyof Plural;
  return format(message[rule] ?? message.other, { count, ...params });
}

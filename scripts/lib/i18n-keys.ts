/**
 * Short catalogue keys in the web build (issue #17: the phone's whole journey within 60 KB gzip).
 *
 * A participant catalogue is an object of ~260 keys such as "landing.errorChars", and the code
 * names those keys again in every `t("…")`. The names are for people reading the source; a phone
 * only needs the catalogue file and the code to agree. So the build gives every participant key a
 * short id ("landing.errorChars" → "3k") wherever the key appears as a whole string literal in the
 * web app's sources: the catalogues (web/i18n/<lang>.ts, followup-en.ts) and every page and
 * component, console pages too, so they all agree. The words themselves, every language, easy-read
 * wording and plurals are unchanged; the source, the Worker (which reads the catalogues for the
 * follow-up feed) and tests keep the real keys.
 *
 * Keys the code builds at run time keep their names: a key family that appears as the start of a
 * template literal or a concatenation anywhere in web/ (`errorCode.${code}`, `group.${id}`, …) is
 * found by scanning the sources when the build starts, and so are keys that are also string
 * literals in the shared model (`"me.update"` is both a command name and a heading key), and keys
another catalogue (console, kiosk) defines too, maybe with a plural suffix. An
 * easy-read key "x.plain" becomes "<id of x>.plain", which is what `lookup()` in web/lib/i18n.ts
 * builds. test/unit/i18n-keys-build.test.ts checks the rules on the real sources.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WEB = path.join(ROOT, "web");
/** Where the participant keys are defined (English is the source of keys; followup-en.ts is spread into it). */
const SOURCES_OF_KEYS = [path.join(WEB, "i18n/en.ts"), path.join(WEB, "i18n/followup-en.ts")];
/** The participant catalogues (every other file under web/i18n/ is another catalogue: console, kiosk). */
const PARTICIPANT_CATALOGUE = /[\\/]web[\\/]i18n[\\/]([a-z]{2,3}|followup-en|catalogue)\.ts$/;
/** Shared code whose string literals are protocol, not catalogue keys. */
const SHARED = [path.join(ROOT, "party/model")];
/** A module of the web app (not a dependency). */
const WEB_MODULE = /[\\/]web[\\/].*\.(ts|tsx)$/;
const PLAIN = ".plain";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

/** Every participant key, in the order English defines them. */
export function participantKeys(sources: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const source of sources) {
    for (const match of source.matchAll(/^\s*"([\w-]+(?:\.[\w-]+)+)":/gm)) keys.add(match[1] as string);
  }
  return [...keys];
}

/** Key prefixes the code completes at run time: `prefix.${…}` and `"prefix." + …`. */
export function computedPrefixes(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/`([\w.-]+)\$\{/g)) found.push(m[1] as string);
  for (const m of source.matchAll(/(["'])([\w.-]+)\1\s*\+/g)) found.push(m[2] as string);
  return found;
}

/** String literals that are whole dotted words (how a key appears in source). */
const LITERAL = /(["'`])([\w-]+(?:\.[\w-]+)+)\1/g;

/**
 * The short id of each key that can be renamed safely. `web` and `shared` are the texts of the
 * web app's modules and of the shared model; `others` those of the other catalogues (console,
 * kiosk), whose code may look up the same name with a suffix (`tn("vote.turnout")` reads
 * "vote.turnout_one" in the console's catalogue): a key another catalogue also defines, or
 * defines with `_…` or `.…` after it, keeps its name.
 */
export function keyIds(
  keys: readonly string[],
  web: readonly string[],
  shared: readonly string[],
  others: readonly string[] = [],
): Map<string, string> {
  const prefixes = web.flatMap(computedPrefixes).filter((p) => p.length > 0);
  const protocol = new Set(shared.flatMap((source) => [...source.matchAll(LITERAL)].map((m) => m[2] as string)));
  const elsewhere = participantKeys(others);
  const ids = new Map<string, string>();
  let next = 0;
  // The keys the code names most often get the shortest ids.
  const uses = new Map(keys.map((key) => [key, web.reduce((n, source) => n + source.split(`"${key}"`).length - 1, 0)]));
  for (const key of [...keys].sort((a, b) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0))) {
    if (key.endsWith(PLAIN)) continue;
    if (prefixes.some((p) => key.startsWith(p)) || protocol.has(key)) continue;
    if (elsewhere.some((k) => k === key || k.startsWith(`${key}_`) || k.startsWith(`${key}.`))) continue;
    ids.set(key, (next++).toString(36));
  }
  // Easy-read wording: "x.plain" beside "x" (web/lib/i18n.ts appends ".plain" to the key it has).
  for (const key of keys) {
    if (!key.endsWith(PLAIN)) continue;
    const id = ids.get(key.slice(0, -PLAIN.length));
    if (id !== undefined) ids.set(key, `${id}${PLAIN}`);
  }
  return ids;
}

/** The module's source with every whole-string occurrence of a renamed key replaced by its id. */
export function shortenKeys(source: string, ids: ReadonlyMap<string, string>): string {
  return source.replace(LITERAL, (whole, quote: string, text: string) => {
    const id = ids.get(text);
    return id === undefined ? whole : `${quote}${id}${quote}`;
  });
}

/** The ids for the repository as it is on disk. */
export function repositoryKeyIds(): Map<string, string> {
  const read = (file: string) => readFileSync(file, "utf8");
  const keys = participantKeys(SOURCES_OF_KEYS.map(read));
  const webFiles = files(WEB);
  const web = webFiles.map(read);
  const shared = SHARED.flatMap(files).map(read);
  const others = webFiles
    .filter((file) => /[\\/]web[\\/]i18n[\\/]/.test(file) && !PARTICIPANT_CATALOGUE.test(file))
    .map(read);
  return keyIds(keys, web, shared, others);
}

export function i18nKeysPlugin(): Plugin {
  let ids: Map<string, string> | null = null;
  return {
    name: "coproduce-i18n-keys",
    apply: "build",
    enforce: "pre",
    buildStart() {
      ids = repositoryKeyIds();
    },
    transform: {
      filter: { id: WEB_MODULE },
      handler(code, id) {
        if (!WEB_MODULE.test(id) || /[\\/]node_modules[\\/]/.test(id) || !ids) return null;
        const out = shortenKeys(code, ids);
        return out === code ? null : { code: out, map: null };
      },
    },
  };
}

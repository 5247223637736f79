/**
 * Which built files a participant's phone loads over the whole journey (docs/architecture.md, "Budgets"):
 * join (the landing page and the join form), the live room with every activity a phone
 * can be shown (map, vote, feedback: lazy chunks), and the public follow-up page. Read
 * from a Vite manifest, so the check follows the code as it is split, not a list of files.
 *
 * - The entry (index.html) and each participant route, with their static imports and CSS.
 * - Everything a participant route loads later by dynamic import, recursively: the activity
 *   chunks are part of the journey even though they are not first load.
 * - Language catalogues are loaded one per phone (English too is a file of its own since
 *   issue #17): the journey counts the largest one, as a phone in that language would.
 * - Console code (facilitator, screen, evaluator, organiser) is reached only through the
 *   entry's dynamic imports of console routes, which are not followed (the entry's other dynamic
 *   imports are followed when a participant page lives in the entry: since issue #17 the phone's
 *   pages to the room do); a route that would drag console code in shows up as a console file
 *   in the list, which `consoleFiles` reports.
 * - The phone's pages live in grouped files (scripts/lib/phone-chunks.ts), which the manifest
 *   knows only as `_phone-….js`: the build's `.vite/modules.json` (file → sources) says
 *   which file holds which page.
 */

/** The participant's route modules, by source path relative to Vite's root (web/). */
export const PARTICIPANT_ROUTES = /^routes\/(landing|join|participant|follow-?up|followup|f)(\/index)?\.(t|j)sx?$/;
/** The pages of the journey that must exist for the check to mean anything. */
export const REQUIRED_ROUTES = ["landing", "join", "participant"];
/** A language catalogue chunk (web/i18n/xx.ts), loaded one per phone. */
const CATALOGUE = /^i18n\/([a-z]{2,3})\.ts$/;
/** Console-only code: never part of the participant journey. */
export const CONSOLE_CODE = /(facilitator|screen|evaluator|organise|ConsoleShell|console)/;

/** @typedef {{file?: string, src?: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[], css?: string[]}} Chunk */

/**
 * @param {Record<string, Chunk>} manifest
 * @param {Record<string, string[]>} [modules] built file → the sources in it (`.vite/modules.json`)
 * @returns {{ entry: string, routes: string[], pages: string[], keys: string[], files: string[], firstLoad: string[], catalogues: string[] }}
 */
export function journey(manifest, modules = {}) {
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry && k.endsWith("index.html"));
  if (!entry) throw new Error("manifest has no index.html entry");
  /** Each participant page (its source) → the manifest key of the file that holds it. */
  const pageKeys = new Map();
  for (const [key, chunk] of Object.entries(manifest)) {
    if (PARTICIPANT_ROUTES.test(chunk?.src ?? key)) pageKeys.set(chunk?.src ?? key, key);
  }
  for (const [file, sources] of Object.entries(modules)) {
    const key = Object.keys(manifest).find((k) => manifest[k]?.file === file);
    if (!key) continue;
    for (const src of sources) if (PARTICIPANT_ROUTES.test(src) && !pageKeys.has(src)) pageKeys.set(src, key);
  }
  const pages = [...pageKeys.keys()].sort();
  const routes = [...new Set(pageKeys.values())];
  for (const name of REQUIRED_ROUTES) {
    if (!pages.some((src) => new RegExp(`^routes/${name}\\.`).test(src))) {
      throw new Error(`no ${name} route in the manifest (looked for ${PARTICIPANT_ROUTES}); is it lazy-loaded?`);
    }
  }
  const files = new Set();
  const keys = new Set();
  const catalogues = new Set();
  /** Chunks whose dynamic imports have been followed. */
  const followed = new Set();
  /** Routes that are not the participant's (console pages): never followed from the entry. */
  const consoleRoute = (key) => {
    const src = manifest[key]?.src ?? key;
    return /^routes\//.test(src) && !PARTICIPANT_ROUTES.test(src);
  };
  /** @param {string} key @param {boolean} dynamic follow dynamic imports too */
  const visit = (key, dynamic) => {
    if (keys.has(key) && (!dynamic || followed.has(key))) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest has no entry "${key}"`);
    if (CATALOGUE.test(chunk.src ?? key)) {
      catalogues.add(key);
      return;
    }
    keys.add(key);
    if (dynamic) followed.add(key);
    if (typeof chunk.file === "string" && /\.(m?js|css)$/.test(chunk.file)) files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported, dynamic);
    if (dynamic)
      for (const imported of chunk.dynamicImports ?? []) {
        // The entry's dynamic imports are every route, console ones included: those are not followed.
        if (key === entry && (consoleRoute(imported) || imported === entry)) continue;
        visit(imported, true);
      }
  };
  // First load: the entry and the pages from the code box to the room (landing, join, room)
  // with their static imports. The follow-up page is a later visit of its own.
  const firstLoadRoutes = [...pageKeys]
    .filter(([src]) => REQUIRED_ROUTES.some((name) => new RegExp(`^routes/${name}\\.`).test(src)))
    .map(([, key]) => key);
  visit(entry, false);
  for (const route of firstLoadRoutes) visit(route, false);
  const firstLoad = [...files];
  // The rest of the journey: what the participant pages load on demand.
  for (const route of routes) visit(route, true);
  // Catalogues the entry can load (the language picker is on every page).
  for (const key of manifest[entry]?.dynamicImports ?? []) {
    if (CATALOGUE.test(manifest[key]?.src ?? key)) catalogues.add(key);
  }
  return { entry, routes, pages, keys: [...keys], files: [...files], firstLoad, catalogues: [...catalogues] };
}

/** Files in the list that look like console code (they should never be there). */
export function consoleFiles(files) {
  return files.filter((file) => CONSOLE_CODE.test(file));
}

/**
 * A leaner `__vitePreload` for the web build (issue #17: the phone's whole journey within 60 KB
 * gzip). Vite wraps every dynamic import in a helper that first adds `<link>`s for the chunk's
 * CSS (waiting for them, so the page never shows unstyled) and its JS dependencies
 * (modulepreload, fetched in parallel). Vite's own helper also handles what this app does not
 * use: a CSP nonce meta tag, relative or runtime-built asset URLs, browsers without
 * modulepreload, and a `vite:preloadError` event nobody listens to; it is ~0.5 KB gzip of the
 * entry every phone downloads. This one keeps the behaviour the app relies on:
 *
 * - each dependency once, and not one the page already links (index.html links the entry's CSS:
 *   a second `<link>` would move that sheet after the later ones in the cascade);
 * - CSS awaited before the module runs, and a CSS file that fails to load fails the import
 *   (the page's error boundary shows it), as Vite's does; the next import tries it again;
 * - JS dependencies preloaded, not awaited.
 *
 * It replaces the helper's virtual module, so it needs the base to be "/" (vite.config.ts) and
 * fails the build if Vite stops asking for the module by this id.
 * test/unit/preload-helper.test.ts runs it against a DOM stand-in.
 */
import type { Plugin } from "vite";

/** Vite's virtual module for the helper (vite/src/node/plugins/importAnalysisBuild.ts). */
export const PRELOAD_HELPER_ID = "\0vite/preload-helper.js";

/** The helper's source: `__vitePreload(load, deps)`, deps relative to the base "/". */
export const PRELOAD_HELPER = `const seen = {};
export const __vitePreload = (load, deps) =>
  Promise.all(
    (deps || []).map((dep) => {
      const href = new URL("/" + dep, location.href).href;
      if (href in seen) return seen[href];
      const css = href.endsWith(".css");
      for (const link of document.getElementsByTagName("link"))
        if (link.href === href && (!css || link.rel === "stylesheet")) return (seen[href] = undefined);
      const link = document.createElement("link");
      link.rel = css ? "stylesheet" : "modulepreload";
      link.href = href;
      document.head.appendChild(link);
      return (seen[href] = css
        ? new Promise((done, fail) => {
            link.onload = done;
            link.onerror = () => {
              // Offline, or a deploy in between: the next import of this chunk tries again.
              delete seen[href];
              link.remove();
              fail(new Error("Unable to preload CSS for " + href));
            };
          })
        : undefined);
    }),
  ).then(() => load());
`;

export function preloadHelperPlugin(): Plugin {
  let served = false;
  return {
    name: "coproduce-preload-helper",
    apply: "build",
    enforce: "pre",
    config: (config) => {
      if (config.base !== undefined && config.base !== "/") {
        throw new Error(`scripts/lib/preload-helper.ts assumes base "/", not ${JSON.stringify(config.base)}`);
      }
    },
    buildStart() {
      served = false;
    },
    resolveId: (id) => (id === PRELOAD_HELPER_ID ? id : null),
    load(id) {
      if (id !== PRELOAD_HELPER_ID) return null;
      served = true;
      return PRELOAD_HELPER;
    },
    generateBundle(_options, bundle) {
      const lazy = Object.values(bundle).some((out) => out.type === "chunk" && out.dynamicImports.length > 0);
      if (lazy && !served) {
        throw new Error(
          `scripts/lib/preload-helper.ts: Vite no longer loads ${JSON.stringify(PRELOAD_HELPER_ID)}; check how it preloads now`,
        );
      }
    },
  };
}

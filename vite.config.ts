import path from "node:path";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";
import { i18nKeysPlugin } from "./scripts/lib/i18n-keys";
import { phoneChunks } from "./scripts/lib/phone-chunks";
import { preloadHelperPlugin } from "./scripts/lib/preload-helper";
import { serviceWorker } from "./scripts/lib/service-worker";
import { yjsMapsOnlyPlugin } from "./scripts/lib/yjs-maps-only";

// The web app: one HTML entry, code-split per role (routes are lazy-loaded) so the
// participant pages stay inside their bundle budget.
/** The file of what a participant's phone loads later, the follow-up page included (scripts/lib/phone-chunks.ts). */
const PHONE_ROUTE = /(^|\/)phone-later-[\w-]+\.js$/;

export default defineConfig({
  root: "web",
  plugins: [
    // Before Solid compiles JSX: catalogue keys in the source become short ids (scripts/lib/i18n-keys.ts).
    i18nKeysPlugin(),
    solid(),
    yjsMapsOnlyPlugin(),
    {
      // lib0's own modules import the probe relatively: the same stand-in as the alias above.
      name: "coproduce-lib0-environment",
      enforce: "pre",
      resolveId: (source, importer) =>
        source === "./environment.js" && importer && /[\\/]node_modules[\\/]lib0[\\/]/.test(importer)
          ? path.resolve(import.meta.dirname, "web/lib/lib0-environment.ts")
          : null,
    },
    phoneChunks(),
    // A leaner helper for dynamic imports' CSS and preloads than Vite's (scripts/lib/preload-helper.ts).
    preloadHelperPlugin(),
    serviceWorker(),
  ],
  resolve: {
    alias: [
      { find: "@model", replacement: path.resolve(import.meta.dirname, "party/model") },
      // Yjs logs through lib0's isomorphic logger, which drags lib0/dom and lib0/schema
      // into the phone bundle; a console-backed stand-in keeps the same exports.
      { find: /^lib0\/logging$/, replacement: path.resolve(import.meta.dirname, "web/lib/lib0-logging.ts") },
      // lib0's environment probe (process arguments, query string, colours): the browser needs two answers.
      { find: /^lib0\/environment$/, replacement: path.resolve(import.meta.dirname, "web/lib/lib0-environment.ts") },
    ],
  },
  build: {
    outDir: path.resolve(import.meta.dirname, "dist/web"),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    modulePreload: {
      polyfill: false,
      // The entry chunk carries one list naming every file any lazy route preloads; with a
      // dozen console routes that list alone cost the phone ~1 KB gzip on first load.
      // Console routes keep only their CSS (needed to render); phone routes keep their
      // JS preloads, so a phone on slow 4G fetches a route's chunks in parallel.
      resolveDependencies: (file, deps) => (PHONE_ROUTE.test(file) ? deps : deps.filter((dep) => dep.endsWith(".css"))),
    },
  },
  server: {
    host: "127.0.0.1",
    proxy: {
      "/api": "http://127.0.0.1:8787",
      "/parties": { target: "ws://127.0.0.1:8787", ws: true },
    },
  },
});

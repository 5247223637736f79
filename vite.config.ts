import path from "node:path";
import { defineConfig } from "vite";
import solid from "vite-plugin-solid";

// The web app: one HTML entry, code-split per role (routes are lazy-loaded) so the
// participant pages stay inside their bundle budget.
export default defineConfig({
  root: "web",
  plugins: [solid()],
  resolve: { alias: { "@model": path.resolve(import.meta.dirname, "party/model") } },
  build: {
    outDir: path.resolve(import.meta.dirname, "dist/web"),
    emptyOutDir: true,
    target: "es2020",
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
  server: {
    host: "127.0.0.1",
    proxy: {
      "/api": "http://127.0.0.1:8787",
      "/parties": { target: "ws://127.0.0.1:8787", ws: true },
    },
  },
});

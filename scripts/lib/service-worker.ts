/**
 * The offline shell's service worker (web/sw.js), written by the build with a version
 * taken from the build's own file names (they carry content hashes): a deploy that changes
 * any asset gets a new worker and a new cache, and the old cache is deleted on activation.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Plugin } from "vite";

export const SW_TEMPLATE = path.resolve(import.meta.dirname, "../../web/sw.js");
const PLACEHOLDER = "__BUILD_VERSION__";

/** A short version for a build, from its output file names (content-hashed by Vite). */
export function buildVersion(fileNames: readonly string[]): string {
  return createHash("sha256")
    .update([...fileNames].sort().join("\n"))
    .digest("hex")
    .slice(0, 12);
}

/** The service worker's source for a build. */
export function serviceWorkerSource(template: string, fileNames: readonly string[]): string {
  if (!template.includes(PLACEHOLDER)) throw new Error(`web/sw.js must contain ${PLACEHOLDER}`);
  return template.replaceAll(PLACEHOLDER, buildVersion(fileNames));
}

/** Vite plugin: emits /sw.js with this build's version. */
export function serviceWorker(): Plugin {
  return {
    name: "coproduce-service-worker",
    apply: "build",
    generateBundle(_options, bundle) {
      const source = serviceWorkerSource(readFileSync(SW_TEMPLATE, "utf8"), Object.keys(bundle));
      this.emitFile({ type: "asset", fileName: "sw.js", source });
    },
  };
}

/**
 * One app per e2e run: build the web app into a temp dir, migrate a fresh local D1 in
 * a temp persist dir, start `wrangler dev` on a free loopback port, and hand
 * `{baseUrl, organiserToken}` to the tests through vitest's provide/inject.
 * Everything lives in temp dirs so concurrent runs (and `npm start`) never collide.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import {
  applyMigrations,
  buildWeb,
  makeTempDir,
  ROOT,
  type RunningApp,
  randomToken,
  removeDir,
  snapshotSources,
  startApp,
} from "../../../scripts/lib/app";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    organiserToken: string;
  }
}

// Set COPRODUCE_E2E_VERBOSE=1 to see vite's and wrangler's output; otherwise it is kept
// and shown only when something fails to start.
const verbose = process.env.COPRODUCE_E2E_VERBOSE === "1";
// Set COPRODUCE_E2E_ASSETS=<dir> to serve an existing build (say dist/web) and skip vite
// build, when iterating on tests alone. CI and `npm test` always build.
const prebuilt = process.env.COPRODUCE_E2E_ASSETS;
const quiet = verbose ? undefined : () => {};

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const dir = await makeTempDir("e2e");
  const persistTo = path.join(dir, "state");
  const assetsDir = prebuilt ? path.resolve(ROOT, prebuilt) : path.join(dir, "web");
  let app: RunningApp | undefined;
  const teardown = async () => {
    await app?.stop();
    await removeDir(dir);
  };
  try {
    if (prebuilt) {
      if (!existsSync(path.join(assetsDir, "index.html")))
        throw new Error(`COPRODUCE_E2E_ASSETS: no index.html in ${assetsDir}`);
      console.log(`[e2e] serving the prebuilt web app in ${assetsDir}`);
    } else {
      await buildWeb({ outDir: assetsDir, onOutput: quiet });
    }
    // The Worker runs from a snapshot of its sources, so edits made during the run do not
    // make wrangler rebuild and drop every connection halfway through a test.
    const root = await snapshotSources(path.join(dir, "src"));
    await applyMigrations({ persistTo, root, onOutput: quiet });
    const organiserToken = randomToken();
    app = await startApp({ root, persistTo, assetsDir, organiserToken, onOutput: quiet });
    project.provide("baseUrl", app.baseUrl);
    project.provide("organiserToken", organiserToken);
    console.log(`[e2e] app ready at ${app.baseUrl} in ${Date.now() - started} ms (state in ${dir})`);
  } catch (err) {
    await teardown();
    throw err;
  }
  return teardown;
}

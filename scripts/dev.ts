/**
 * `npm run dev`: the Worker under `wrangler dev` on 127.0.0.1:8787 (rebuilds on change)
 * and Vite's dev server with HMR, which proxies /api and /parties to it
 * (vite.config.ts). Migrations and the organiser secret are set up as for `npm start`.
 * Ctrl-C stops both.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { applyMigrations, ROOT, type RunningApp, startApp, toolEnv } from "./lib/app";
import { ensureOrganiserToken } from "./lib/dev-vars";
import { type Spawned, spawnGroup, stopGroup } from "./lib/proc";

/** Vite's own colours are welcome in a terminal (toolEnv turns them off for logs). */
function colourEnv(): NodeJS.ProcessEnv {
  const env = toolEnv({ FORCE_COLOR: "1" });
  delete env.NO_COLOR;
  return env;
}

async function main(): Promise<void> {
  // wrangler.toml serves dist/web, which a fresh clone lacks; in dev, Vite serves the app.
  await mkdir(path.join(ROOT, "dist/web"), { recursive: true });
  await applyMigrations();
  const { token } = await ensureOrganiserToken();
  let worker: RunningApp | undefined;
  let vite: Spawned | undefined;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all([worker?.stop(), vite ? stopGroup(vite) : undefined]);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());

  const prefix = (name: string) => (chunk: string, stream: "stdout" | "stderr") =>
    process[stream].write(chunk.replace(/^(?=.)/gm, `[${name}] `));
  worker = await startApp({ port: 8787, onOutput: prefix("worker") });
  vite = spawnGroup(
    process.execPath,
    [path.join(ROOT, "node_modules/vite/bin/vite.js"), "--strictPort", "--port", "5173"],
    {
      cwd: ROOT,
      env: colourEnv(),
      onOutput: prefix("web"),
    },
  );
  console.log(`\nWeb app with HMR: http://127.0.0.1:5173  (API and rooms on ${worker.baseUrl})`);
  console.log(`Organiser:        http://127.0.0.1:5173/organise#token=${encodeURIComponent(token)}\n`);
  const which = await Promise.race([worker.spawned.exited.then(() => "wrangler dev"), vite.exited.then(() => "vite")]);
  if (stopping) return;
  console.error(`${which} exited; stopping.`);
  await stop();
}

main().catch((err: unknown) => {
  console.error(`npm run dev failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

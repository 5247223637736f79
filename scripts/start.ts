/**
 * `npm start`: from a fresh clone to a running app with a demo programme.
 * Builds the web app, migrates the local D1, makes sure .dev.vars has an organiser
 * secret, starts `wrangler dev` on 127.0.0.1:8787, loads seeds/demo.json through the
 * real API (once; later starts only mint fresh links), prints the links, and keeps
 * running until Ctrl-C.
 *
 *   npm start                 port 8787
 *   npm start -- --port 8788  another port
 *   npm start -- --no-demo    skip the demo programme
 */
import { applyMigrations, buildWeb, type RunningApp, startApp } from "./lib/app";
import { loadDemo, readDemo } from "./lib/demo";
import { DEV_VARS, ensureOrganiserToken } from "./lib/dev-vars";

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i === -1 ? undefined : process.argv[i + 1];
}

function step(text: string): void {
  console.log(`\n▶ ${text}`);
}

async function main(): Promise<void> {
  const port = Number(flag("--port") ?? process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`--port: not a port number`);

  step("Building the web app (vite build → dist/web)");
  await buildWeb();

  step("Applying D1 migrations to the local database (.wrangler/state)");
  await applyMigrations();

  const { token, created } = await ensureOrganiserToken();
  if (created) console.log(`\nWrote a new random ORGANISER_TOKEN to ${DEV_VARS} (git-ignored).`);

  step(`Starting wrangler dev on http://127.0.0.1:${port}`);
  let app: RunningApp | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await app?.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  app = await startApp({ port, onOutput: (chunk, stream) => process[stream].write(chunk) });

  const base = app.baseUrl;
  const lines = [`Organiser:    ${base}/organise#token=${encodeURIComponent(token)}`];
  if (!process.argv.includes("--no-demo")) {
    step("Loading the demo programme (seeds/demo.json)");
    const demo = await loadDemo(base, token, await readDemo());
    if (demo.programmeEvaluator) lines.push(`Programme evaluator: ${demo.programmeEvaluator}`);
    for (const w of demo.workshops) {
      lines.push(
        "",
        `${w.title}`,
        `  Facilitator: ${w.facilitator}`,
        `  Participant: ${w.participant}   (join code ${w.joinCode})`,
        `  Screen:      ${w.screen}`,
        `  Evaluator:   ${w.evaluator}`,
        `  Kiosk:       ${w.kiosk}`,
        `  Interpreter: ${w.interpreter}   (Urdu)`,
        `  Partner:     ${w.partner}   (Council housing team)`,
        `  Paper pack:  ${w.print}`,
        `  Follow-up:   ${w.followUp}   (public)`,
      );
    }
  }
  console.log(`\n${"━".repeat(72)}\nCoproduce is running at ${base}\n\n${lines.join("\n")}\n${"━".repeat(72)}`);
  console.log("Press Ctrl-C to stop.");
  const code = await app.spawned.exited;
  if (stopping) return;
  console.error(`wrangler dev exited (${code}).`);
  process.exit(1);
}

main().catch((err: unknown) => {
  console.error(`\nnpm start failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

/**
 * .dev.vars holds local secrets for wrangler dev (git-ignored). `npm start` needs an
 * organiser secret there; it writes a random one once and keeps it afterwards, so the
 * organiser link printed on every start stays the same.
 */
import { existsSync } from "node:fs";
import { appendFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { ROOT, randomToken } from "./app";

export const DEV_VARS = path.join(ROOT, ".dev.vars");

/** Reads `KEY=value` lines; quotes around the value are removed as wrangler does. */
export function parseDevVars(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m?.[1]) continue;
    vars.set(m[1], (m[2] ?? "").replace(/^"(.*)"$|^'(.*)'$/, "$1$2"));
  }
  return vars;
}

/** The organiser secret from .dev.vars, written there first if absent. */
export async function ensureOrganiserToken(file = DEV_VARS): Promise<{ token: string; created: boolean }> {
  const text = existsSync(file) ? await readFile(file, "utf8") : "";
  const existing = parseDevVars(text).get("ORGANISER_TOKEN");
  if (existing) return { token: existing, created: false };
  const token = randomToken();
  const line = `ORGANISER_TOKEN=${token}\n`;
  if (text === "") await writeFile(file, line, { mode: 0o600 });
  else await appendFile(file, `${text.endsWith("\n") ? "" : "\n"}${line}`);
  return { token, created: true };
}

/**
 * What this phone raised, supported or voted for in a workshop (#15), kept only on this
 * phone (by join code) so that after the close the follow-up page can mark "yours". It is
 * never sent anywhere: the server cannot tell whose priorities they were. The room page
 * loads this on demand (it is not needed for the first paint).
 */
import * as v from "valibot";
import type { Card } from "../../party/model/doc";
import { local, readJson, writeJson } from "./storage";

const MINE_KEY = "coproduce:mine:";
/** Card ids, and "activityId/optionId" for options a ballot gave something to. */
const Mine = v.array(v.string());

export function loadMine(code: string): string[] | null {
  return readJson(local, MINE_KEY + code, Mine);
}

export function forgetMine(code: string): void {
  local.removeItem(MINE_KEY + code);
}

/** Adds to what is remembered (never removes: closed activities may leave the live doc). */
export function rememberMine(code: string, add: string[]): void {
  const old = loadMine(code) ?? [];
  const next = [...new Set([...old, ...add])].slice(-1000);
  if (next.length !== old.length) writeJson(local, MINE_KEY + code, next);
}

/** This phone's cards and supports, and the options its ballots gave anything to (any method). */
export function myContributions(me: string, cards: Record<string, Card>, ballots: Record<string, unknown>): string[] {
  const mine = Object.values(cards)
    .filter((c) => c.authorId === me || c.supports.includes(me))
    .map((c) => c.id);
  for (const [activityId, ballot] of Object.entries(ballots)) {
    const b = (ballot ?? {}) as Record<string, unknown>;
    const ids = [
      ...Object.keys(b.allocations ?? {}).filter((id) => (b.allocations as Record<string, number>)[id]),
      ...((b.order ?? b.approved ?? []) as string[]),
      ...Object.keys(b.ratings ?? {}),
    ];
    for (const id of ids) mine.push(`${activityId}/${id}`);
  }
  return mine;
}

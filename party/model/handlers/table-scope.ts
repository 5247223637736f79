/**
 * Tables (#13): who may touch which table's cards. A host acts for one table only
 * (its token names it); a participant on a map at tables adds, supports and
 * comments at their own table; facilitators act everywhere.
 */
import type { MapConfig } from "../commands";
import type { Activity, Card, Participant } from "../doc";
import { refuse } from "../refusal";
import { workshopOf } from "./guards";
import type { Scope } from "./scope";

export function isHost(s: Scope): boolean {
  return s.actor.role === "host";
}

/** Facilitators and hosts moderate and transcribe; hosts only at their own table (checked separately). */
export function isModerator(s: Scope): boolean {
  return s.actor.role === "facilitator" || isHost(s);
}

export function tableIds(s: Scope): string[] {
  return (workshopOf(s).tables ?? []).map((t) => t.id);
}

export function requireTable(s: Scope, table: string, field = "table"): void {
  if (!tableIds(s).includes(table)) refuse("bad_request", `${field}: no table "${table}" in this workshop`);
}

/** A host may only touch cards at its own table. */
export function requireHostTable(s: Scope, card: Pick<Card, "table" | "id">): void {
  if (!isHost(s)) return;
  if (!s.actor.table || card.table !== s.actor.table) refuse("forbidden", `Card ${card.id} is not at your table`);
}

/** On a map at tables, a participant reacts (supports, comments) only to cards at their own table. */
export function requireSameTable(s: Scope, config: MapConfig, card: Card, me: Participant | null): void {
  if (config.at !== "tables" || s.actor.role !== "participant") return;
  if (!me?.table || card.table !== me.table) refuse("forbidden", "That card is at another table");
}

/**
 * The table a new card goes to: on a map at tables, the host's table, the
 * participant's seat, or (facilitators) the table they name. Undefined on a map
 * for the whole room. Hosts add cards only on maps at tables.
 */
export function tableForNewCard(
  s: Scope,
  activity: Activity,
  config: MapConfig,
  me: Participant | null,
  asked: string | undefined,
): string | undefined {
  if (config.at !== "tables") {
    if (isHost(s)) refuse("forbidden", `A host adds cards only at a table; "${activity.title}" is for the whole room`);
    if (asked !== undefined) refuse("bad_request", `table: "${activity.title}" is not a map at tables`);
    return undefined;
  }
  if (isHost(s)) {
    if (asked !== undefined && asked !== s.actor.table)
      refuse("forbidden", "A host adds cards only at their own table");
    if (!s.actor.table) refuse("forbidden", "This host link names no table");
    requireTable(s, s.actor.table);
    return s.actor.table;
  }
  if (s.actor.role === "participant") {
    if (!me?.table) refuse("conflict", "You are not at a table yet: ask the facilitator to place you at one");
    if (asked !== undefined && asked !== me.table) refuse("forbidden", "You can add cards only at your own table");
    return me.table;
  }
  if (asked === undefined) refuse("bad_request", `table: "${activity.title}" is at tables; name the table`);
  requireTable(s, asked);
  return asked;
}

/**
 * Who is in the room, as the room writes it (awareness states set by the server from
 * verified identities; clients never send their own). Kept by client id and clock, as
 * the awareness protocol does, but without its 30-second expiry: the room sends
 * presence only when it changes.
 */
import type { PresenceChange } from "./sync";

export interface PresenceEntry {
  clientId: number;
  state: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export class PresenceTable {
  private readonly entries = new Map<number, { clock: number; state: Record<string, unknown> | null }>();

  /** Applies changes from one awareness frame; returns whether anything changed. */
  apply(changes: readonly PresenceChange[]): boolean {
    let changed = false;
    for (const change of changes) {
      const current = this.entries.get(change.clientId);
      if (current && current.clock > change.clock) continue; // an older state arriving late
      this.entries.set(change.clientId, { clock: change.clock, state: isRecord(change.state) ? change.state : null });
      changed = true;
    }
    return changed;
  }

  /** Everyone present now (a null state means the person left). */
  list(): PresenceEntry[] {
    const list: PresenceEntry[] = [];
    for (const [clientId, entry] of this.entries) if (entry.state) list.push({ clientId, state: entry.state });
    return list;
  }
}

/**
 * Presence written by the room, never by clients (docs/architecture.md, principle 1 and "Measured"):
 * one awareness entry per connected actor, with a client id the room chooses, encoded
 * in the y-protocols awareness format, sent only when something changed and batched.
 *
 * Clients receive these entries through a stock Awareness. The room does not renew
 * them every 15 s as a y-protocols peer would, so clients must not time them out
 * (clear `awareness._checkInterval` on the client, as y-partyserver does on its server).
 */
import { encodeAwareness } from "./model/frames";
import type { Actor } from "./model/protocol";

export interface PresenceState {
  id: string;
  role: Actor["role"];
  name: string;
  group: string;
}

interface Entry {
  actorId: string;
  state: PresenceState | null;
  clock: number;
}

/** Awareness client ids are varuints; keep them in 30 bits like Yjs does. */
const CLIENT_ID_SPACE = 0x40000000;

/** FNV-1a: a stable starting point, so an actor usually keeps its id across restarts. */
function hashActorId(actorId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < actorId.length; i++) {
    hash ^= actorId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % CLIENT_ID_SPACE;
}

export function presenceStateOf(actor: Actor): PresenceState {
  return { id: actor.id, role: actor.role, name: actor.name, group: actor.group };
}

/**
 * What sockets without who-is-who (everyone but facilitators, hosts and screens; party/model/replica.ts)
 * see of someone present: their role and group, never their id or name.
 */
export function roomPresenceOf(state: PresenceState): PresenceState {
  return { id: "", role: state.role, name: "", group: state.group };
}

/** A presence change, encoded once for each audience. */
export interface PresenceFrames {
  /** for facilitators, hosts and screens */
  full: Uint8Array;
  /** for everyone else: no ids, no names */
  room: Uint8Array;
}

function sameState(a: PresenceState | null, b: PresenceState | null): boolean {
  if (a === null || b === null) return a === b;
  return a.id === b.id && a.role === b.role && a.name === b.name && a.group === b.group;
}

export class PresenceRegistry {
  readonly #entries = new Map<number, Entry>();
  readonly #byActor = new Map<string, number>();
  readonly #changed = new Set<number>();
  /** Clocks of entries already removed, so an actor who comes back is announced with a newer clock. */
  readonly #retiredClocks = new Map<number, number>();

  /** The client id this actor already has, or a free one (preferring `preferred`, kept in the socket attachment). */
  clientIdFor(actorId: string, preferred?: number): number {
    const existing = this.#byActor.get(actorId);
    if (existing !== undefined) return existing;
    let candidate = preferred ?? hashActorId(actorId);
    for (;;) {
      const taken = this.#entries.get(candidate);
      if (!taken || taken.actorId === actorId) return candidate;
      candidate = (candidate + 1) % CLIENT_ID_SPACE;
    }
  }

  /** Shows (or updates) an actor. Returns the client id used. */
  show(actor: Actor, preferred?: number): number {
    const clientId = this.clientIdFor(actor.id, preferred);
    const state = presenceStateOf(actor);
    const entry = this.#entries.get(clientId);
    if (entry && sameState(entry.state, state)) return clientId;
    const previousClock = entry?.clock ?? this.#retiredClocks.get(clientId);
    this.#entries.set(clientId, { actorId: actor.id, state, clock: nextClock(previousClock) });
    this.#byActor.set(actor.id, clientId);
    this.#changed.add(clientId);
    return clientId;
  }

  /** Restores an entry after the room woke from hibernation, without announcing it (clients have it). */
  restore(actor: Actor, clientId: number): void {
    if (this.#byActor.has(actor.id) || this.#entries.has(clientId)) return;
    this.#entries.set(clientId, { actorId: actor.id, state: presenceStateOf(actor), clock: nextClock(undefined) });
    this.#byActor.set(actor.id, clientId);
  }

  /** The actor's last connection closed. */
  hide(actorId: string): void {
    const clientId = this.#byActor.get(actorId);
    if (clientId === undefined) return;
    const entry = this.#entries.get(clientId);
    if (!entry || entry.state === null) return;
    // Removal keeps the clock: y-protocols accepts a null state at the same clock.
    entry.state = null;
    this.#changed.add(clientId);
  }

  get size(): number {
    let n = 0;
    for (const entry of this.#entries.values()) if (entry.state) n++;
    return n;
  }

  states(): PresenceState[] {
    const out: PresenceState[] = [];
    for (const entry of this.#entries.values()) if (entry.state) out.push(entry.state);
    return out;
  }

  hasChanges(): boolean {
    return this.#changed.size > 0;
  }

  /** Everyone present, for a client that just connected (`full`: one that sees who is who). Null when nobody is. */
  encodeAll(full: boolean): Uint8Array | null {
    const ids = [...this.#entries].filter(([, e]) => e.state !== null).map(([id]) => id);
    return ids.length === 0 ? null : this.#encode(ids, full);
  }

  /** What changed since the last call, once, for each audience; forgets entries that were removed. */
  takeChanges(): PresenceFrames | null {
    if (this.#changed.size === 0) return null;
    const ids = [...this.#changed];
    this.#changed.clear();
    const update = { full: this.#encode(ids, true), room: this.#encode(ids, false) };
    for (const id of ids) {
      const entry = this.#entries.get(id);
      if (entry && entry.state === null) {
        this.#entries.delete(id);
        this.#retiredClocks.set(id, entry.clock);
        if (this.#byActor.get(entry.actorId) === id) this.#byActor.delete(entry.actorId);
      }
    }
    return update;
  }

  clear(): void {
    this.#entries.clear();
    this.#byActor.clear();
    this.#changed.clear();
    this.#retiredClocks.clear();
  }

  #encode(ids: number[], full: boolean): Uint8Array {
    return encodeAwareness(
      ids.map((clientId) => {
        const entry = this.#entries.get(clientId);
        const state = entry?.state ?? null;
        return { clientId, clock: entry?.clock ?? 0, state: state && !full ? roomPresenceOf(state) : state };
      }),
    );
  }
}

/**
 * Awareness peers ignore an entry whose clock is not newer than the one they hold.
 * Wall-clock based, so a restarted room (which forgot its clocks) still moves forward.
 */
function nextClock(previous: number | undefined): number {
  return Math.max((previous ?? 0) + 1, Date.now());
}

/**
 * How every room client reads the room (the browser's RoomConnection, the Node tooling
 * client and the test clients): a read-only Yjs peer. It reads each frame the room sends,
 * applies the room's updates to its doc, keeps the room's presence, parses the room's JSON
 * messages, and says what happened. It never writes the doc itself and never sends
 * awareness. The connection life cycle around it (tickets, reconnecting, the command queue,
 * timeouts) is the client core's, ./client.ts; AckWaiters below is the ack bookkeeping both share.
 */
import * as Y from "yjs";
import { isAheadOf, type PresenceChange, readServerFrame, syncStep1Frame } from "./frames";
import { type ReadMessage, readServerMessage } from "./protocol";

/** Transaction origin for changes that came from the room (lets observers tell them from a cache). */
export const FROM_ROOM = "room";

/** What one frame from the room did. */
export type Received =
  | { kind: "message"; message: ReadMessage }
  /** the room's answer to our sync step 1 was applied: the doc is as the room's */
  | { kind: "synced" }
  | { kind: "updated" }
  /** our doc holds what the room does not (a stale cache): it must be replaced */
  | { kind: "stale" }
  | { kind: "presence"; changed: boolean }
  /** an update that would not apply: the doc may be broken, resync from nothing */
  | { kind: "corrupt" }
  /** not ours, not readable, or not followed: dropped */
  | { kind: "ignored" };

export interface PresenceEntry {
  clientId: number;
  state: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Who is in the room, as the room writes it (awareness states set by the server from
 * verified identities). Kept by client id and clock, as the awareness protocol does, but
 * without its 30-second expiry: the room sends presence only when it changes.
 */
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

export interface PeerOptions {
  /**
   * Keep applying the room's updates after the initial sync (default true). Load
   * generators with hundreds of clients turn it off: the doc then stays as first synced.
   */
  followDoc?: boolean;
}

export class RoomPeer {
  doc: Y.Doc;
  readonly presence = new PresenceTable();
  synced = false;
  readonly #followDoc: boolean;

  constructor(doc: Y.Doc = new Y.Doc(), options: PeerOptions = {}) {
    this.doc = doc;
    this.#followDoc = options.followDoc ?? true;
  }

  /** Sync step 1 with our state vector: the room answers with what we lack. */
  syncStep1(): Uint8Array<ArrayBuffer> {
    return syncStep1Frame(this.doc);
  }

  /** Starts again from an empty doc (after `stale` or `corrupt`). */
  reset(doc: Y.Doc = new Y.Doc()): void {
    this.doc = doc;
    this.synced = false;
  }

  /** Reads one frame from the room: text (our JSON messages) or binary (Yjs). */
  receive(data: string | Uint8Array): Received {
    if (typeof data === "string") {
      const message = readServerMessage(data);
      return message ? { kind: "message", message } : { kind: "ignored" };
    }
    let frame: ReturnType<typeof readServerFrame>;
    try {
      frame = readServerFrame(data);
    } catch {
      return { kind: "ignored" }; // A frame we cannot decode is dropped; the next sync repairs any gap.
    }
    switch (frame.kind) {
      case "sync-step-1":
        return isAheadOf(this.doc, frame.stateVector) ? { kind: "stale" } : { kind: "ignored" };
      case "sync-step-2":
      case "update": {
        if (this.synced && !this.#followDoc) return { kind: "ignored" };
        try {
          Y.applyUpdate(this.doc, frame.update, FROM_ROOM);
        } catch {
          return { kind: "corrupt" };
        }
        if (frame.kind === "update") return { kind: "updated" };
        this.synced = true;
        return { kind: "synced" };
      }
      case "presence":
        return { kind: "presence", changed: this.presence.apply(frame.changes) };
      case "unknown":
        return { kind: "ignored" };
    }
  }
}

interface Waiter<A> {
  resolve: (answer: A) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Commands awaiting the room's answer, by command id: the promise every client hands back
 * for a command. The browser waits as long as it takes (it resends after reconnecting, so
 * the answer comes); Node tooling gives up after `timeoutMs` or when the socket closes
 * (`failAll`), because an unacknowledged command is what its tests look for.
 */
export class AckWaiters<A> {
  readonly #waiting = new Map<string, Waiter<A>[]>();

  /** Settles with the answer to command `id`; rejects after `timeoutMs` if given. */
  wait(id: string, timeoutMs?: number, what = `command ${id}`): Promise<A> {
    return new Promise<A>((resolve, reject) => {
      const waiter: Waiter<A> = { resolve, reject, timer: undefined };
      if (timeoutMs !== undefined) {
        waiter.timer = setTimeout(() => {
          this.#drop(id, waiter);
          reject(new Error(`${what}: no ack within ${timeoutMs} ms`));
        }, timeoutMs);
      }
      this.#waiting.set(id, [...(this.#waiting.get(id) ?? []), waiter]);
    });
  }

  /** Hands the room's answer to everyone waiting for `id`; false when nobody was. */
  settle(id: string, answer: A): boolean {
    const waiting = this.#waiting.get(id);
    this.#waiting.delete(id);
    for (const waiter of waiting ?? []) {
      clearTimeout(waiter.timer);
      waiter.resolve(answer);
    }
    return waiting !== undefined;
  }

  /** Rejects everyone still waiting (the socket closed before the room answered). */
  failAll(error: (id: string) => Error): void {
    for (const [id, waiting] of this.#waiting) {
      for (const waiter of waiting) {
        clearTimeout(waiter.timer);
        waiter.reject(error(id));
      }
    }
    this.#waiting.clear();
  }

  #drop(id: string, waiter: Waiter<A>): void {
    const rest = (this.#waiting.get(id) ?? []).filter((w) => w !== waiter);
    if (rest.length > 0) this.#waiting.set(id, rest);
    else this.#waiting.delete(id);
  }
}

/**
 * The room's Y.Doc, rebuilt from storage and changed only inside `change`, which
 * reports the Yjs update the change produced and the doc keys it touched (for the
 * command log and the D1 mirror). If a change fails halfway, `rebuild` restores
 * the doc from storage so memory never holds what the log does not.
 */
import * as Y from "yjs";
import { mergeUpdates } from "./broadcast";
import type { DocChanges } from "./mirror";
import type { RoomStorage } from "./storage";

export interface Changed<T> {
  value: T;
  /** the merged Yjs update, or null when nothing changed */
  update: Uint8Array | null;
  changes: DocChanges;
}

/**
 * perf (#17): the doc's whole state as storage holds it (the latest snapshot and the updates
 * logged since), so a reader from nothing is answered with those bytes instead of the whole
 * doc encoded again: on wake the room has just read them, and encoding a big room's doc from
 * cold code is the largest part of its first answer. Kept while the updates since the
 * snapshot stay small (past that, encoding the doc is the smaller answer).
 */
interface Stored {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  bytes: number;
  /** `updates` merged once, for every reader until the next change */
  merged: Uint8Array | null;
}

/**
 * Commands that take back someone's words or name: a withdrawal, a deleted or rewritten card, a
 * changed name. Their doc updates delete content that the stored snapshot and the logged updates
 * before them still hold, so after one the stored bytes are not sent as they are (forgetStored,
 * and on wake while one is in the log); a withdrawal also compacts the log at once (commit.ts).
 */
export const TAKES_BACK_WORDS: readonly string[] = [
  "me.withdraw",
  "me.update",
  "participant.update",
  "participant.remove",
  "card.edit",
  "card.delete",
];

/** Past this many bytes of updates since the snapshot, a reader from nothing gets the doc encoded. */
const STORED_UPDATES_MAX_BYTES = 32 * 1024;

interface Capture {
  updates: Uint8Array[];
  changes: DocChanges;
}

export class SharedDoc {
  #doc: Y.Doc;
  #capture: Capture | null = null;
  #clientIdStored = false;
  /**
   * The doc's encoded size, for its byte budget (safety #12): exact whenever the doc was
   * last encoded (loading, snapshots), otherwise that plus every update since, which is an
   * upper bound kept without encoding the whole doc on each command.
   */
  #bytes = 0;
  #bytesExact = false;
  #stored: Stored | null = null;

  constructor(private readonly store: RoomStorage) {
    this.#doc = this.#load();
  }

  get doc(): Y.Doc {
    return this.#doc;
  }

  /** Runs `fn` as one transaction and reports what it changed. Exceptions propagate: call `rebuild` then. */
  change<T>(fn: (doc: Y.Doc) => T): Changed<T> {
    this.#storeClientId();
    const capture: Capture = { updates: [], changes: new Map() };
    this.#capture = capture;
    try {
      const value = this.#doc.transact(() => fn(this.#doc));
      const update = capture.updates.length > 0 ? mergeUpdates(capture.updates) : null;
      if (update) {
        this.#bytes += update.byteLength;
        this.#bytesExact = false;
        this.#keepStored(update);
      }
      return { value, update, changes: capture.changes };
    } finally {
      this.#capture = null;
    }
  }

  /** Forgets in-memory changes and reloads from storage. */
  rebuild(): void {
    this.#doc.destroy();
    this.#doc = this.#load();
  }

  /**
   * The doc's whole state as the snapshot and the merged updates since (either may be null),
   * for a reader from nothing; null when the room must encode the doc instead.
   */
  storedState(): { snapshot: Uint8Array | null; since: Uint8Array | null } | null {
    const stored = this.#stored;
    if (!stored) return null;
    if (stored.updates.length > 0) stored.merged ??= mergeUpdates(stored.updates);
    if (!stored.snapshot && !stored.merged) return null;
    return { snapshot: stored.snapshot, since: stored.merged };
  }

  /** A snapshot of the doc as it is now was written: it is the stored state from now on. */
  snapshotted(state: Uint8Array): void {
    this.#stored = { snapshot: state, updates: [], bytes: 0, merged: null };
  }

  /**
   * What storage holds may hold what must go (a command in {@link TAKES_BACK_WORDS}): readers from
   * nothing get the doc encoded (Yjs garbage-collects deleted content) until the next snapshot.
   */
  forgetStored(): void {
    this.#stored = null;
  }

  #keepStored(update: Uint8Array): void {
    const stored = this.#stored;
    if (!stored) return;
    stored.updates.push(update);
    stored.bytes += update.byteLength;
    stored.merged = null;
    if (stored.bytes > STORED_UPDATES_MAX_BYTES) this.#stored = null;
  }

  encodeState(): Uint8Array {
    const state = Y.encodeStateAsUpdate(this.#doc);
    this.#bytes = state.byteLength;
    this.#bytesExact = true;
    return state;
  }

  /**
   * Whether the doc holds at least `budget` bytes. Cheap while the running count is below
   * it; at the budget the doc is measured exactly, once per change (content removed or
   * moved out of the live doc since the last measure counts as freed).
   */
  holdsAtLeast(budget: number): boolean {
    if (this.#bytes < budget) return false;
    if (!this.#bytesExact) this.encodeState();
    return this.#bytes >= budget;
  }

  /**
   * The room writes as one Yjs client across restarts: only one instance of a Durable
   * Object runs at a time and its clock continues from the logged state, so reusing
   * the id is safe, and the state vector does not grow by an entry per wake.
   */
  #clientId(): number {
    const stored = Number(this.store.getMeta("doc_client_id"));
    this.#clientIdStored = Number.isInteger(stored) && stored > 0;
    if (this.#clientIdStored) return stored;
    return crypto.getRandomValues(new Uint32Array(1))[0]! || 1;
  }

  /** Stored with the first change, not before: an erased room keeps nothing until it is used again. */
  #storeClientId(): void {
    if (this.#clientIdStored) return;
    this.store.setMeta("doc_client_id", String(this.#doc.clientID));
    this.#clientIdStored = true;
  }

  /**
   * The latest snapshot, then every logged update after it merged into one. The snapshot
   * is applied on its own: merging it with the small updates would decode and re-encode
   * the whole doc once more, the biggest part of a large room's wake-up.
   */
  #load(): Y.Doc {
    const doc = new Y.Doc();
    const snapshot = this.store.latestSnapshot();
    const updates = this.store.updatesAfter(snapshot?.seq ?? 0);
    const since = updates.length > 0 ? mergeUpdates(updates) : null;
    doc.transact(() => {
      if (snapshot) Y.applyUpdate(doc, snapshot.state);
      if (since) Y.applyUpdate(doc, since);
    });
    // What was loaded bounds the doc's size; measured exactly only if the budget is near.
    const updateBytes = updates.reduce((sum, u) => sum + u.byteLength, 0);
    this.#bytes = (snapshot?.state.byteLength ?? 0) + updateBytes;
    // The stored bytes are sent as they are only if they hold nothing the doc has forgotten:
    // words taken back since the snapshot (a withdrawal whose compaction failed, a deleted or
    // rewritten card, a changed name) are still in them, as the content of deleted items.
    const uncompacted = this.store.loggedAfter(snapshot?.seq ?? 0, TAKES_BACK_WORDS);
    this.#stored =
      updateBytes <= STORED_UPDATES_MAX_BYTES && !uncompacted
        ? { snapshot: snapshot?.state ?? null, updates, bytes: updateBytes, merged: since }
        : null;
    this.#bytesExact = false;
    // Set after loading: Yjs gives a doc a new id when a loaded update carries its own.
    doc.clientID = this.#clientId();
    doc.on("update", (update: Uint8Array) => this.#capture?.updates.push(update));
    doc.on("afterTransaction", (tr: Y.Transaction) => this.#captureChanges(doc, tr));
    return doc;
  }

  #captureChanges(doc: Y.Doc, tr: Y.Transaction): void {
    const capture = this.#capture;
    if (!capture) return;
    for (const [name, type] of doc.share) {
      const keys = tr.changed.get(type);
      if (!keys) continue;
      const set = capture.changes.get(name) ?? new Set<string>();
      for (const key of keys) if (key !== null) set.add(key);
      capture.changes.set(name, set);
    }
  }
}

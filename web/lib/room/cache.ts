/**
 * The room's doc cached on the phone, so a reload shows the map at once, before the
 * socket is up (and while offline). Only what everyone in the room may see is in the
 * doc, so caching it reveals nothing private.
 *
 * In IndexedDB (through idb-keyval), as bytes: localStorage holds a few MB of strings per
 * site in all, and a 1 MB doc as base64 is 1.3 MB of it (issue #17). Docs cached by older
 * versions in localStorage are moved over once and their keys removed.
 *
 * Saved as a log, not re-encoded: encoding a whole 800-card doc takes a throttled phone
 * over 50 ms, a long task every save while cards arrive. So the updates the room sends are
 * kept as they came (large ones, like the first sync, as segments; small ones merged per
 * save into the log), and the doc is encoded whole ("compacted") only when the log is long:
 * on load, or in an idle moment.
 */

import { createStore, delMany, getMany, setMany, type UseStore, update } from "idb-keyval";
import { fromBase64 } from "lib0/buffer";
import * as v from "valibot";
import * as Y from "yjs";
import { type KeyValueStore, readJson } from "../storage";

const SAVE_EVERY_MS = 2000;
/** Docs kept per device: enough for a day of workshops, small enough for the storage quota. */
const KEEP_DOCS = 3;
/** An update this big (the first sync, a catch-up) is stored on its own, not merged into the log. */
const SEGMENT_BYTES = 32 * 1024;
/** Compact when loading a doc stored in more pieces than this... */
const COMPACT_ON_LOAD = 40;
/** ...and, while running, when the log grows past this (at 1 save per 2 s, an hour of a busy room). */
const COMPACT_WHILE_RUNNING = 1800;
const RECENT_KEY = "recent";
const Recent = v.array(v.string());
const Pieces = v.array(v.instance(Uint8Array));

/** Where cached docs live: IndexedDB in the browser, memory in tests or when IndexedDB is refused. */
export interface DocStore {
  /** The updates that make up the cached doc, in order (empty when there is none). */
  read(workshopId: string): Promise<Uint8Array[]>;
  /**
   * Adds an update after what is stored (a "segment" for large ones, else to the log), and
   * remembers the doc as recently used, forgetting the oldest beyond the few kept.
   * Resolves how many entries the log now has.
   */
  append(workshopId: string, update: Uint8Array, kind: "segment" | "log"): Promise<number>;
  /** Replaces everything stored for the doc with one encoded state. */
  replace(workshopId: string, state: Uint8Array): Promise<void>;
  remove(workshopId: string): Promise<void>;
}

const segmentsKey = (workshopId: string): string => `doc:${workshopId}`;
const logKey = (workshopId: string): string => `log:${workshopId}`;
const pieces = (value: unknown): Uint8Array[] => (v.is(Pieces, value) ? value : []);

export function indexedDbDocs(name = "coproduce"): DocStore {
  let store: UseStore | null = null;
  // Opened on first use: a page that never caches a doc never creates the database.
  const db = (): UseStore => (store ??= createStore(name, "docs"));
  const touch = async (workshopId: string, keep: boolean): Promise<void> => {
    let dropped: string[] = [];
    await update<unknown>(
      RECENT_KEY,
      (old) => {
        const others = (v.is(Recent, old) ? old : []).filter((id) => id !== workshopId);
        const ids = keep ? [workshopId, ...others] : others;
        dropped = ids.slice(KEEP_DOCS);
        return ids.slice(0, KEEP_DOCS);
      },
      db(),
    );
    if (dropped.length > 0)
      await delMany(
        dropped.flatMap((id) => [segmentsKey(id), logKey(id)]),
        db(),
      );
  };
  return {
    async read(workshopId) {
      const [segments, log] = await getMany<unknown>([segmentsKey(workshopId), logKey(workshopId)], db());
      return [...pieces(segments), ...pieces(log)];
    },
    async append(workshopId, piece, kind) {
      let entries = 0;
      const key = kind === "segment" ? segmentsKey(workshopId) : logKey(workshopId);
      await update<unknown>(
        key,
        (old) => {
          const list = [...pieces(old), piece];
          entries = list.length;
          return list;
        },
        db(),
      );
      await touch(workshopId, true);
      return kind === "log" ? entries : 0;
    },
    async replace(workshopId, state) {
      await setMany(
        [
          [segmentsKey(workshopId), [state]],
          [logKey(workshopId), []],
        ],
        db(),
      );
      await touch(workshopId, true);
    },
    async remove(workshopId) {
      await delMany([segmentsKey(workshopId), logKey(workshopId)], db());
      await touch(workshopId, false);
    },
  };
}

export function memoryDocs(): DocStore & { readonly size: number } {
  const docs = new Map<string, { segments: Uint8Array[]; log: Uint8Array[] }>();
  const touch = (workshopId: string): { segments: Uint8Array[]; log: Uint8Array[] } => {
    const doc = docs.get(workshopId) ?? { segments: [], log: [] };
    docs.delete(workshopId);
    docs.set(workshopId, doc);
    for (const old of [...docs.keys()].slice(0, Math.max(0, docs.size - KEEP_DOCS))) docs.delete(old);
    return doc;
  };
  return {
    get size() {
      return docs.size;
    },
    read: async (workshopId) => {
      const doc = docs.get(workshopId);
      return doc ? [...doc.segments, ...doc.log] : [];
    },
    append: async (workshopId, piece, kind) => {
      const doc = touch(workshopId);
      (kind === "segment" ? doc.segments : doc.log).push(piece);
      return kind === "log" ? doc.log.length : 0;
    },
    replace: async (workshopId, state) => {
      const doc = touch(workshopId);
      doc.segments = [state];
      doc.log = [];
    },
    remove: async (workshopId) => {
      docs.delete(workshopId);
    },
  };
}

/** The browser's IndexedDB store, or memory where there is none (old WebViews, some private modes). */
export function defaultDocStore(): DocStore {
  return typeof indexedDB === "undefined" ? memoryDocs() : indexedDbDocs();
}

// ---- docs cached in localStorage by earlier versions ------------------------------------

const LEGACY_INDEX_KEY = "coproduce:docs";
export function legacyDocKey(workshopId: string): string {
  return `coproduce:doc:${workshopId}`;
}

/**
 * Takes this workshop's doc out of localStorage, where earlier versions kept it, and
 * removes every doc they kept there (they crowd out the pending-command store).
 */
export function takeLegacyDoc(store: KeyValueStore, workshopId: string): Uint8Array | null {
  const raw = store.getItem(legacyDocKey(workshopId));
  for (const id of [workshopId, ...(readJson(store, LEGACY_INDEX_KEY, v.array(v.string())) ?? [])]) {
    store.removeItem(legacyDocKey(id));
  }
  store.removeItem(LEGACY_INDEX_KEY);
  if (!raw) return null;
  try {
    return fromBase64(raw);
  } catch {
    return null; // Not base64: nothing worth moving.
  }
}

export class DocCache {
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Updates made to the doc since the last save, in order. */
  private unsaved: Uint8Array[] = [];
  private compacting = false;

  constructor(
    private readonly docs: DocStore,
    private readonly workshopId: string,
    private doc: Y.Doc,
    /** localStorage, to move a doc cached there by an earlier version */
    private readonly legacy: KeyValueStore | null = null,
  ) {}

  /**
   * Applies the cached state to the doc; resolves whether there was one. A broken cache
   * is dropped, and a store that cannot be read counts as empty (the room sends it all).
   */
  async load(): Promise<boolean> {
    const legacy = this.legacy ? takeLegacyDoc(this.legacy, this.workshopId) : null;
    let stored: Uint8Array[] = [];
    try {
      stored = await this.docs.read(this.workshopId);
    } catch {
      // IndexedDB refused (private mode, storage disabled): start empty, sync from the room.
    }
    if (stored.length === 0 && legacy) {
      stored = [legacy];
      this.record(legacy);
    }
    if (stored.length === 0) return false;
    try {
      // One transaction: the page re-reads the doc once, not once per stored piece.
      this.doc.transact(() => {
        for (const piece of stored) Y.applyUpdate(this.doc, piece, "cache");
      }, "cache");
    } catch {
      await this.clear();
      return false;
    }
    if (stored.length > COMPACT_ON_LOAD) await this.compact();
    return true;
  }

  /** Follow a replacement doc (after the room told us our cache was stale). */
  use(doc: Y.Doc): void {
    this.doc = doc;
    this.unsaved = [];
  }

  /** An update the doc just took (not one the cache applied): saved on the next save. */
  record(update: Uint8Array): void {
    this.unsaved.push(update);
    this.schedule();
  }

  /** Save soon; repeated calls within the window share one save. */
  schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.saveNow();
    }, SAVE_EVERY_MS);
  }

  async saveNow(): Promise<void> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const updates = this.unsaved;
    this.unsaved = [];
    if (updates.length === 0) return;
    const large = updates.filter((u) => u.byteLength >= SEGMENT_BYTES);
    const small = updates.filter((u) => u.byteLength < SEGMENT_BYTES);
    try {
      // Order across the two kinds does not matter: Yjs applies updates in any order.
      for (const segment of large) await this.docs.append(this.workshopId, segment, "segment");
      if (small.length > 0) {
        const merged = small.length === 1 ? small[0]! : Y.mergeUpdates(small);
        const entries = await this.docs.append(this.workshopId, merged, "log");
        if (entries > COMPACT_WHILE_RUNNING) this.compactWhenIdle();
      }
    } catch {
      // Quota full or storage refused: the phone works without a cache, it only reloads slower.
    }
  }

  async clear(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.unsaved = [];
    try {
      await this.docs.remove(this.workshopId);
    } catch {
      // Nothing to remove from a store we cannot reach.
    }
  }

  /** Stores the doc as one encoded state instead of its pieces. */
  private async compact(): Promise<void> {
    if (this.compacting) return;
    this.compacting = true;
    try {
      // Everything unsaved is in the encoded state; what arrives while it is written is recorded anew.
      this.unsaved = [];
      await this.docs.replace(this.workshopId, Y.encodeStateAsUpdate(this.doc));
    } catch {
      // As in saveNow: no cache is a slower reload, not a broken one.
    } finally {
      this.compacting = false;
    }
  }

  private compactWhenIdle(): void {
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void })
      .requestIdleCallback;
    if (idle) idle(() => void this.compact(), { timeout: 30_000 });
    else setTimeout(() => void this.compact(), 0);
  }
}

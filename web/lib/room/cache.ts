/**
 * The room's doc cached on the phone, so a reload shows the map at once, before the
 * socket is up (and while offline). Only what everyone in the room may see is in the
 * doc, so caching it reveals nothing private.
 *
 * In IndexedDB (through idb-keyval), as bytes: localStorage holds a few MB of strings per
 * site in all, and a 1 MB doc as base64 is 1.3 MB of it (issue #17). Saves are throttled: a
 * busy room changes many times a second and encoding the whole doc is not free. Docs cached
 * by older versions in localStorage are moved over once and their keys removed.
 */

import { createStore, del, delMany, get, set, type UseStore, update } from "idb-keyval";
import { fromBase64 } from "lib0/buffer";
import * as v from "valibot";
import * as Y from "yjs";
import { type KeyValueStore, readJson } from "../storage";

const SAVE_EVERY_MS = 2000;
/** Docs kept per device: enough for a day of workshops, small enough for the storage quota. */
const KEEP_DOCS = 3;
const RECENT_KEY = "recent";
const Recent = v.array(v.string());

/** Where cached docs live: IndexedDB in the browser, memory in tests or when IndexedDB is refused. */
export interface DocStore {
  get(workshopId: string): Promise<Uint8Array | null>;
  /** Saves `state` and forgets the oldest docs beyond the few kept. */
  put(workshopId: string, state: Uint8Array): Promise<void>;
  remove(workshopId: string): Promise<void>;
}

const docKey = (workshopId: string): string => `doc:${workshopId}`;

export function indexedDbDocs(name = "coproduce"): DocStore {
  let store: UseStore | null = null;
  // Opened on first use: a page that never caches a doc never creates the database.
  const db = (): UseStore => (store ??= createStore(name, "docs"));
  const recent = async (change: (ids: string[]) => string[]): Promise<string[]> => {
    let dropped: string[] = [];
    await update<unknown>(
      RECENT_KEY,
      (old) => {
        const ids = change(v.is(Recent, old) ? old : []);
        dropped = ids.slice(KEEP_DOCS);
        return ids.slice(0, KEEP_DOCS);
      },
      db(),
    );
    return dropped;
  };
  return {
    async get(workshopId) {
      const value = await get<unknown>(docKey(workshopId), db());
      return value instanceof Uint8Array ? value : null;
    },
    async put(workshopId, state) {
      await set(docKey(workshopId), state, db());
      const dropped = await recent((ids) => [workshopId, ...ids.filter((id) => id !== workshopId)]);
      if (dropped.length > 0) await delMany(dropped.map(docKey), db());
    },
    async remove(workshopId) {
      await del(docKey(workshopId), db());
      await recent((ids) => ids.filter((id) => id !== workshopId));
    },
  };
}

export function memoryDocs(): DocStore & { readonly size: number } {
  const docs = new Map<string, Uint8Array>();
  return {
    get size() {
      return docs.size;
    },
    get: async (workshopId) => docs.get(workshopId) ?? null,
    put: async (workshopId, state) => {
      docs.delete(workshopId);
      docs.set(workshopId, state);
      for (const old of [...docs.keys()].slice(0, Math.max(0, docs.size - KEEP_DOCS))) docs.delete(old);
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
    let state: Uint8Array | null = null;
    try {
      state = await this.docs.get(this.workshopId);
    } catch {
      // IndexedDB refused (private mode, storage disabled): start empty, sync from the room.
    }
    state ??= legacy;
    if (!state) return false;
    try {
      Y.applyUpdate(this.doc, state, "cache");
      if (state === legacy) this.schedule();
      return true;
    } catch {
      void this.clear();
      return false;
    }
  }

  /** Follow a replacement doc (after the room told us our cache was stale). */
  use(doc: Y.Doc): void {
    this.doc = doc;
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
    try {
      await this.docs.put(this.workshopId, Y.encodeStateAsUpdate(this.doc));
    } catch {
      // Quota full or storage refused: the phone works without a cache, it only reloads slower.
    }
  }

  async clear(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    try {
      await this.docs.remove(this.workshopId);
    } catch {
      // Nothing to remove from a store we cannot reach.
    }
  }
}

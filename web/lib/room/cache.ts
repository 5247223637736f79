/**
 * The room's doc cached on the phone, so a reload shows the map at once, before the
 * socket is up (and while offline). Only what everyone in the room may see is in the
 * doc, so caching it reveals nothing private. Saves are throttled: a busy room
 * changes many times a second and encoding the whole doc is not free.
 */
import { fromBase64, toBase64 } from "lib0/buffer";
import * as v from "valibot";
import * as Y from "yjs";
import { type KeyValueStore, readJson, writeJson } from "../storage";

const SAVE_EVERY_MS = 2000;
/** Docs kept per device: enough for a day of workshops, small enough for the storage quota. */
const KEEP_DOCS = 3;
const INDEX_KEY = "coproduce:docs";
const DocIndex = v.array(v.string());

/** Remembers `workshopId` as the most recent cached doc and drops the oldest beyond KEEP_DOCS. */
function touch(store: KeyValueStore, workshopId: string): void {
  const recent = [workshopId, ...(readJson(store, INDEX_KEY, DocIndex) ?? []).filter((id) => id !== workshopId)];
  for (const old of recent.slice(KEEP_DOCS)) store.removeItem(docCacheKey(old));
  writeJson(store, INDEX_KEY, recent.slice(0, KEEP_DOCS));
}

export function docCacheKey(workshopId: string): string {
  return `coproduce:doc:${workshopId}`;
}

/** Applies the cached state to `doc`; returns whether there was one. A broken cache is dropped. */
export function loadCachedDoc(store: KeyValueStore, workshopId: string, doc: Y.Doc): boolean {
  const raw = store.getItem(docCacheKey(workshopId));
  if (!raw) return false;
  try {
    Y.applyUpdate(doc, fromBase64(raw), "cache");
    return true;
  } catch {
    store.removeItem(docCacheKey(workshopId));
    return false;
  }
}

export class DocCache {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly store: KeyValueStore,
    private readonly workshopId: string,
    private doc: Y.Doc,
  ) {}

  /** Follow a replacement doc (after the room told us our cache was stale). */
  use(doc: Y.Doc): void {
    this.doc = doc;
  }

  /** Save soon; repeated calls within the window share one save. */
  schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.saveNow();
    }, SAVE_EVERY_MS);
  }

  saveNow(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    touch(this.store, this.workshopId);
    this.store.setItem(docCacheKey(this.workshopId), toBase64(Y.encodeStateAsUpdate(this.doc)));
  }

  clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.store.removeItem(docCacheKey(this.workshopId));
  }
}

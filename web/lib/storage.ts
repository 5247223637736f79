/**
 * Browser storage that never throws: private browsing, full quotas and disabled
 * storage must degrade to "remember nothing", not break the page.
 */
import * as v from "valibot";

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** An in-memory store: the fallback when the browser refuses storage, and the tests' store. */
export function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      data.set(key, value);
    },
    removeItem: (key) => {
      data.delete(key);
    },
  };
}

function guarded(get: () => Storage): KeyValueStore {
  const fallback = memoryStore();
  const store = (): KeyValueStore => {
    try {
      return get();
    } catch {
      // Storage is disabled (e.g. cookies blocked): remember for this page only.
      return fallback;
    }
  };
  return {
    getItem: (key) => {
      try {
        return store().getItem(key);
      } catch {
        return fallback.getItem(key);
      }
    },
    setItem: (key, value) => {
      try {
        store().setItem(key, value);
      } catch {
        // Quota exceeded or storage disabled: keep it in memory so this page still works.
        fallback.setItem(key, value);
      }
    },
    removeItem: (key) => {
      try {
        store().removeItem(key);
      } catch {
        // Nothing to remove from a store we cannot reach.
      }
      fallback.removeItem(key);
    },
  };
}

export const local: KeyValueStore = guarded(() => globalThis.localStorage);
export const session: KeyValueStore = guarded(() => globalThis.sessionStorage);

/** Reads a JSON value, validated; anything unreadable counts as absent. */
export function readJson<T>(store: KeyValueStore, key: string, schema: v.GenericSchema<unknown, T>): T | null {
  const raw = store.getItem(key);
  if (raw === null) return null;
  try {
    const parsed = v.safeParse(schema, JSON.parse(raw));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

export function writeJson(store: KeyValueStore, key: string, value: unknown): void {
  store.setItem(key, JSON.stringify(value));
}

// ---- participant credentials ------------------------------------------------------

export const KEY_PREFIX = "coproduce:";

const ParticipantCredentials = v.object({
  token: v.pipe(v.string(), v.minLength(1)),
  participantId: v.pipe(v.string(), v.minLength(1)),
  /** the workshop's title when joined, to list "your workshops on this phone" */
  title: v.optional(v.string()),
});
export type ParticipantCredentials = v.InferOutput<typeof ParticipantCredentials>;

/** Kept in localStorage per workshop, so a reload or a new tab rejoins as the same person. */
export function saveParticipant(workshopId: string, creds: ParticipantCredentials, store: KeyValueStore = local): void {
  writeJson(store, `${KEY_PREFIX}participant:${workshopId}`, creds);
}

export function loadParticipant(workshopId: string, store: KeyValueStore = local): ParticipantCredentials | null {
  return readJson(store, `${KEY_PREFIX}participant:${workshopId}`, ParticipantCredentials);
}

/** Workshops this phone has joined (newest storage order is not guaranteed; sorted by title). */
export function listParticipations(): { workshopId: string; title: string }[] {
  const prefix = `${KEY_PREFIX}participant:`;
  const found: { workshopId: string; title: string }[] = [];
  try {
    const storage = globalThis.localStorage;
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(prefix)) continue;
      const workshopId = key.slice(prefix.length);
      const creds = loadParticipant(workshopId);
      if (creds) found.push({ workshopId, title: creds.title ?? workshopId });
    }
  } catch {
    // Storage unavailable: nothing remembered.
  }
  return found.sort((a, b) => a.title.localeCompare(b.title));
}

export function forgetParticipant(workshopId: string, store: KeyValueStore = local): void {
  store.removeItem(`${KEY_PREFIX}participant:${workshopId}`);
}

/**
 * Co-delivery (#15): what this phone raised, supported or voted for in a workshop, kept by join
 * code for the follow-up page's "Yours" (web/components/participant/AfterClose.tsx).
 */
export function mineKey(joinCode: string): string {
  return `${KEY_PREFIX}mine:${joinCode}`;
}

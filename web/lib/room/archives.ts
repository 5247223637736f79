/**
 * A room with its closed activities' cards, comments and links put back: they left the live
 * doc when their activity closed (docs/performance.md) and are fetched from the room's archive
 * (`GET /api/workshops/:id/activities/:activityId/archive`), again whenever the doc says an
 * archive changed (`rev`). Kept out of `room.ts`, so a phone's first load does not carry it:
 * consoles wrap their room with `withArchives(room, "all")`; a phone's map asks for one
 * activity when it shows it.
 */
import { type Accessor, createEffect, createMemo, createSignal, onCleanup } from "solid-js";
import type { ArchivedActivity, ArchivedEntry } from "../../../party/model/archive";
import { roots } from "../../../party/model/doc";
import type { Room } from "../room";

type Fetched = Record<string, ArchivedActivity & { rev: number }>;

export interface ArchivedRoom extends Room {
  /** closed activities whose entries left the live doc, with what each holds */
  archived: Accessor<Record<string, ArchivedEntry>>;
  /** fetches a closed activity's entries into cards, comments and links (again when they change) */
  loadArchive(activityId: string): void;
}

/**
 * A phone's map (perf #17): the entries of one closed activity, fetched while the doc says it
 * is archived and again when its `rev` moves on; null while it is not (or not fetched yet).
 * Leaner than `withArchives`, which consoles use: a phone's bytes are counted.
 *
 * Only the latest answer counts: one that arrives after a newer ask, after the activity
 * reopened or after the map moved to another activity is stale and dropped. A reopened
 * activity leaves the archive, and closing it again starts its `rev` at 1 again
 * (party/archive.ts), so what was fetched before it reopened is forgotten then.
 */
export function archivedEntries(room: Room, activityId: () => string): Accessor<ArchivedActivity | null> {
  const [got, setGot] = createSignal<ArchivedActivity | null>(null);
  createEffect(() => {
    const map = roots(room.doc()).archived;
    const id = activityId();
    let rev = -1;
    let asked = 0;
    const read = (): void => {
      const entry = map.get(id);
      if (!entry) {
        rev = -1;
        asked += 1;
        return void setGot(null);
      }
      if (entry.rev === rev) return;
      rev = entry.rev;
      const ask = ++asked;
      import("./archive")
        .then((m) => m.fetchArchive(room.workshopId, room.token, id))
        .then(
          (fetched) => {
            if (ask === asked) setGot(fetched);
          },
          () => {
            // Offline or refused: the map shows what the live doc has; the next change asks again.
            if (ask === asked) rev = -1;
          },
        );
    };
    map.observe(read);
    read();
    onCleanup(() => {
      asked += 1;
      map.unobserve(read);
    });
  });
  return got;
}

/** Call inside a component (it follows the doc and cleans up with it). */
export function withArchives(room: Room, mode: "all" | "on-demand"): ArchivedRoom {
  const [archived, setArchived] = createSignal<Record<string, ArchivedEntry>>({});
  const [fetched, setFetched] = createSignal<Fetched>({});
  const asking = new Set<string>();

  createEffect(() => {
    const map = roots(room.doc()).archived;
    const read = (): void => {
      const now = map.toJSON() as Record<string, ArchivedEntry>;
      setArchived(now);
      // A reopened activity's entries are back in the live doc, and closing it again starts its
      // `rev` at 1 again: what was fetched before is forgotten, or it would pass for the new.
      setFetched((all) => {
        const kept = Object.entries(all).filter(([id]) => now[id]);
        return kept.length === Object.keys(all).length ? all : Object.fromEntries(kept);
      });
    };
    map.observe(read);
    read();
    onCleanup(() => map.unobserve(read));
  });

  const loadArchive = (activityId: string): void => {
    const entry = archived()[activityId];
    const key = `${activityId}@${entry?.rev}`;
    if (!entry || fetched()[activityId]?.rev === entry.rev || asking.has(key)) return;
    asking.add(key);
    import("./archive")
      .then((m) => m.fetchArchive(room.workshopId, room.token, activityId))
      .then((got) => {
        // An answer for an archive that has moved on (or left) meanwhile is stale.
        if (archived()[activityId]?.rev !== entry.rev) return;
        setFetched((all) => ({ ...all, [activityId]: { ...got, rev: entry.rev } }));
      })
      .catch((err: unknown) => {
        // Offline or refused: the page shows what the live doc has; the next ask tries again.
        console.warn(`closed activity ${activityId} could not be fetched`, err);
      })
      .finally(() => asking.delete(key));
  };
  if (mode === "all") createEffect(() => Object.keys(archived()).forEach(loadArchive));

  /** A live root with the fetched entries of the activities still archived. */
  const merged = <K extends "cards" | "comments" | "links">(key: K, live: Accessor<ArchivedActivity[K]>) =>
    createMemo(() => {
      let all = live();
      for (const got of Object.values(fetched())) if (archived()[got.activityId]) all = { ...got[key], ...all };
      return all;
    });

  return {
    ...room,
    cards: merged("cards", room.cards),
    comments: merged("comments", room.comments),
    links: merged("links", room.links),
    archived,
    loadArchive,
  };
}

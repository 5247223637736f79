/**
 * A console's room with every closed activity's cards, comments and links put back, fetched from
 * the room's archive (archives.ts says how a phone does it for one map). A file of its own so the
 * phone, which loads archives.ts, does not download this too (issue #17).
 */
import { type Accessor, createEffect, createMemo, createSignal, onCleanup } from "solid-js";
import type { ArchivedActivity, ArchivedEntry } from "../../../party/model/archive";
import { roots } from "../../../party/model/doc";
import type { Room } from "../room";

type Fetched = Record<string, ArchivedActivity & { rev: number }>;

/** Call inside a component (it follows the doc and cleans up with it). */
export function withArchives(room: Room): Room {
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

  /** Fetches a closed activity's entries into cards, comments and links (again when they change). */
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
  createEffect(() => Object.keys(archived()).forEach(loadArchive));

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
  };
}

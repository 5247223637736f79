/**
 * A room with its closed activities' cards, comments and links put back: they left the live
 * doc when their activity closed (docs/performance.md) and are fetched from the room's archive
 * (`GET /api/workshops/:id/activities/:activityId/archive`), again whenever the doc says an
 * archive changed (`rev`). Kept out of `room.ts`, so a phone's first load does not carry it:
 * a phone's map asks for one activity when it shows it; consoles wrap their room with
 * `withArchives(room)` (with-archives.ts, a file of its own so that phones, whose bytes
 * are counted, do not download it with this one).
 */
import { type Accessor, createEffect, createSignal, onCleanup } from "solid-js";
import type { ArchivedActivity } from "../../../party/model/archive";
import { roots } from "../../../party/model/doc";
import type { Room } from "../room";

/**
 * A phone's map (perf #17): the entries of one closed activity, fetched while the doc says it
 * is archived and again when its `rev` moves on; null while it is not (or not fetched yet).
 * Leaner than `withArchives` (with-archives.ts), which consoles use: a phone's bytes are counted.
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

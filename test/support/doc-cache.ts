/** Reading the phone's doc cache from a test or benchmark (shared by test/e2e and test/bench). */
import type { Page } from "playwright-core";

/**
 * Bytes of the doc the phone cached for a workshop in IndexedDB (web/lib/room/cache.ts),
 * 0 when there is none. Checks the database exists first: opening a missing one would
 * create it empty, under the app's feet.
 */
export async function cachedDocBytes(page: Page, workshopId: string): Promise<number> {
  return page.evaluate(async (id) => {
    if (!(await indexedDB.databases()).some((db) => db.name === "coproduce")) return 0;
    return new Promise<number>((resolve) => {
      const open = indexedDB.open("coproduce");
      open.onerror = () => resolve(0);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains("docs")) {
          db.close();
          resolve(0);
          return;
        }
        // Segments and log (web/lib/room/cache.ts): arrays of updates.
        const docs = db.transaction("docs").objectStore("docs");
        const lists = [docs.get(`doc:${id}`), docs.get(`log:${id}`)];
        lists[1]!.onsuccess = () => {
          db.close();
          // No named helper functions in here: the test runner's transform would reference
          // helpers (__name) that do not exist in the page.
          resolve(
            [lists[0]!.result, lists[1]!.result]
              .flatMap((list: unknown) => (Array.isArray(list) ? list : []))
              .reduce((sum: number, piece: unknown) => sum + (piece instanceof Uint8Array ? piece.byteLength : 0), 0),
          );
        };
        lists[1]!.onerror = () => {
          db.close();
          resolve(0);
        };
      };
    });
  }, workshopId);
}

/**
 * Closed activities out of the live doc (docs/performance.md, party/model/archive.ts).
 *
 * When a map closes, its cards, their comments and links move from the Y.Doc into the
 * `archive` table of the room's SQLite, one row per entry holding its JSON exactly as it
 * was; when it reopens they move back, the same ids and the same values. Both moves are part
 * of the command that closed or opened it: the same Yjs update, the same storage transaction.
 *
 * Command handlers never see the difference: they get the doc's roots with the archive behind
 * cards, comments and links (`roots`), so a vote drawing options from a closed map, a harvest,
 * moderating a closed map's card or a withdrawal read and change archived entries as they did
 * doc entries. A command's archive writes are held in an overlay until its log row is written
 * (`commit`, inside the same transaction) or it fails (`discard`).
 */
import type * as Y from "yjs";
import type { DocChanges } from "./mirror";
import type { ArchivedActivity, ArchivedEntry, ArchivedRoot, EntryMap } from "./model/archive";
import { type Card, type Comment, type Link, type Roots, roots } from "./model/doc";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS archive (
  root TEXT NOT NULL,
  id TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (root, id)
);
`;

interface Row {
  activityId: string;
  value: unknown;
}

type Rows = Map<ArchivedRoot, Map<string, Row>>;

const emptyRows = (): Rows =>
  new Map<ArchivedRoot, Map<string, Row>>([
    ["cards", new Map()],
    ["comments", new Map()],
    ["links", new Map()],
  ]);

export class Archive {
  readonly #sql: SqlStorage;
  /** committed rows, read from storage on first use (a room with nothing archived never reads) */
  #rows: Rows | null = null;
  #empty: boolean;
  /** this command's writes: a row, or null for a deleted one */
  #overlay = new Map<ArchivedRoot, Map<string, Row | null>>();
  /** the archived entries the handler itself changed (moves between doc and archive are not changes) */
  #touched: DocChanges = new Map();

  constructor(sql: SqlStorage) {
    this.#sql = sql;
    this.createTables();
    this.#empty = sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM archive").one().n === 0;
  }

  createTables(): void {
    this.#sql.exec(SCHEMA);
  }

  // ---- one command ------------------------------------------------------------------
  // Every command ends in `commit`, `discard` or `reload`, and each forgets what the command
  // held, so the next one starts with nothing held.

  /** The command failed, was refused or changed nothing: its writes are forgotten. */
  discard(): void {
    this.#overlay.clear();
    this.#touched = new Map();
  }

  /** Whether this command changed the archive. */
  get dirty(): boolean {
    for (const rows of this.#overlay.values()) if (rows.size > 0) return true;
    return false;
  }

  /** The archived entries the command's handler changed, by root, for the D1 mirror. */
  touched(): DocChanges {
    return this.#touched;
  }

  #touch(root: ArchivedRoot, id: string): void {
    const ids = this.#touched.get(root) ?? new Set<string>();
    ids.add(id);
    this.#touched.set(root, ids);
  }

  /** Writes the command's archive changes. Call inside the command's storage transaction, last. */
  commit(): void {
    const committed = this.#committed();
    for (const [root, rows] of this.#overlay) {
      for (const [id, row] of rows) {
        if (row) {
          this.#sql.exec(
            "INSERT INTO archive (root, id, activity_id, value) VALUES (?, ?, ?, ?) ON CONFLICT(root, id) DO UPDATE SET activity_id = excluded.activity_id, value = excluded.value",
            root,
            id,
            row.activityId,
            JSON.stringify(row.value),
          );
          committed.get(root)?.set(id, row);
        } else {
          this.#sql.exec("DELETE FROM archive WHERE root = ? AND id = ?", root, id);
          committed.get(root)?.delete(id);
        }
      }
    }
    if (this.dirty) this.#empty = false;
    this.discard();
  }

  /** A storage transaction failed after `commit` ran, or storage was erased: read it again. */
  reload(): void {
    this.#rows = null;
    this.discard();
    this.#empty = this.#sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM archive").one().n === 0;
  }

  // ---- reading -------------------------------------------------------------------------

  #committed(): Rows {
    if (this.#rows) return this.#rows;
    const rows = emptyRows();
    if (!this.#empty) {
      const cursor = this.#sql.exec<{ root: string; id: string; activity_id: string; value: string }>(
        "SELECT root, id, activity_id, value FROM archive",
      );
      for (const row of cursor) {
        rows.get(row.root as ArchivedRoot)?.set(row.id, { activityId: row.activity_id, value: JSON.parse(row.value) });
      }
    }
    this.#rows = rows;
    return rows;
  }

  #row(root: ArchivedRoot, id: string): Row | undefined {
    const held = this.#overlay.get(root)?.get(id);
    if (held !== undefined) return held ?? undefined;
    if (this.#empty) return undefined;
    return this.#committed().get(root)?.get(id);
  }

  #put(root: ArchivedRoot, id: string, row: Row | null): void {
    let rows = this.#overlay.get(root);
    if (!rows) {
      rows = new Map();
      this.#overlay.set(root, rows);
    }
    rows.set(id, row);
  }

  /** Every archived entry of a root (this command's writes included), as [id, row]. */
  *#entries(root: ArchivedRoot): IterableIterator<[string, Row]> {
    const held = this.#overlay.get(root);
    if (!this.#empty) {
      for (const [id, row] of this.#committed().get(root) ?? []) if (!held?.has(id)) yield [id, row];
    }
    for (const [id, row] of held ?? []) if (row) yield [id, row];
  }

  /** An archived activity's entries as stored (committed only), for a client that fetches it. */
  activity(activityId: string): ArchivedActivity {
    const pick = <T>(root: ArchivedRoot): Record<string, T> => {
      const out: Record<string, T> = {};
      if (this.#empty) return out;
      for (const [id, row] of this.#committed().get(root) ?? [])
        if (row.activityId === activityId) out[id] = row.value as T;
      return out;
    };
    return {
      activityId,
      cards: pick<Card>("cards"),
      comments: pick<Comment>("comments"),
      links: pick<Link>("links"),
    };
  }

  // ---- the handlers' view ---------------------------------------------------------------

  /** The doc's roots with the archive behind cards, comments and links. */
  roots(doc: Y.Doc): Roots {
    const r = roots(doc);
    return {
      ...r,
      cards: this.#behind<Card>(r.cards, "cards", (card) => card.activityId),
      comments: this.#behind<Comment>(r.comments, "comments"),
      links: this.#behind<Link>(r.links, "links"),
    };
  }

  /**
   * One root: the doc first, then the archive. A write to an archived entry stays archived
   * (the map is still closed); anything else is written to the doc, and `settle` moves it.
   */
  #behind<T>(map: Y.Map<T>, root: ArchivedRoot, activityOf?: (value: T) => string): EntryMap<T> {
    const archive = this;
    return {
      get: (key) => map.get(key) ?? (archive.#row(root, key)?.value as T | undefined),
      has: (key) => map.has(key) || archive.#row(root, key) !== undefined,
      set(key, value) {
        const row = map.has(key) ? undefined : archive.#row(root, key);
        if (!row) {
          map.set(key, value);
          return value;
        }
        archive.#put(root, key, { activityId: activityOf?.(value) ?? row.activityId, value });
        archive.#touch(root, key);
        return value;
      },
      delete(key) {
        if (map.has(key)) map.delete(key);
        else if (archive.#row(root, key)) {
          archive.#put(root, key, null);
          archive.#touch(root, key);
        }
      },
      *values() {
        yield* map.values();
        for (const [id, row] of archive.#entries(root)) if (!map.has(id)) yield row.value as T;
      },
    };
  }

  // ---- moving entries -------------------------------------------------------------------------

  /**
   * After a command's handler, inside a doc transaction of its own: a map that closed leaves the
   * doc, a map that reopened comes back, an entry written into a closed map joins its archive, and
   * every archive that changed moves its `rev` on. `changes` are what the handler changed.
   */
  settle(doc: Y.Doc, changes: DocChanges): void {
    const r = roots(doc);
    const closed = (activityId: string | undefined): boolean =>
      activityId !== undefined && r.activities.get(activityId)?.status === "closed";
    const changedArchives = new Set<string>();
    for (const [root, ids] of this.#touched) {
      for (const id of ids) {
        const activityId =
          this.#overlay.get(root as ArchivedRoot)?.get(id)?.activityId ??
          (this.#empty
            ? undefined
            : this.#committed()
                .get(root as ArchivedRoot)
                ?.get(id)?.activityId);
        if (activityId) changedArchives.add(activityId);
      }
    }

    for (const id of changes.get("activities") ?? []) {
      if (r.archived.has(id) && r.activities.has(id) && !closed(id)) this.#restore(doc, id);
    }
    const leaving = new Set<string>();
    for (const id of changes.get("activities") ?? []) if (closed(id)) leaving.add(id);
    // A harvest or a paper entry into a map that is already closed: the new entry follows its map.
    const activityOfCard = (cardId: string): string | undefined =>
      r.cards.get(cardId)?.activityId ?? this.#row("cards", cardId)?.activityId;
    for (const id of changes.get("cards") ?? []) {
      const activityId = r.cards.get(id)?.activityId;
      if (activityId && closed(activityId)) leaving.add(activityId);
    }
    for (const id of changes.get("comments") ?? []) {
      const comment = r.comments.get(id);
      const activityId = comment ? activityOfCard(comment.cardId) : undefined;
      if (activityId && closed(activityId)) leaving.add(activityId);
    }
    for (const id of changes.get("links") ?? []) {
      const link = r.links.get(id);
      const activityId = link ? activityOfCard(link.from) : undefined;
      if (activityId && closed(activityId)) leaving.add(activityId);
    }
    for (const activityId of leaving) {
      this.#moveOut(doc, activityId);
      changedArchives.add(activityId);
    }
    for (const activityId of changedArchives) {
      if (!closed(activityId)) continue;
      const counts = this.#counts(activityId);
      const rev = (r.archived.get(activityId)?.rev ?? 0) + 1;
      if (counts.cards + counts.comments + counts.links === 0) r.archived.delete(activityId);
      else r.archived.set(activityId, { ...counts, rev } satisfies ArchivedEntry);
    }
  }

  /** Moves a closed map's cards, their comments and links from the doc into the archive. */
  #moveOut(doc: Y.Doc, activityId: string): void {
    const r = roots(doc);
    const cardIds = new Set<string>();
    for (const card of r.cards.values()) if (card.activityId === activityId) cardIds.add(card.id);
    for (const [id, row] of this.#entries("cards")) if (row.activityId === activityId) cardIds.add(id);
    const move = <T>(map: Y.Map<T>, root: ArchivedRoot, belongs: (value: T) => boolean): void => {
      const ids: string[] = [];
      for (const [id, value] of map.entries()) {
        if (!belongs(value)) continue;
        this.#put(root, id, { activityId, value });
        ids.push(id);
      }
      for (const id of ids) map.delete(id);
    };
    move(r.cards, "cards", (card) => card.activityId === activityId);
    move(r.comments, "comments", (comment) => cardIds.has(comment.cardId));
    move(r.links, "links", (link) => cardIds.has(link.from) || cardIds.has(link.to));
  }

  /** Puts a reopened map's archived entries back into the doc, the same ids and values. */
  #restore(doc: Y.Doc, activityId: string): void {
    const r = roots(doc);
    const back = <T>(map: Y.Map<T>, root: ArchivedRoot): void => {
      const rows = [...this.#entries(root)].filter(([, row]) => row.activityId === activityId);
      for (const [id, row] of rows) {
        map.set(id, row.value as T);
        this.#put(root, id, null);
      }
    };
    back(r.cards, "cards");
    back(r.comments, "comments");
    back(r.links, "links");
    r.archived.delete(activityId);
  }

  #counts(activityId: string): Omit<ArchivedEntry, "rev"> {
    const count = (root: ArchivedRoot): number => {
      let n = 0;
      for (const [, row] of this.#entries(root)) if (row.activityId === activityId) n += 1;
      return n;
    };
    return { cards: count("cards"), comments: count("comments"), links: count("links") };
  }
}

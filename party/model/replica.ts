/**
 * What everyone but facilitators, table hosts and screens receive of the room's doc (docs/architecture.md, principle 2;
 * docs/security.md, "Names and ids"): the same Yjs items, with the same ids, so catch-up by
 * state vector, cached docs and deletions work unchanged, but with the values rewritten so a
 * phone's replica holds no participant id and no name unless the workshop shows names.
 *
 * The room's own doc keeps authorship (cards' and comments' `authorId`, supporters' ids, the
 * participants map): the handlers, the D1 mirror, results, balance of voice, harvest and
 * withdrawal read it there. Facilitators, hosts and screens receive that doc as it is (they see
 * who is who: WHO_IS_WHO in party/admission.ts); every other socket receives this redacted replica, and each phone learns privately which
 * cards, comments and supports are its own (`mine`, party/model/mine.ts).
 *
 * How: an update is decoded into its structs, each JSON value is redacted by the root map it
 * belongs to, and the structs are written back in the same (V1) format. A map entry names its
 * key only in the first item written for that key; later items inherit it. The participants
 * map is keyed by participant id, so that key is replaced by one derived from the entry's first
 * Yjs item id (the room's client and clock): stable for every later update, tied to nobody.
 */
import * as Y from "yjs";
import type { ArchivedActivity } from "./archive";
import { type Card, type Comment, type Participant, ROOTS, readWorkshop } from "./doc";

type Struct = Y.Item | Y.GC | Y.Skip;
type DeleteSet = ReturnType<typeof Y.decodeUpdate>["ds"];

/** The participants map's key in a replica: from the first item's id, never the participant id. */
export function replicaKey(id: Y.ID): string {
  return `p${id.client.toString(36)}.${id.clock.toString(36)}`;
}

/**
 * Redacts one value of a root map; `showNames` is the workshop's setting at the time of sending.
 * Also used for a closed activity's archived entries (party/archive.ts), read outside the doc.
 */
export function redactValue(root: string, value: unknown, showNames: boolean): unknown {
  if (value === null || typeof value !== "object") return value;
  switch (root) {
    case ROOTS.cards: {
      const card = value as Card;
      return {
        ...card,
        authorId: "",
        authorName: showNames ? card.authorName : "",
        // A count, kept as an array of blanks so a card has one shape everywhere.
        supports: Array.isArray(card.supports) ? card.supports.map(() => "") : [],
      } satisfies Card;
    }
    case ROOTS.comments: {
      const comment = value as Comment;
      return { ...comment, authorId: "", authorName: showNames ? comment.authorName : "" } satisfies Comment;
    }
    case ROOTS.participants: {
      const p = value as Participant;
      const out: Participant = { id: "", name: "", group: p.group, joinedAt: 0 };
      if (p.removed) out.removed = true;
      if (p.table !== undefined) out.table = p.table;
      if (p.source) out.source = p.source;
      return out;
    }
    default:
      return value;
  }
}

/** What redacting the doc's items needs: each root type's name, and whether names are shown. */
function audienceOf(doc: Y.Doc): { names: Map<unknown, string>; showNames: boolean } {
  const names = new Map<unknown, string>();
  for (const [name, type] of doc.share) names.set(type, name);
  return { names, showNames: readWorkshop(doc).showNames === true };
}

/** One item's values redacted; an item whose root cannot be told is blanked (fail closed). */
function redactValues(root: string | null, values: readonly unknown[], showNames: boolean): unknown[] {
  return values.map((value) => (root === null ? null : redactValue(root, value, showNames)));
}

/**
 * A closed activity's archived entries as the replica would have held them (the archive route,
 * party/room.ts): the same redaction as the live doc's items, with the workshop's setting now.
 */
export function redactArchived(archived: ArchivedActivity, doc: Y.Doc): ArchivedActivity {
  const { showNames } = audienceOf(doc);
  const redact = <T>(root: string, entries: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(entries).map(([id, value]) => [id, redactValue(root, value, showNames) as T]));
  return {
    activityId: archived.activityId,
    cards: redact(ROOTS.cards, archived.cards),
    comments: redact(ROOTS.comments, archived.comments),
    links: archived.links,
  };
}

/** Which root map an item belongs to: named in the item itself, or found in the room's doc. */
function rootOf(item: Y.Item, doc: Y.Doc, names: Map<unknown, string>): string | null {
  if (typeof item.parent === "string") return item.parent;
  try {
    const stored = Y.getItem(doc.store, item.id);
    return stored instanceof Y.Item ? (names.get(stored.parent) ?? null) : null;
  } catch {
    // Not in the room's doc (cannot happen for an update the doc produced): fail closed below.
    return null;
  }
}

/**
 * The replica's version of an update the room's doc produced (or of its whole state).
 * Items whose root cannot be told have their values blanked: fail closed, never open.
 */
export function redactUpdate(update: Uint8Array, doc: Y.Doc): Uint8Array {
  const { names, showNames } = audienceOf(doc);
  const { structs, ds } = Y.decodeUpdate(update) as { structs: Struct[]; ds: DeleteSet };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const root = rootOf(struct, doc, names);
    if (root === ROOTS.participants && struct.parentSub !== null) struct.parentSub = replicaKey(struct.id);
    if (struct.content instanceof Y.ContentAny) {
      const content = struct.content as Y.ContentAny;
      content.arr = redactValues(root, content.arr, showNames);
    }
  }
  return encodeStructs(structs, ds);
}

/** Writes structs and a delete set as a V1 update, as Yjs's own writer does. */
function encodeStructs(structs: readonly Struct[], ds: DeleteSet): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  const runs: Struct[][] = [];
  for (const struct of structs) {
    const last = runs.at(-1);
    if (last && last[0]!.id.client === struct.id.client) last.push(struct);
    else runs.push([struct]);
  }
  encoder.writeLen(runs.length);
  for (const run of runs) {
    encoder.writeLen(run.length);
    encoder.writeClient(run[0]!.id.client);
    encoder.writeLen(run[0]!.id.clock);
    for (const struct of run) struct.write(encoder, 0);
  }
  writeDeleteSet(encoder, ds);
  return encoder.toUint8Array();
}

/** Yjs's delete-set format (V1), as its own writer lays it out. */
function writeDeleteSet(encoder: Y.UpdateEncoderV1, ds: DeleteSet): void {
  const clients = [...ds.clients.entries()].sort((a, b) => b[0] - a[0]);
  encoder.writeLen(clients.length);
  for (const [client, deletes] of clients) {
    encoder.resetDsCurVal();
    encoder.writeLen(client);
    encoder.writeLen(deletes.length);
    for (const d of deletes) {
      encoder.writeDsClock(d.clock);
      encoder.writeDsLen(d.len);
    }
  }
}

/**
 * The replica's state for a phone's catch-up (sync step 2): what `Y.encodeStateAsUpdate(doc,
 * stateVector)` writes, redacted as it is written, straight from the room's doc (no second doc
 * to build on wake or keep in memory). Mirrors Yjs's own writer: clients newest first, each
 * from the first struct the phone lacks, then the whole delete set.
 */
export function encodeReplicaState(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const known = stateVector ? Y.decodeStateVector(stateVector) : new Map<number, number>();
  const { names, showNames } = audienceOf(doc);
  const encoder = new Y.UpdateEncoderV1();
  const clients = [...doc.store.clients.entries()]
    .filter(([client, structs]) => {
      const last = structs.at(-1);
      return last !== undefined && last.id.clock + last.length > (known.get(client) ?? 0);
    })
    .sort((a, b) => b[0] - a[0]);
  encoder.writeLen(clients.length);
  for (const [client, structs] of clients) {
    const clock = Math.max(known.get(client) ?? 0, structs[0]!.id.clock);
    const start = Y.findIndexSS(structs, clock);
    encoder.writeLen(structs.length - start);
    encoder.writeClient(client);
    encoder.writeLen(clock);
    for (let i = start; i < structs.length; i++) {
      const struct = structs[i]!;
      const offset = i === start ? clock - struct.id.clock : 0;
      if (struct instanceof Y.Item) writeRedactedItem(struct, encoder, offset, names, showNames);
      else struct.write(encoder, offset);
    }
  }
  writeDeleteSet(encoder, Y.createDeleteSetFromStructStore(doc.store));
  return encoder.toUint8Array();
}

/**
 * Writes one of the room's own items with its values redacted. The item is the room's: its
 * content and key are swapped for the write and put back at once (synchronously, in `finally`).
 */
function writeRedactedItem(
  item: Y.Item,
  encoder: Y.UpdateEncoderV1,
  offset: number,
  names: Map<unknown, string>,
  showNames: boolean,
): void {
  const root = names.get(item.parent) ?? null;
  const content = item.content;
  const parentSub = item.parentSub;
  try {
    if (root === ROOTS.participants && parentSub !== null) item.parentSub = replicaKey(item.id);
    if (content instanceof Y.ContentAny) item.content = new Y.ContentAny(redactValues(root, content.arr, showNames));
    item.write(encoder, offset);
  } finally {
    item.content = content;
    item.parentSub = parentSub;
  }
}

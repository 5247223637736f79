/**
 * The web app's Yjs without the types our doc never holds (scripts/lib/yjs-maps-only.ts, issue #17).
 * The trimmed module must read every doc the room writes exactly as Yjs does (in order, out of
 * order, merged, from a cache), and refuse loudly the types it no longer carries.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ROOTS } from "../../party/model/doc";
import { yjsMapsOnly } from "../../scripts/lib/yjs-maps-only";
import { facilitator, KINDS, LANES, OPTIONS, person, typicalRoom } from "./support/room";

const ROOT = path.resolve(import.meta.dirname, "../..");
type Yjs = typeof Y;
let Trimmed: Yjs;

beforeAll(async () => {
  // Beside node_modules, so the module's own `lib0/…` imports resolve as in the app.
  const dir = path.join(ROOT, "node_modules/.cache/coproduce-yjs-maps-only");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "yjs.mjs");
  writeFileSync(file, yjsMapsOnly(readFileSync(path.join(ROOT, "node_modules/yjs/dist/yjs.mjs"), "utf8")));
  Trimmed = (await import(/* @vite-ignore */ file)) as Yjs;
});

/** A workshop as the room writes it, with every update it produced along the way. */
function workshopUpdates(): { doc: Y.Doc; updates: Uint8Array[] } {
  const room = typicalRoom();
  const updates: Uint8Array[] = [Y.encodeStateAsUpdate(room.doc)];
  room.doc.on("update", (update: Uint8Array) => updates.push(update));
  const people = ["community", "community", "statutory", "voluntary"].map((g, i) => room.join(person(`p${i}`, g)));
  room.ok(facilitator, "activity.open", { activityId: room.ids.map });
  const cards: string[] = [];
  for (const [i, who] of people.entries()) {
    for (const text of ["Waited eight weeks", "Nobody spoke Somali", "Letters in English only"]) {
      const added = room.ok(who, "card.add", {
        activityId: room.ids.map,
        lane: LANES[0]!.id,
        kind: KINDS[1]!.id,
        text: `${text} ${i}`,
      });
      cards.push(String(added.cardId));
    }
  }
  const [first, second, third] = cards;
  room.ok(people[0]!, "card.edit", { cardId: first, text: "Waited nine weeks — ünïcödé ✓ 🌍" });
  room.ok(people[1]!, "card.support", { cardId: first, on: true });
  room.ok(people[2]!, "comment.add", { cardId: first, text: "Same for us" });
  room.ok(facilitator, "link.add", { from: first, to: second, label: "leads to" });
  room.ok(facilitator, "card.hide", { cardId: third, reason: "Names a nurse" });
  room.ok(people[1]!, "card.delete", { cardId: cards[3] });
  room.ok(facilitator, "activity.close", { activityId: room.ids.map });
  room.ok(facilitator, "activity.open", { activityId: room.ids.vote });
  const [a, b] = OPTIONS.map((o) => o.id);
  for (const who of people)
    room.ok(who, "ballot.submit", { activityId: room.ids.vote, ballot: { allocations: { [a!]: 2, [b!]: 3 } } });
  room.ok(facilitator, "results.reveal", { activityId: room.ids.vote });
  room.ok(facilitator, "room.lock", { locked: true });
  return { doc: room.doc, updates };
}

function content(doc: Y.Doc): Record<string, unknown> {
  return Object.fromEntries(Object.values(ROOTS).map((name) => [name, doc.getMap(name).toJSON()]));
}

describe("Yjs without the types Coproduce's doc never holds", () => {
  it("reads the room's doc exactly as Yjs does: update by update, out of order, merged, and as one state", () => {
    const { doc, updates } = workshopUpdates();
    const want = content(doc);
    expect(Object.keys(want.cards as object).length).toBeGreaterThan(5);
    expect(Object.keys(want.results as object).length).toBeGreaterThan(0);

    const inOrder = new Trimmed.Doc();
    for (const update of updates) Trimmed.applyUpdate(inOrder, update, "room");
    expect(content(inOrder)).toEqual(want);

    // Out of order: the later updates wait as pending structs and deletes (the web build keeps
    // those in the V1 format, Yjs in its V2 format).
    const reversed = new Trimmed.Doc();
    const backwards = [...updates].reverse();
    for (const [i, update] of backwards.entries()) {
      Trimmed.applyUpdate(reversed, update, "room");
      if (i === Math.floor(backwards.length / 2)) {
        // Half way, with updates pending: the doc cache's snapshot (encodeStateAsUpdate) carries
        // them too, and a doc built from it and the rest reads the same.
        expect(reversed.store.pendingStructs ?? reversed.store.pendingDs).not.toBeNull();
        const snapshot = Trimmed.encodeStateAsUpdate(reversed);
        const resumed = new Y.Doc();
        Y.applyUpdate(resumed, snapshot);
        for (const rest of backwards.slice(i + 1)) Y.applyUpdate(resumed, rest);
        expect(content(resumed)).toEqual(want);
        const resumedTrimmed = new Trimmed.Doc();
        Trimmed.applyUpdate(resumedTrimmed, snapshot);
        for (const rest of backwards.slice(i + 1).reverse()) Trimmed.applyUpdate(resumedTrimmed, rest);
        expect(content(resumedTrimmed)).toEqual(want);
        // The snapshot is what Yjs itself would write for the same doc.
        const inYjs = new Y.Doc();
        for (const done of backwards.slice(0, i + 1)) Y.applyUpdate(inYjs, done);
        expect(Y.encodeStateVectorFromUpdate(snapshot)).toEqual(
          Y.encodeStateVectorFromUpdate(Y.encodeStateAsUpdate(inYjs)),
        );
      }
    }
    expect(content(reversed)).toEqual(want);
    expect(reversed.store.pendingStructs).toBeNull();
    expect(reversed.store.pendingDs).toBeNull();

    // The doc cache merges small updates and re-encodes the whole doc (web/lib/room/cache.ts).
    const merged = Trimmed.mergeUpdates(updates.slice(1));
    expect(merged).toEqual(Y.mergeUpdates(updates.slice(1)));
    const fromCache = new Trimmed.Doc();
    Trimmed.applyUpdate(fromCache, updates[0]!);
    Trimmed.applyUpdate(fromCache, merged);
    expect(content(fromCache)).toEqual(want);
    const reencoded = new Y.Doc();
    Y.applyUpdate(reencoded, Trimmed.encodeStateAsUpdate(fromCache));
    expect(content(reencoded)).toEqual(want);

    // Sync: the state vector the phone sends, and what the room answers to it.
    const onlyStart = new Trimmed.Doc();
    Trimmed.applyUpdate(onlyStart, updates[0]!);
    Trimmed.applyUpdate(onlyStart, Y.encodeStateAsUpdate(doc, Trimmed.encodeStateVector(onlyStart)));
    expect(content(onlyStart)).toEqual(want);
    expect(Trimmed.encodeStateVector(onlyStart)).toEqual(Y.encodeStateVector(doc));
  });

  it("tells a web client's observers what changed, as Yjs does", () => {
    const { updates } = workshopUpdates();
    const observe = (Yjs: Yjs) => {
      const doc = new Yjs.Doc();
      const seen: string[] = [];
      doc.getMap("cards").observe((event) => seen.push(...[...event.keysChanged].sort()));
      for (const update of updates) Yjs.applyUpdate(doc, update, "room");
      return seen;
    };
    const seen = observe(Trimmed);
    expect(seen.length).toBeGreaterThan(5);
    expect(seen).toEqual(observe(Y));
  });

  it("refuses an update with a type it does not carry, saying why, instead of misreading it", () => {
    for (const write of [
      (d: Y.Doc) => d.getMap("cards").set("x", new Y.Text("hello")),
      (d: Y.Doc) => d.getMap("cards").set("x", Y.Array.from([1, 2])),
      (d: Y.Doc) => d.getText("notes").insert(0, "hello"),
      (d: Y.Doc) => d.getMap("cards").set("x", new Y.Doc()),
      (d: Y.Doc) => d.getMap("cards").set("x", new Uint8Array([1, 2])),
    ]) {
      const source = new Y.Doc();
      write(source);
      expect(() => Trimmed.applyUpdate(new Trimmed.Doc(), Y.encodeStateAsUpdate(source))).toThrow(
        /not used by Coproduce.s doc|Unexpected content type/,
      );
    }
    expect(() => new Trimmed.Doc().getText("notes")).toThrow(/not used by Coproduce's doc/);
    // A web client only reads the doc: a map's writes are not in the build.
    expect(() => new Trimmed.Doc().getMap("cards").set("x", 1)).toThrow(/not used by Coproduce's doc/);
    expect(() => new Trimmed.Doc().getMap("cards").delete("x")).toThrow(/not used by Coproduce's doc/);
    // No persistence or sync provider: no whenLoaded / whenSynced promises.
    expect(new Trimmed.Doc().whenSynced).toBeUndefined();
    // No deep observers or sub-documents; a root doc still destroys cleanly (the client core does).
    expect(() => new Trimmed.Doc().getMap("cards").observeDeep(() => {})).toThrow(/not used by Coproduce's doc/);
    const destroyed = new Trimmed.Doc();
    let said = false;
    destroyed.on("destroy", () => {
      said = true;
    });
    destroyed.destroy();
    expect(said).toBe(true);
    // Only the V1 update format is in the web build.
    expect(() => Trimmed.applyUpdateV2(new Trimmed.Doc(), Y.encodeStateAsUpdateV2(new Y.Doc()))).toThrow();
    expect(() => Trimmed.encodeStateAsUpdateV2(new Trimmed.Doc())).toThrow(/not used by Coproduce's doc/);
    // Observers re-read the map (web/lib/room.ts); an event's change details are not in the build.
    const doc = new Trimmed.Doc();
    const details: unknown[] = [];
    doc.getMap("cards").observe((event) => {
      for (const read of [() => event.keys, () => event.changes, () => event.delta, () => event.path]) {
        try {
          details.push(read());
        } catch (error) {
          details.push(String(error));
        }
      }
    });
    const source = new Y.Doc();
    source.getMap("cards").set("c1", { text: "hello" });
    Trimmed.applyUpdate(doc, Y.encodeStateAsUpdate(source));
    expect(details).toHaveLength(4);
    for (const detail of details) expect(detail).toMatch(/not used by Coproduce's doc/);
  });

  it("fails the build, not the phone, when Yjs changes under it", () => {
    const source = readFileSync(path.join(ROOT, "node_modules/yjs/dist/yjs.mjs"), "utf8");
    expect(() => yjsMapsOnly(source.replace("readContentEmbed, // 5", "readContentEmbed, // five"))).toThrow(
      /Yjs has changed/,
    );
  });
});

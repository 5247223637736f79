/**
 * Yjs for the web app, without the shared types our doc never holds (issue #17: the phone's
 * whole journey within 60 KB gzip).
 *
 * The room's doc is root Y.Maps of plain JSON values (party/model/doc.ts, `roots`): no Y.Text,
 * Y.Array, XML types, formatting, embeds or sub-documents. Yjs cannot tree-shake those: its
 * decoder looks every type and content kind up in two tables (`typeRefs`, `contentRefs`), and
 * `Doc` has a getter method per type, so all of them ship (~24 KB of the 59 KB Yjs minifies to).
 * This transform replaces the unused table entries and getters with a function that throws,
 * so the bundler drops the code behind them. Everything the phone does is untouched: applying
 * and merging updates (V1, and V2 for pending structs), state vectors, maps, deletes and GC.
 *
 * If the room ever writes one of these types, a web client's `applyUpdate` throws "not used
 * by Coproduce's doc", which `RoomPeer.receive` reports as a corrupt update (resync), and
 * test/unit/yjs-maps-only.test.ts, which applies the room's real doc with this build, fails.
 * Each replacement must match the pinned Yjs exactly: an upgrade that changes them fails the
 * build instead of shipping a half-trimmed copy.
 */
import type { Plugin } from "vite";

/** Yjs's ES module build, as Vite resolves `import * as Y from "yjs"` in the browser. */
export const YJS_MODULE = /[\\/]node_modules[\\/]yjs[\\/]dist[\\/]yjs\.mjs$/;

const UNUSED = "coproduceUnusedYjsPart";

/** [what the pinned Yjs says, what it becomes]. */
const REPLACEMENTS: readonly (readonly [string, string])[] = [
  // The decoder's table of shared types: only YMap (1) is ever read.
  [
    "const typeRefs = [\n  readYArray,\n  readYMap,\n  readYText,\n  readYXmlElement,\n  readYXmlFragment,\n  readYXmlHook,\n  readYXmlText\n];",
    `const ${UNUSED} = () => { throw new Error("Yjs: not used by Coproduce's doc, so not in the web build (scripts/lib/yjs-maps-only.ts)") };\nconst typeRefs = [\n  ${UNUSED},\n  readYMap,\n  ${UNUSED},\n  ${UNUSED},\n  ${UNUSED},\n  ${UNUSED},\n  ${UNUSED}\n];`,
  ],
  // Content kinds of Y.Text and Y.Array (strings, embeds, formatting, the legacy JSON) and
  // sub-documents: map values are written as ContentAny (or ContentType, for nested types).
  ["  readContentJSON, // 2", `  ${UNUSED}, // 2`],
  // Binary map values: the room writes JSON values only.
  ["  readContentBinary, // 3", `  ${UNUSED}, // 3`],
  ["  readContentString, // 4", `  ${UNUSED}, // 4`],
  ["  readContentEmbed, // 5\n  readContentFormat, // 6", `  ${UNUSED}, // 5\n  ${UNUSED}, // 6`],
  ["  readContentDoc, // 9", `  ${UNUSED}, // 9`],
  // Y.Map.set of a sub-document (web clients never write the doc; the room writes JSON values).
  ["      case Doc:\n        content = new ContentDoc(/** @type {Doc} */ (value));\n        break\n", ""],
  // Doc's getters for the other root types.
  ["return /** @type {YArray<T>} */ (this.get(name, YArray))", `return ${UNUSED}()`],
  ["return this.get(name, YText)", `return ${UNUSED}()`],
  ["return /** @type {YXmlElement<{[key:string]:string}>} */ (this.get(name, YXmlElement))", `return ${UNUSED}()`],
  ["return this.get(name, YXmlFragment)", `return ${UNUSED}()`],
  // Nested shared types inside maps (the room writes JSON values only).
  ["  readContentType, // 7", `  ${UNUSED}, // 7`],
  [
    "        if (value instanceof AbstractType) {\n          content = new ContentType(value);\n        } else {\n          throw new Error('Unexpected content type')\n        }",
    "        throw new Error('Unexpected content type')",
  ],
  // Only Y.Text's formatting sets this flag.
  [
    "          if (transaction._needFormattingCleanup) {\n            cleanupYTextAfterTransaction(transaction);\n          }",
    "          // (no Y.Text: nothing to clean up)",
  ],
  // Pending updates (structs and deletes that wait for what they build on) are kept in the V1
  // format, like everything else the web client reads and writes, instead of Yjs's V2: the V2
  // codec (its encoders, decoders and lib0's run-length coders) then leaves the web build.
  // Yjs keeps pending updates to itself (store.pendingStructs, store.pendingDs), so the format
  // is never seen outside; the V2 entry points below throw if anything ever calls them.
  [
    "  if (unappliedDS.clients.size > 0) {\n    const ds = new UpdateEncoderV2();",
    "  if (unappliedDS.clients.size > 0) {\n    const ds = new UpdateEncoderV1();",
  ],
  [
    "  if (restStructs.clients.size > 0) {\n    const encoder = new UpdateEncoderV2();",
    "  if (restStructs.clients.size > 0) {\n    const encoder = new UpdateEncoderV1();",
  ],
  ["structDecoder = new UpdateDecoderV2(decoder)) =>", `structDecoder = ${UNUSED}()) =>`],
  [
    "pending.update = mergeUpdatesV2([pending.update, restStructs.update]);",
    "pending.update = mergeUpdates([pending.update, restStructs.update]);",
  ],
  [
    "const pendingDSUpdate = new UpdateDecoderV2(decoding.createDecoder(store.pendingDs));",
    "const pendingDSUpdate = new UpdateDecoderV1(decoding.createDecoder(store.pendingDs));",
  ],
  ["store.pendingDs = mergeUpdatesV2([dsRest, dsRest2]);", "store.pendingDs = mergeUpdates([dsRest, dsRest2]);"],
  [
    "      store.pendingStructs = null;\n      applyUpdateV2(transaction.doc, update);",
    "      store.pendingStructs = null;\n      applyUpdate(transaction.doc, update);",
  ],
  [
    "const applyUpdateV2 = (ydoc, update, transactionOrigin, YDecoder = UpdateDecoderV2) => {",
    `const applyUpdateV2 = (ydoc, update, transactionOrigin, YDecoder = ${UNUSED}) => {`,
  ],
  [
    "const encodeStateAsUpdateV2 = (doc, encodedTargetStateVector = new Uint8Array([0]), encoder = new UpdateEncoderV2()) => {",
    `const encodeStateAsUpdateV2 = (doc, encodedTargetStateVector = new Uint8Array([0]), encoder = ${UNUSED}()) => {`,
  ],
  [
    "    updates.push(diffUpdateV2(doc.store.pendingStructs.update, encodedTargetStateVector));",
    "    updates.push(diffUpdate(doc.store.pendingStructs.update, encodedTargetStateVector));",
  ],
  [
    "    if (encoder.constructor === UpdateEncoderV1) {\n      return mergeUpdates(updates.map((update, i) => i === 0 ? update : convertUpdateFormatV2ToV1(update)))\n    } else if (encoder.constructor === UpdateEncoderV2) {\n      return mergeUpdatesV2(updates)\n    }",
    `    if (encoder.constructor === UpdateEncoderV1) {\n      return mergeUpdates(updates)\n    }\n    ${UNUSED}();`,
  ],
  [
    "const encodeStateVectorV2 = (doc, encoder = new DSEncoderV2()) => {",
    `const encodeStateVectorV2 = (doc, encoder = ${UNUSED}()) => {`,
  ],
  [
    "const mergeUpdatesV2 = (updates, YDecoder = UpdateDecoderV2, YEncoder = UpdateEncoderV2) => {",
    `const mergeUpdatesV2 = (updates, YDecoder = ${UNUSED}, YEncoder = ${UNUSED}) => {`,
  ],
  [
    "const diffUpdateV2 = (update, sv, YDecoder = UpdateDecoderV2, YEncoder = UpdateEncoderV2) => {",
    `const diffUpdateV2 = (update, sv, YDecoder = ${UNUSED}, YEncoder = ${UNUSED}) => {`,
  ],
  // Nobody listens for V2 updates in the web app.
  [
    "      if (doc._observers.has('updateV2')) {\n        const encoder = new UpdateEncoderV2();",
    `      if (doc._observers.has('updateV2')) {\n        const encoder = ${UNUSED}();`,
  ],
];

/**
 * Sub-documents and deep observers: our doc has neither (no ContentDoc, above, and the web app
 * observes each root map itself), so what Yjs does for them after each transaction and on
 * `load()`/`destroy()` never runs; nor do a map's writes in a web client. [first lines, the text that follows the part to drop, what it
 * becomes]: the part from the first to the second is replaced.
 */
const NO_SUBDOCS_OR_DEEP_OBSERVERS: readonly (readonly [string, string, string])[] = [
  [
    "        // deep observe events\n        transaction.changedParentTypes.forEach((events, type) => {",
    "        fs.push(() => doc.emit('afterTransaction', [transaction, doc]));",
    "        // (no deep observers in the web app)\n",
  ],
  [
    "      const { subdocsAdded, subdocsLoaded, subdocsRemoved } = transaction;",
    "      if (transactionCleanups.length <= i + 1) {",
    "      // (no sub-documents)\n",
  ],
  ["  load () {\n    const item = this._item;", "  getSubdocs () {", `  load () {\n    ${UNUSED}();\n  }\n\n`],
  [
    "  getSubdocGuids () {\n    return new Set(array.from(this.subdocs).map(doc => doc.guid))",
    "  /**\n   * Changes that happen inside of a transaction are bundled.",
    `  getSubdocGuids () {\n    return ${UNUSED}()\n  }\n\n`,
  ],
  [
    "    array.from(this.subdocs).forEach(subdoc => subdoc.destroy());\n    const item = this._item;",
    "    // @ts-ignore\n    this.emit('destroyed', [true]); // DEPRECATED!",
    "    // (a root doc: no sub-documents, no item)\n",
  ],
  [
    "  observeDeep (f) {\n    addEventHandlerListener(this._dEH, f);",
    "  /**\n   * Unregister an observer function.\n   *\n   * @param {function(EventType,Transaction):void} f Observer function\n   */\n  unobserve (f) {",
    `  observeDeep (f) {\n    ${UNUSED}();\n  }\n\n`,
  ],
  // No persistence or sync provider: the room client keeps its own state, so a doc's whenLoaded
  // and whenSynced promises and the "sync" listener behind them are not made.
  [
    "    this.whenLoaded = promise.create(resolve => {\n      this.on('load', () => {",
    "  }\n\n  /**\n   * Notify the parent document that you request to load data",
    "    // (no persistence or sync provider in the web app: no whenLoaded or whenSynced)\n",
  ],
  // A web client only reads the doc (the room is the authority: a change is a command the room
  // applies), so a map's set, delete, clear and clone throw instead of writing.
  [
    "  delete (key) {\n    if (this.doc !== null) {\n      transact(this.doc, transaction => {\n        typeMapDelete(transaction, this, key);",
    "  /**\n   * Adds or updates an element with a specified key and value.",
    `  delete (key) {\n    ${UNUSED}();\n  }\n\n`,
  ],
  [
    "  set (key, value) {\n    if (this.doc !== null) {\n      transact(this.doc, transaction => {\n        typeMapSet(transaction, this, key, /** @type {any} */ (value));",
    "  /**\n   * Returns a specified element from this YMap.",
    `  set (key, value) {\n    return ${UNUSED}()\n  }\n\n`,
  ],
  [
    "  clear () {\n    if (this.doc !== null) {\n      transact(this.doc, transaction => {\n        this.forEach(function (_value, key, map) {\n          typeMapDelete(transaction, map, key);",
    "  /**\n   * @param {UpdateEncoderV1 | UpdateEncoderV2} encoder\n   */\n  _write (encoder) {\n    encoder.writeTypeRef(YMapRefID);",
    `  clear () {\n    ${UNUSED}();\n  }\n\n`,
  ],
  [
    "  clone () {\n    /**\n     * @type {YMap<MapType>}\n     */\n    const map = new YMap();",
    "  /**\n   * Creates YMapEvent and calls observers.",
    `  clone () {\n    return ${UNUSED}()\n  }\n\n`,
  ],
  // The warning for a page that imports two copies of Yjs: the web build bundles exactly one.
  [
    "if (glo[importIdentifier] === true) {",
    "\nexport { AbsolutePosition,",
    "// (one bundled copy of Yjs: no check for a second)\n",
  ],
];

/**
 * YEvent's getters that describe a change in detail (`path`, `keys`, `changes`, `delta`): the web app's
 * observers re-read the whole map instead (web/lib/room.ts), so they throw instead. Each is
 * found by its first lines and ends at the class's next closing brace.
 */
const EVENT_GETTERS: readonly string[] = [
  "  get path () {\n    return this._path || (this._path = getPathTo(this.currentTarget, this.target))",
  "  get keys () {\n    if (this._keys === null) {",
  "  get delta () {\n    return this.changes.delta\n  }",
  "  get changes () {\n    let changes = this._changes;\n    if (changes === null) {\n      if (this.transaction.doc._transactionCleanups.length === 0) {\n        throw error.create(errorComputeChanges)\n      }\n      const target = this.target;\n      const added = set.create();",
];

function once(source: string, text: string): number {
  const at = source.indexOf(text);
  if (at === -1 || source.indexOf(text, at + text.length) !== -1) {
    throw new Error(`scripts/lib/yjs-maps-only.ts: Yjs has changed, cannot find exactly one of:\n${text}`);
  }
  return at;
}

/** The Yjs module source with the unused types taken out; throws if the source is not the pinned one. */
export function yjsMapsOnly(source: string): string {
  let out = source;
  for (const [from, to] of REPLACEMENTS) {
    const at = once(out, from);
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  for (const [start, next, replacement] of NO_SUBDOCS_OR_DEEP_OBSERVERS) {
    const at = once(out, start);
    const end = out.indexOf(next, at);
    if (end === -1)
      throw new Error(`scripts/lib/yjs-maps-only.ts: Yjs has changed, cannot find after ${start}:\n${next}`);
    out = out.slice(0, at) + replacement + out.slice(end);
  }
  for (const start of EVENT_GETTERS) {
    const at = once(out, start);
    const end = out.indexOf("\n  }\n", at) + "\n  }".length;
    const name = start.slice("  get ".length, start.indexOf(" ("));
    out = `${out.slice(0, at)}  get ${name} () {\n    return ${UNUSED}()\n  }${out.slice(end)}`;
  }
  return out;
}

export function yjsMapsOnlyPlugin(): Plugin {
  return {
    name: "coproduce-yjs-maps-only",
    transform: {
      filter: { id: YJS_MODULE },
      handler(code, id) {
        if (!YJS_MODULE.test(id)) return null;
        return { code: yjsMapsOnly(code), map: null };
      },
    },
  };
}

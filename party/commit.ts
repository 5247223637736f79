/**
 * The commit pipeline: one command in, one durable answer out, with no socket in sight
 * (so it is tested directly, test/worker/room-commit.test.ts). An accepted command is
 * applied to the doc, then its log row (with the Yjs update), its private effects and its
 * outbox rows are written in one storage transaction before the ack exists. If anything
 * fails after the doc changed, the doc is rebuilt from storage so memory never holds what
 * the log does not. The doc is rebuilt from that log after hibernation or eviction.
 */
import * as v from "valibot";
import type * as Y from "yjs";
import { Archive } from "./archive";
import { mergeUpdates } from "./broadcast";
import { storeEffects } from "./effects";
import { refusalAck } from "./envelope";
import { type DocChanges, mirrorCommand } from "./mirror";
import { type ApplyContext, type ApplyOutcome, applyCommand, type Effect, initWorkshop, RoomInit } from "./model/apply";
import type { ArchivedActivity } from "./model/archive";
import { type CommandName, ROLE_COMMANDS } from "./model/commands";
import { CONTENT_COMMANDS, DOC_BUDGET_BYTES } from "./model/content-budget";
import { roots } from "./model/doc";
import { itemId } from "./model/ids";
import type { Ack, Actor } from "./model/protocol";
import { Outbox } from "./outbox";
import { SharedDoc, TAKES_BACK_WORDS } from "./shared-doc";
import { RoomStorage } from "./storage";

/** The handler's doc changes and its changes to archived entries: what the D1 mirror reads back. */
function withArchived(changes: DocChanges, archived: DocChanges): DocChanges {
  if (archived.size === 0) return changes;
  const all: DocChanges = new Map(changes);
  for (const [root, ids] of archived) all.set(root, new Set([...(all.get(root) ?? []), ...ids]));
  return all;
}

/** Who the room itself acts as when it logs what no client sent (creating the workshop). */
const SYSTEM_ACTOR: Actor = { role: "organiser", id: "system", name: "Coproduce", group: "" };
/** "#" is outside the command id alphabet, so a client can never collide with it. */
const INIT_COMMAND_ID = "#init";
const INTERNAL_ERROR = "Something went wrong on our side.";

/** What running one command produced. */
export interface Committed {
  ack: Ack;
  effects: Effect[];
  changes: DocChanges;
}

export type InitOutcome =
  | { ok: true; created: boolean; workshopId: string }
  | { ok: false; code: "bad_request" | "conflict" | "internal"; message: string };

export type RoomInitInput = v.InferInput<typeof RoomInit>;

export interface CommitHooks {
  /** A command was committed; `update` is the doc change to broadcast (null when the doc did not change). */
  committed(update: Uint8Array | null): void;
}

export class CommitPipeline {
  readonly store: RoomStorage;
  readonly outbox: Outbox;
  readonly shared: SharedDoc;
  /** closed activities' cards, comments and links, out of the doc (archive.ts) */
  readonly archive: Archive;
  /** The workshop this room holds; null until `init` (and again after `erase`). */
  workshopId: string | null;
  #snapshotSeq: number;
  #snapshotTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    storage: DurableObjectStorage,
    private readonly hooks: CommitHooks,
    /** a snapshot is taken after this many logged commands (read each time: tests change it) */
    private readonly snapshotEvery: () => number,
    /** the live doc's byte budget: past it, no new content (read each time: tests change it) */
    private readonly docBudgetBytes: () => number = () => DOC_BUDGET_BYTES,
  ) {
    this.store = new RoomStorage(storage);
    this.outbox = new Outbox(this.store.sql);
    this.shared = new SharedDoc(this.store);
    this.archive = new Archive(this.store.sql);
    this.workshopId = this.store.getMeta("workshop_id");
    this.#snapshotSeq = this.store.snapshotSeq();
  }

  get snapshotSeq(): number {
    return this.#snapshotSeq;
  }

  get doc(): Y.Doc {
    return this.shared.doc;
  }

  /** A client's command: exactly once, so a resent command gets its first answer and changes nothing. */
  command(actor: Actor, id: string, name: string, args: unknown): Committed {
    const earlier = this.store.findAck(actor.id, id);
    if (earlier) return { ack: earlier, effects: [], changes: new Map() };
    // safety (#12): every phone downloads the doc, so past its budget nobody adds to it, whoever
    // they are and however many tickets they hold; running the room and moderating still work.
    // (A role that may not run the command at all is told so by applyCommand, as ever.)
    const adds = CONTENT_COMMANDS.has(name) && ROLE_COMMANDS[actor.role].has(name as CommandName);
    if (adds && this.shared.holdsAtLeast(this.docBudgetBytes())) {
      const message = "This workshop cannot hold any more contributions. Ask the facilitator.";
      return { ack: refusalAck(id, "room_full_of_content", message), effects: [], changes: new Map() };
    }
    return this.run(actor, id, name, args, (ctx) => applyCommand(this.doc, actor, { name, args }, ctx));
  }

  /**
   * Applies one change and, if accepted, commits it durably: the log row (with the
   * Yjs update), its private effects and its outbox rows in one transaction.
   */
  run(
    actor: Actor,
    clientId: string,
    name: string,
    args: unknown,
    apply: (ctx: ApplyContext) => ApplyOutcome,
    alsoStore?: () => void,
  ): Committed {
    const { store, outbox, shared, archive } = this;
    const at = Date.now();
    const ctx: ApplyContext = {
      now: at,
      newId: () => itemId(),
      priv: store.priv,
      roots: (doc) => archive.roots(doc),
    };
    const refused = (ack: Ack): Committed => {
      archive.discard();
      return { ack, effects: [], changes: new Map() };
    };

    let changed: ReturnType<typeof shared.change<ApplyOutcome>>;
    try {
      changed = shared.change(() => apply(ctx));
    } catch (err) {
      console.error(`command ${name} threw; rebuilding the doc from storage`, err);
      shared.rebuild();
      return refused(refusalAck(clientId, "internal", INTERNAL_ERROR));
    }
    const { value: outcome, update: handled, changes: docChanges } = changed;
    if (!outcome.ok) {
      if (handled) {
        console.error(`command ${name} was refused after changing the doc; rebuilding the doc from storage`);
        shared.rebuild();
      }
      return refused({ type: "ack", id: clientId, ok: false, error: outcome.error });
    }

    // A map that closed leaves the doc for the archive (a map that reopened comes back): part of
    // this command's update and transaction, but not a change D1 hears about (nothing changed).
    let update = handled;
    try {
      const settled = shared.change(() => archive.settle(shared.doc, docChanges));
      if (settled.update) update = update ? mergeUpdates([update, settled.update]) : settled.update;
    } catch (err) {
      console.error(`command ${name} could not archive; rebuilding the doc from storage`, err);
      shared.rebuild();
      return refused(refusalAck(clientId, "internal", INTERNAL_ERROR));
    }
    const changes = withArchived(docChanges, archive.touched());

    const ack: Ack = { type: "ack", id: clientId, ok: true, result: outcome.result };
    const { effects } = outcome;
    // A command that changed nothing (supporting twice, unlocking an unlocked room) is not
    // logged: the log and D1's audit trail hold what happened, not every tap.
    if (!update && effects.length === 0 && !archive.dirty) {
      archive.discard();
      return { ack, effects, changes };
    }
    // Only what the schema validated is stored, never the raw message (unknown keys are refused).
    const validArgs = outcome.args ?? args;
    try {
      store.transaction(() => {
        const seq = store.logCommand({ actor, clientId, name, args: validArgs, ack, update, at });
        storeEffects(store, effects, at);
        alsoStore?.();
        const event = { workshopId: this.workshopId ?? "", seq, at, actor, name, args: validArgs };
        outbox.enqueue(mirrorCommand(shared.doc, changes, effects, event, archive.roots(shared.doc)));
        archive.commit();
      });
    } catch (err) {
      console.error(`command ${name} could not be stored; rebuilding the doc from storage`, err);
      store.reloadSeq();
      archive.reload();
      shared.rebuild();
      return refused(refusalAck(clientId, "internal", INTERNAL_ERROR));
    }
    this.hooks.committed(update);
    const withdrawn = effects.find((e) => e.kind === "participant.removed" && e.reason === "withdrawn");
    if (withdrawn?.kind === "participant.removed") this.#forgetWithdrawn(withdrawn.participantId);
    else {
      if (TAKES_BACK_WORDS.includes(name)) this.shared.forgetStored();
      this.#scheduleSnapshot();
    }
    return { ack, effects, changes };
  }

  /**
   * Creates the workshop (idempotent: a second call with the same id changes nothing).
   * Logged like a command, so a restart rebuilds it.
   */
  init(raw: RoomInitInput): InitOutcome {
    const parsed = v.safeParse(RoomInit, raw);
    if (!parsed.success) {
      return { ok: false, code: "bad_request", message: parsed.issues.map((i) => i.message).join("; ") };
    }
    const init = parsed.output;
    if (this.workshopId) {
      if (this.workshopId === init.id) return { ok: true, created: false, workshopId: init.id };
      return { ok: false, code: "conflict", message: `This room already holds workshop ${this.workshopId}.` };
    }
    this.workshopId = init.id;
    const committed = this.run(
      SYSTEM_ACTOR,
      INIT_COMMAND_ID,
      "workshop.init",
      init,
      (ctx) => {
        initWorkshop(this.doc, init, ctx);
        return { ok: true, result: { workshopId: init.id }, effects: [] };
      },
      () => this.store.setMeta("workshop_id", init.id),
    );
    if (!committed.ack.ok) {
      this.workshopId = null;
      return { ok: false, code: "internal", message: committed.ack.error.message };
    }
    return { ok: true, created: true, workshopId: init.id };
  }

  /** A closed activity's archived entries, as a client fetches them. */
  archived(activityId: string): ArchivedActivity | null {
    return roots(this.doc).archived.has(activityId) ? this.archive.activity(activityId) : null;
  }

  /** Deletes everything stored; the pipeline is then uninitialised and empty. */
  async erase(): Promise<void> {
    this.workshopId = null;
    if (this.#snapshotTimer) clearTimeout(this.#snapshotTimer);
    this.#snapshotTimer = null;
    await this.store.eraseAll();
    this.store.recreate();
    this.outbox.createTables();
    this.archive.createTables();
    this.archive.reload();
    this.#snapshotSeq = 0;
    this.shared.rebuild();
  }

  /**
   * Snapshots are taken on the next turn, not inside the command: encoding and writing the
   * whole doc (a megabyte in a big workshop) would otherwise hold this command's ack behind
   * its own storage write. Any command boundary is a consistent point to snapshot.
   */
  #scheduleSnapshot(): void {
    if (this.#snapshotTimer) return;
    this.#snapshotTimer = setTimeout(() => {
      this.#snapshotTimer = null;
      this.#maybeSnapshot();
    }, 0);
  }

  /**
   * After a withdrawal, nothing stored may still hold the person's words or name (safety #12):
   * the logged doc updates and older snapshots did, so the doc (which no longer does: Yjs
   * garbage-collects deleted content) is snapshotted now and every update it covers dropped.
   * Runs before the ack goes out, so an acknowledged withdrawal is a completed one.
   */
  #forgetWithdrawn(participantId: string): void {
    const { store, shared } = this;
    // The stored snapshot and updates still hold their words until the new snapshot replaces them.
    shared.forgetStored();
    try {
      const state = shared.encodeState();
      store.writeSnapshot(store.lastSeq, state);
      this.#snapshotSeq = store.lastSeq;
      shared.snapshotted(state);
      this.outbox.purgeDeadRowsOf(participantId);
    } catch (err) {
      // The withdrawal itself is committed; the next snapshot compacts the log instead.
      console.error("could not compact the log after a withdrawal", err);
      this.#scheduleSnapshot();
    }
  }

  #maybeSnapshot(): void {
    const { store, shared } = this;
    if (store.lastSeq - this.#snapshotSeq < this.snapshotEvery()) return;
    try {
      const state = shared.encodeState();
      store.writeSnapshot(store.lastSeq, state);
      this.#snapshotSeq = store.lastSeq;
      shared.snapshotted(state);
    } catch (err) {
      // Not fatal: the log still holds every update; the next command tries again.
      console.error("snapshot failed", err);
    }
  }
}

/**
 * One live workshop: a Durable Object that owns the shared Y.Doc and is its only
 * writer (DESIGN principles 1–4). Clients are read-only Yjs peers that send
 * commands; each accepted command is applied, logged with the Yjs update it made
 * and committed in one storage transaction before it is acknowledged. The doc is
 * rebuilt from that log after hibernation or eviction, never from clients.
 *
 * YServer gives us the connection plumbing and the custom-message framing; we
 * replace its document handling: its per-update broadcast and its awareness
 * relay do not survive a room of phones (DESIGN "Measured").
 */
import type { Connection, ConnectionContext, WSMessage } from "partyserver";
import * as v from "valibot";
import { YServer } from "y-partyserver";
import type { Env } from "../worker/env";
import { Broadcast, type BroadcastTiming, safeSend } from "./broadcast";
import { actorFromRequest, actorTag, type ConnectionState, connectionState, roleTag } from "./connection";
import { storeEffects } from "./effects";
import { recoverId, refusalAck, screenCommand } from "./envelope";
import { awarenessFrame, readClientFrame, syncStep1Frame } from "./frames";
import { ConnectionGuard, DEFAULT_LIMITS, type GuardLimits } from "./guard";
import { type DocChanges, mirrorCommand } from "./mirror";
import {
  type ApplyContext,
  type ApplyOutcome,
  applyCommand,
  type Effect,
  initWorkshop,
  joinParticipant,
  RoomInit,
} from "./model/apply";
import { LIMITS } from "./model/commands";
import { roots } from "./model/doc";
import { itemId } from "./model/ids";
import { type Ack, type Actor, CloseCode, CUSTOM_PREFIX, type ServerMessage } from "./model/protocol";
import { FLUSH_DELAY_MS, Outbox } from "./outbox";
import { SharedDoc } from "./shared-doc";
import { RoomStorage } from "./storage";

/** Who the room itself acts as when it logs what no client sent (creating the workshop). */
const SYSTEM_ACTOR: Actor = { role: "organiser", id: "system", name: "Coproduce", group: "" };

/**
 * Client ids of commands the room logs on its own. "#" is outside the command id
 * alphabet, so a client can never collide with them.
 */
const INIT_COMMAND_ID = "#init";
const joinCommandId = (seq: number) => `#join-${seq}`;

const INTERNAL_ERROR = "Something went wrong on our side.";
const OPEN = 1;

export interface RoomTuning extends GuardLimits, BroadcastTiming {
  /** a snapshot is taken after this many logged commands */
  snapshotEvery: number;
}

export const DEFAULT_TUNING: RoomTuning = {
  ...DEFAULT_LIMITS,
  broadcastMs: 100,
  presenceMs: 100,
  snapshotEvery: 200,
};

export interface RoomState {
  initialised: boolean;
  workshopId: string | null;
  commands: number;
  lastSeq: number;
  snapshotSeq: number;
  outboxPending: number;
  /** outbox rows D1 refused for good */
  outboxDead: number;
  docBytes: number;
  connections: number;
  present: number;
}

export type InitOutcome =
  | { ok: true; created: boolean; workshopId: string }
  | { ok: false; code: "bad_request" | "conflict" | "internal"; message: string };

/** What running one command produced. */
interface Committed {
  ack: Ack;
  effects: Effect[];
  changes: DocChanges;
}

interface Loaded {
  store: RoomStorage;
  outbox: Outbox;
  shared: SharedDoc;
}

export class WorkshopRoom extends YServer {
  static override options = { hibernate: true };

  /** Limits and batching; a test may lower or raise them through `runInDurableObject`. */
  tuning: RoomTuning = { ...DEFAULT_TUNING };

  #loaded: Loaded | null = null;
  #workshopId: string | null = null;
  #snapshotSeq = 0;
  readonly #broadcast = new Broadcast(this.ctx, () => this.tuning);
  /** Rate limits per connection id; in memory on purpose (see guard.ts). */
  readonly #guards = new Map<string, ConnectionGuard>();

  #alarmSet = false;
  #snapshotTimer: ReturnType<typeof setTimeout> | null = null;
  /** The flush talking to D1 right now, so erase can wait for it instead of racing it. */
  #flushing: Promise<number | null> | null = null;

  // ---- start-up ------------------------------------------------------------------

  /** Runs on first use and after every hibernation or eviction. No client is involved. */
  override async onStart(): Promise<void> {
    const { outbox } = this.#load();
    // Presence is kept in the socket attachments so it survives hibernation.
    for (const conn of this.getConnections()) {
      const state = connectionState(conn);
      if (state) this.#broadcast.presence.restore(state.actor, state.presenceId);
    }
    this.#alarmSet = (await this.ctx.storage.getAlarm()) !== null;
    if (!this.#alarmSet && outbox.pending() > 0) this.#scheduleFlush();
  }

  /** Synchronous, so RPC methods can call it too and nothing interleaves with loading. */
  #load(): Loaded {
    if (this.#loaded) return this.#loaded;
    const store = new RoomStorage(this.ctx.storage);
    this.#loaded = { store, outbox: new Outbox(store.sql), shared: new SharedDoc(store) };
    this.#workshopId = store.getMeta("workshop_id");
    this.#snapshotSeq = store.snapshotSeq();
    return this.#loaded;
  }

  get #doc() {
    return this.#load().shared.doc;
  }

  // ---- connections ------------------------------------------------------------------

  /** Tags let the room reach one actor's sockets, or all facilitators, without reading attachments. */
  override getConnectionTags(_conn: Connection, ctx: ConnectionContext): string[] {
    const actor = actorFromRequest(ctx.request);
    return actor ? [actorTag(actor.id), roleTag(actor.role)] : [];
  }

  override isReadOnly(_conn: Connection): boolean {
    return true;
  }

  override onConnect(conn: Connection, ctx: ConnectionContext): void {
    try {
      this.#welcome(conn, ctx);
    } catch (err) {
      // partyserver would send the stack trace to the client; we say only that it failed.
      console.error("could not set up a connection", err);
      this.#closeWith(conn, 1011, "The room could not set up your connection.");
    }
  }

  /** Sends a verified newcomer, in order: hello, sync step 1, everyone's presence, their private state. */
  #welcome(conn: Connection, ctx: ConnectionContext): void {
    const { store } = this.#load();
    const claimed = actorFromRequest(ctx.request);
    if (!claimed) {
      this.#closeWith(conn, CloseCode.unauthorised, "No verified identity.");
      return;
    }
    if (!this.#workshopId) {
      this.#closeWith(conn, CloseCode.notFound, "This workshop does not exist.");
      return;
    }
    if (claimed.role === "participant" && !this.#admitParticipant(claimed)) {
      this.#closeWith(conn, CloseCode.removed, "You are no longer part of this workshop.");
      return;
    }
    const actor = this.#currentActor(claimed);
    const presence = this.#broadcast.presence;
    const presenceId = presence.show(actor);
    conn.setState({ actor, presenceId } satisfies ConnectionState);
    this.#guards.set(conn.id, new ConnectionGuard(this.tuning, Date.now()));

    this.#sendJson(conn, { type: "hello", you: actor, serverTime: Date.now() });
    safeSend(conn, syncStep1Frame(this.#doc));
    const everyone = presence.encodeAll();
    if (everyone) safeSend(conn, awarenessFrame(everyone));
    for (const message of store.priv.privateStateFor(actor)) this.#sendJson(conn, message);
    this.#broadcast.presenceChanged();
  }

  /**
   * A participant's first connection adds them to the doc, logged like any command.
   * Returns false for someone who was removed or withdrew.
   */
  #admitParticipant(actor: Actor): boolean {
    const { store } = this.#load();
    if (store.departure(actor.id)) return false;
    const existing = roots(this.#doc).participants.get(actor.id);
    if (existing) return !existing.removed;
    const outcome = this.#run(actor, joinCommandId(store.lastSeq + 1), "participant.join", {}, (ctx) =>
      joinParticipant(this.#doc, actor, ctx.now)
        ? { ok: true, result: {}, effects: [] }
        : { ok: false, error: { code: "forbidden", message: "removed" } },
    );
    return outcome.ack.ok;
  }

  /** The actor as the doc knows them now: a participant may have changed name or group since the ticket. */
  #currentActor(actor: Actor): Actor {
    if (actor.role !== "participant") return actor;
    const entry = roots(this.#doc).participants.get(actor.id);
    if (!entry) return actor;
    // tables (#13): the seat the doc holds now (a facilitator may have moved them).
    const { table: _, ...rest } = actor;
    return entry.table
      ? { ...rest, name: entry.name, group: entry.group, table: entry.table }
      : { ...rest, name: entry.name, group: entry.group };
  }

  override onClose(conn: Connection): void {
    this.#guards.delete(conn.id);
    const state = connectionState(conn);
    if (!state) return;
    const stillHere = this.ctx
      .getWebSockets(actorTag(state.actor.id))
      .some((ws) => ws !== conn && ws.readyState === OPEN);
    if (!stillHere) {
      this.#broadcast.presence.hide(state.actor.id);
      this.#broadcast.presenceChanged();
    }
  }

  override onError(conn: Connection, error: unknown): void {
    console.warn(`connection ${conn.id} failed:`, error instanceof Error ? error.message : String(error));
  }

  // ---- messages ------------------------------------------------------------------------

  override handleMessage(conn: Connection, message: WSMessage): void {
    this.onMessage(conn, message);
  }

  override onMessage(conn: Connection, message: WSMessage): void {
    try {
      this.#receive(conn, message);
    } catch (err) {
      // One bad message must not take the room down; the sender hears nothing back for it.
      console.error(`message from connection ${conn.id} failed`, err);
    }
  }

  /** A non-WebSocket request reached the room: only the Worker's WebSocket handoff belongs here. */
  override onRequest(_request: Request): Response {
    return Response.json(
      { error: { code: "bad_request", message: "This address only accepts WebSocket connections." } },
      { status: 426 },
    );
  }

  #receive(conn: Connection, message: WSMessage): void {
    this.#load();
    const state = connectionState(conn);
    // Only connections that passed onConnect have state; anything else is not ours to serve.
    if (!state) {
      this.#closeWith(conn, CloseCode.unauthorised, "No verified identity.");
      return;
    }
    const guard = this.#guardFor(conn);
    const verdict = guard.admit(Date.now());
    if (verdict === "close") {
      this.#closeWith(conn, CloseCode.tooManyMessages, "Too many messages.");
      return;
    }

    if (typeof message === "string") {
      if (!message.startsWith(CUSTOM_PREFIX)) {
        this.#badMessage(conn, guard, refusalAck(null, "bad_request", "Unknown message."));
        return;
      }
      const text = message.slice(CUSTOM_PREFIX.length);
      if (verdict === "limited") {
        this.#sendJson(conn, refusalAck(recoverId(text), "rate_limited", "Too many commands; slow down."));
        return;
      }
      this.#onCommandText(conn, state, guard, text);
      return;
    }
    // Binary frames carry no id to answer; dropping is the answer to a rate-limited one.
    if (verdict === "limited") return;
    this.#onFrame(conn, guard, message);
  }

  #onFrame(conn: Connection, guard: ConnectionGuard, message: ArrayBuffer | ArrayBufferView): void {
    const bytes =
      message instanceof ArrayBuffer
        ? new Uint8Array(message)
        : new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
    if (bytes.byteLength > LIMITS.messageBytes) {
      this.#badMessage(conn, guard, refusalAck(null, "too_large", "Message too large."));
      return;
    }
    const frame = readClientFrame(bytes, this.#doc);
    if (frame.kind === "garbage") {
      this.#badMessage(conn, guard, refusalAck(null, "bad_request", "Unreadable frame."));
      return;
    }
    guard.good();
    if (frame.kind === "sync-step-1") safeSend(conn, frame.reply);
    if (frame.kind === "query-awareness") {
      const everyone = this.#broadcast.presence.encodeAll();
      if (everyone) safeSend(conn, awarenessFrame(everyone));
    }
    // "write-attempt" and "awareness": read-only peers; a client's doc writes and
    // self-declared presence are ignored, never applied or relayed.
  }

  #guardFor(conn: Connection): ConnectionGuard {
    let guard = this.#guards.get(conn.id);
    if (!guard) {
      guard = new ConnectionGuard(this.tuning, Date.now());
      this.#guards.set(conn.id, guard);
    }
    return guard;
  }

  #onCommandText(conn: Connection, state: ConnectionState, guard: ConnectionGuard, text: string): void {
    const command = screenCommand(text);
    if (!command.ok) {
      this.#badMessage(conn, guard, refusalAck(command.id, command.code, command.message));
      return;
    }
    guard.good();
    const { actor } = state;
    // Exactly once: a resent command gets the answer it got the first time and changes nothing.
    const earlier = this.#load().store.findAck(actor.id, command.id);
    if (earlier) {
      this.#sendJson(conn, earlier);
      return;
    }

    const { id, name, args } = command;
    const committed = this.#run(actor, id, name, args, (ctx) => applyCommand(this.#doc, actor, { name, args }, ctx));
    if (committed.ack.ok) {
      // The sender sees its own change before the ack, so "acknowledged" also means "visible".
      const pending = this.#broadcast.pendingFrame();
      if (pending) safeSend(conn, pending);
    }
    this.#sendJson(conn, committed.ack);
    if (committed.ack.ok) this.#afterCommit(actor, committed);
  }

  /** Answers an unreadable message, or closes a connection that sends nothing else. */
  #badMessage(conn: Connection, guard: ConnectionGuard, ack: Ack): void {
    if (guard.bad() === "close") {
      this.#closeWith(conn, CloseCode.badMessages, "Too many unreadable messages.");
      return;
    }
    this.#sendJson(conn, ack);
  }

  // ---- running a command ----------------------------------------------------------------

  /**
   * Applies one command and, if accepted, commits it durably: the log row (with
   * the Yjs update), its private effects and its outbox rows in one transaction.
   * If anything fails after the doc changed, the doc is rebuilt from storage so
   * memory never holds what the log does not.
   */
  #run(
    actor: Actor,
    clientId: string,
    name: string,
    args: unknown,
    apply: (ctx: ApplyContext) => ApplyOutcome,
    alsoStore?: () => void,
  ): Committed {
    const { store, outbox, shared } = this.#load();
    const at = Date.now();
    const ctx: ApplyContext = { now: at, newId: () => itemId(), priv: store.priv };
    const refused = (ack: Ack): Committed => ({ ack, effects: [], changes: new Map() });

    let changed: ReturnType<typeof shared.change<ApplyOutcome>>;
    try {
      changed = shared.change(() => apply(ctx));
    } catch (err) {
      console.error(`command ${name} threw; rebuilding the doc from storage`, err);
      shared.rebuild();
      return refused(refusalAck(clientId, "internal", INTERNAL_ERROR));
    }
    const { value: outcome, update, changes } = changed;
    if (!outcome.ok) {
      if (update) {
        console.error(`command ${name} was refused after changing the doc; rebuilding the doc from storage`);
        shared.rebuild();
      }
      return refused({ type: "ack", id: clientId, ok: false, error: outcome.error });
    }

    const ack: Ack = { type: "ack", id: clientId, ok: true, result: outcome.result };
    const { effects } = outcome;
    try {
      store.transaction(() => {
        const seq = store.logCommand({ actor, clientId, name, args, ack, update, at });
        storeEffects(store, effects, at);
        alsoStore?.();
        const event = { workshopId: this.#workshopId ?? "", seq, at, actor, name, args };
        outbox.enqueue(mirrorCommand(shared.doc, changes, effects, event));
      });
    } catch (err) {
      console.error(`command ${name} could not be stored; rebuilding the doc from storage`, err);
      store.reloadSeq();
      shared.rebuild();
      return refused(refusalAck(clientId, "internal", INTERNAL_ERROR));
    }
    if (update) this.#broadcast.queueUpdate(update);
    this.#scheduleFlush();
    this.#scheduleSnapshot();
    return { ack, effects, changes };
  }

  /** What an accepted command changes outside the doc: private messages, departures, presence. */
  #afterCommit(actor: Actor, committed: Committed): void {
    const presence = this.#broadcast.presence;
    for (const effect of committed.effects) {
      if (effect.kind === "private") {
        const tag = typeof effect.to === "string" ? actorTag(effect.to) : roleTag(effect.to.role);
        const text = CUSTOM_PREFIX + JSON.stringify(effect.message);
        for (const ws of this.ctx.getWebSockets(tag)) safeSend(ws, text);
      } else if (effect.kind === "participant.removed") {
        const reason = effect.reason === "withdrawn" ? "You left this workshop." : "A facilitator removed you.";
        for (const conn of this.getConnections(actorTag(effect.participantId))) {
          this.#closeWith(conn, CloseCode.removed, reason);
        }
        presence.hide(effect.participantId);
        this.#broadcast.presenceChanged();
      }
    }
    // me.update: the attachment and presence follow the participant's new name or group.
    if (actor.role !== "participant" || !committed.changes.get("participants")?.has(actor.id)) return;
    const current = this.#currentActor(actor);
    if (current.name === actor.name && current.group === actor.group) return;
    for (const conn of this.getConnections(actorTag(actor.id))) {
      const state = connectionState(conn);
      if (state) conn.setState({ ...state, actor: current } satisfies ConnectionState);
    }
    presence.show(current);
    this.#broadcast.presenceChanged();
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

  #maybeSnapshot(): void {
    const { store, shared } = this.#load();
    if (store.lastSeq - this.#snapshotSeq < this.tuning.snapshotEvery) return;
    try {
      store.writeSnapshot(store.lastSeq, shared.encodeState());
      this.#snapshotSeq = store.lastSeq;
    } catch (err) {
      // Not fatal: the log still holds every update; the next command tries again.
      console.error("snapshot failed", err);
    }
  }

  #sendJson(ws: WebSocket, message: ServerMessage): void {
    safeSend(ws, CUSTOM_PREFIX + JSON.stringify(message));
  }

  /** Says why before closing, so the client can tell the person (and not simply reconnect). */
  #closeWith(conn: Connection, code: number, reason: string): void {
    this.#sendJson(conn, { type: "goodbye", code, reason });
    try {
      conn.close(code, reason);
    } catch {
      // Already closing: the goodbye was best effort.
    }
  }

  // ---- outbox to D1 ----------------------------------------------------------------------------

  #scheduleFlush(delayMs = FLUSH_DELAY_MS): void {
    if (this.#alarmSet || this.#flushing) return;
    this.#alarmSet = true;
    this.ctx.storage.setAlarm(Date.now() + delayMs).catch((err: unknown) => {
      this.#alarmSet = false;
      console.error("could not schedule the D1 flush", err);
    });
  }

  /** Sends the outbox to D1 in order; on failure keeps every row and retries with backoff. */
  override async onAlarm(): Promise<void> {
    const { outbox } = this.#load();
    this.#alarmSet = false;
    if (!this.#workshopId || this.#flushing) return;
    const flushing = outbox.flush((this.env as unknown as Env).DB);
    this.#flushing = flushing;
    let retryIn: number | null;
    try {
      retryIn = await flushing;
    } finally {
      this.#flushing = null;
    }
    // Commands that arrived during the flush did not schedule one: pick them up now.
    if (this.#workshopId && retryIn !== null) this.#scheduleFlush(retryIn);
  }

  // ---- RPC for the Worker -------------------------------------------------------------------------

  /**
   * Creates the workshop in this room (idempotent: a second call with the same
   * id changes nothing). Logged like a command, so a restart rebuilds it.
   * Returns an outcome rather than throwing: an exception thrown across RPC is
   * reported as uncaught inside the Durable Object as well as to the caller.
   */
  async init(raw: v.InferInput<typeof RoomInit>): Promise<InitOutcome> {
    const { store } = this.#load();
    const parsed = v.safeParse(RoomInit, raw);
    if (!parsed.success) {
      return { ok: false, code: "bad_request", message: parsed.issues.map((i) => i.message).join("; ") };
    }
    const init = parsed.output;
    if (this.#workshopId) {
      if (this.#workshopId === init.id) return { ok: true, created: false, workshopId: init.id };
      return { ok: false, code: "conflict", message: `This room already holds workshop ${this.#workshopId}.` };
    }
    this.#workshopId = init.id;
    const committed = this.#run(
      SYSTEM_ACTOR,
      INIT_COMMAND_ID,
      "workshop.init",
      init,
      (ctx) => {
        initWorkshop(this.#doc, init, ctx);
        return { ok: true, result: { workshopId: init.id }, effects: [] };
      },
      () => store.setMeta("workshop_id", init.id),
    );
    if (!committed.ack.ok) {
      this.#workshopId = null;
      return { ok: false, code: "internal", message: committed.ack.error.message };
    }
    return { ok: true, created: true, workshopId: init.id };
  }

  /** Deletes everything this room holds and closes every socket; the room is then uninitialised. */
  async erase(): Promise<void> {
    const { store, shared } = this.#load();
    // Uninitialised from this moment: anything that slips in while storage is deleted is refused.
    this.#workshopId = null;
    // A batch already on its way to D1 lands before we erase, not after the Worker cleaned D1.
    await this.#flushing;
    for (const conn of this.getConnections()) this.#closeWith(conn, CloseCode.deleted, "This workshop was deleted.");
    this.#broadcast.clear();
    this.#guards.clear();
    if (this.#snapshotTimer) clearTimeout(this.#snapshotTimer);
    this.#snapshotTimer = null;
    await store.eraseAll();
    store.recreate();
    this.#alarmSet = false;
    this.#snapshotSeq = 0;
    shared.rebuild();
  }

  /** Counts for tests and benchmarks. */
  async state(): Promise<RoomState> {
    const { store, outbox, shared } = this.#load();
    return {
      initialised: this.#workshopId !== null,
      workshopId: this.#workshopId,
      commands: store.commandCount(),
      lastSeq: store.lastSeq,
      snapshotSeq: store.snapshotSeq(),
      outboxPending: outbox.pending(),
      outboxDead: outbox.dead(),
      docBytes: shared.encodeState().byteLength,
      connections: this.ctx.getWebSockets().filter((ws) => ws.readyState === OPEN).length,
      present: this.#broadcast.presence.size,
    };
  }
}

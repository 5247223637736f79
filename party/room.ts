/**
 * One live workshop: a Durable Object that owns the shared Y.Doc and is its only writer
 * (docs/architecture.md, principles 1–4). Clients are read-only Yjs peers that
 * send commands. This class is the socket side only; the parts live by responsibility:
 *
 * - admission.ts: who may connect, and as whom
 * - commit.ts: the commit pipeline (apply, log, effects, outbox in one transaction)
 * - broadcast.ts: merged doc updates, presence, private messages, goodbyes
 * - flush.ts: the outbox to D1 by alarm
 *
 * It extends partyserver's `Server`, not y-partyserver's `YServer`: the room replaces
 * every part of YServer's document handling (its per-update broadcast and awareness relay
 * do not survive a room of phones), and keeps only its text framing ("__YPS:"), which is
 * in party/model/protocol.ts.
 */
import { type Connection, type ConnectionContext, Server, type WSMessage } from "partyserver";
import * as Y from "yjs";
import {
  type Addressee,
  actorFromRequest,
  actorTag,
  addresseeTag,
  admit,
  type ConnectionState,
  connectionState,
  currentActor,
  isAddressee,
  revokedKey,
  roleTag,
  seesWhoIsWho,
  WHO_IS_WHO,
} from "./admission";
import { Broadcast, type BroadcastTiming, closeWith, safeSend, sendMessage } from "./broadcast";
import { CommitPipeline, type Committed, type InitOutcome, type RoomInitInput } from "./commit";
import { deflateFrame } from "./deflate";
import type { RoomEnv } from "./env";
import { recoverId, refusalAck, screenCommand } from "./envelope";
import { FlushSchedule } from "./flush";
import { ConnectionGuard, DEFAULT_LIMITS, type GuardLimits } from "./guard";
import type { ArchivedActivity } from "./model/archive";
import { LIMITS } from "./model/commands";
import { DOC_BUDGET_BYTES } from "./model/content-budget";
import { roots } from "./model/doc";
import {
  DEFLATE_MIN_BYTES,
  DEFLATE_PARAM,
  readClientFrame,
  syncStep1Frame,
  syncStep1FromParam,
  updateFrame,
} from "./model/frames";
import { MINE_ROOTS, mineOf } from "./model/mine";
import { type Ack, type Actor, CloseCode, CUSTOM_PREFIX, INTERNAL_CLOSURE } from "./model/protocol";
import { encodeReplicaState, redactArchived, redactUpdate } from "./model/replica";

export type { InitOutcome } from "./commit";

/** Who asks for a closed activity's archive: their role, and their participant id if they are one. */
export interface ArchiveReader {
  role: Actor["role"] | "organiser";
  participantId: string | null;
}

const OPEN = 1;

export interface RoomTuning extends GuardLimits, BroadcastTiming {
  /** a snapshot is taken after this many logged commands */
  snapshotEvery: number;
  /**
   * Live sockets one participant may hold (a phone reconnecting, a second tab); beyond it
   * the oldest is closed, so one person cannot become a crowd of connections.
   */
  socketsPerParticipant: number;
  /** the same for a facilitator, screen or evaluator link (shared by co-facilitators, several screens) */
  socketsPerLink: number;
  /** the live doc's byte budget (safety #12): past it, new content is refused `room_full_of_content` */
  docBudgetBytes: number;
}

export const DEFAULT_TUNING: RoomTuning = {
  ...DEFAULT_LIMITS,
  fanOutSlice: 5000,
  presenceMs: 100,
  snapshotEvery: 200,
  socketsPerParticipant: 3,
  socketsPerLink: 20,
  docBudgetBytes: DOC_BUDGET_BYTES,
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

export class WorkshopRoom extends Server<RoomEnv> {
  static override options = { hibernate: true };

  /** Limits and batching; a test may lower or raise them through `runInDurableObject`. */
  tuning: RoomTuning = { ...DEFAULT_TUNING };

  readonly #broadcast = new Broadcast(
    this.ctx,
    () => this.tuning,
    (to) => this.#socketsOf(to),
  );
  readonly #flush = new FlushSchedule(this.ctx.storage);
  #pipeline: CommitPipeline | null = null;
  /**
   * A phone's whole replica, encoded once for everyone who asks from nothing (a burst of joins)
   * until the next committed change (party/model/replica.ts); the state vector is checked too.
   */
  #replicaCache: { vector: string; state: Uint8Array } | null = null;
  /** perf (#17): the last welcome sync deflated, and what it was before (see #deflated). */
  #deflateCache: { plain: Uint8Array; packed: Uint8Array<ArrayBuffer> } | null = null;
  /**
   * The last `mine` message sent per participant (or kiosk turn), as JSON, so a change is sent
   * once and an unchanged list not at all. In memory: after a wake it is simply sent again.
   */
  readonly #mineSent = new Map<string, string>();
  /** Rate limits per connection id; in memory on purpose (see guard.ts). */
  readonly #guards = new Map<string, ConnectionGuard>();

  /** Loaded on first use, synchronously, so RPC methods can call it too and nothing interleaves with loading. */
  get #commit(): CommitPipeline {
    this.#pipeline ??= new CommitPipeline(
      this.ctx.storage,
      {
        committed: (update) => {
          if (update) {
            // A delete changes no state vector: the cached replica goes with every committed change.
            this.#replicaCache = null;
            this.#deflateCache = null;
            this.#broadcast.queueUpdate(update, redactUpdate(update, this.#commit.doc));
          }
          this.#flush.schedule();
        },
      },
      () => this.tuning.snapshotEvery,
      () => this.tuning.docBudgetBytes,
    );
    return this.#pipeline;
  }

  // ---- start-up ------------------------------------------------------------------

  /** Runs on first use and after every hibernation or eviction. No client is involved. */
  override async onStart(): Promise<void> {
    const { outbox } = this.#commit;
    // Presence is kept in the socket attachments so it survives hibernation.
    for (const conn of this.getConnections()) {
      const state = connectionState(conn);
      if (state) this.#broadcast.presence.restore(state.actor, state.presenceId);
    }
    await this.#flush.restore(outbox);
  }

  // ---- connections ------------------------------------------------------------------

  /** Tags let the room reach one actor's sockets, or all facilitators, without reading attachments. */
  override getConnectionTags(_conn: Connection, ctx: ConnectionContext): string[] {
    const actor = actorFromRequest(ctx.request);
    return actor ? [actorTag(actor.id), roleTag(actor.role)] : [];
  }

  override onConnect(conn: Connection, ctx: ConnectionContext): void {
    try {
      this.#welcome(conn, ctx);
    } catch (err) {
      // partyserver would send the stack trace to the client; we say only that it failed.
      console.error("could not set up a connection", err);
      closeWith(conn, INTERNAL_CLOSURE, "The room could not set up your connection.");
    }
  }

  /** Sends a verified newcomer, in order: hello, sync step 1, everyone's presence, their private state. */
  #welcome(conn: Connection, ctx: ConnectionContext): void {
    const pipeline = this.#commit;
    const admitted = admit(pipeline, ctx.request);
    if (!admitted.ok) {
      closeWith(conn, admitted.code, admitted.reason);
      return;
    }
    const { actor } = admitted;
    this.#capSockets(actor, conn);
    const presenceId = this.#broadcast.presence.show(actor);
    conn.setState({ actor, presenceId } satisfies ConnectionState);
    this.#guards.set(conn.id, new ConnectionGuard(this.tuning, Date.now()));

    sendMessage(conn, { type: "hello", you: actor, serverTime: Date.now() });
    safeSend(conn, syncStep1Frame(pipeline.doc));
    // perf (#17): a client that named its state vector in the address gets what it lacks now,
    // a round trip sooner; it sends no sync step 1 of its own then.
    const params = new URL(ctx.request.url).searchParams;
    const asked = syncStep1FromParam(params.get("sv"));
    // perf (#17): deflated for a client that accepts it (a phone on a slow network).
    const deflate = params.get(DEFLATE_PARAM) === "1";
    if (asked) this.#answerSyncStep1(conn, actor, asked, deflate);
    this.#broadcast.sendPresenceTo(conn, seesWhoIsWho(actor), deflate);
    for (const message of pipeline.store.priv.privateStateFor(actor)) sendMessage(conn, message);
    for (const id of this.#ownIds(actor)) sendMessage(conn, this.#mine(id));
    this.#broadcast.presenceChanged();
  }

  /** Whose `mine` an actor receives: a participant their own; a kiosk each of its turns'. */
  #ownIds(actor: Actor): string[] {
    if (actor.role === "participant") return [actor.id];
    if (actor.role !== "kiosk") return [];
    const prefix = `${actor.id}-`;
    return [...roots(this.#commit.doc).participants.keys()].filter((id) => id.startsWith(prefix));
  }

  /** The current `mine` of one participant or kiosk turn, remembered as sent. */
  #mine(participantId: string) {
    const mine = mineOf(this.#commit.doc, participantId, this.#commit.archive.roots(this.#commit.doc));
    this.#mineSent.set(participantId, JSON.stringify(mine));
    return mine;
  }

  /**
   * After a command: sends `mine` again to each person whose own cards, comments, supports
   * or entry it may have changed, and only if it did. A participant's or kiosk's command
   * changes only the actor's (or that turn's) own; a facilitator's or host's (merge, harvest,
   * removal, seating) may change anyone's named in the entries it touched.
   */
  #refreshMine(actor: Actor, args: unknown, changes: Committed["changes"]): void {
    // A `mine` is read from cards, comments and participants only: a command that changed none
    // of them (a vote, feedback, a facilitator's run control) changed nobody's, so no scan.
    if (!MINE_ROOTS.some((root) => changes.get(root)?.size)) return;
    const whose = new Map<string, Actor["id"]>();
    if (actor.role === "participant") whose.set(actor.id, actor.id);
    if (actor.role === "kiosk") {
      const turn = (args as { onBehalfOf?: { turn?: unknown } } | null)?.onBehalfOf?.turn;
      if (typeof turn === "string" && turn) whose.set(`${actor.id}-${turn}`, actor.id);
    }
    // perf (#17): cards and comments of closed maps are in the archive, behind these roots.
    const r = this.#commit.archive.roots(this.#commit.doc);
    for (const id of changes.get("participants") ?? []) {
      const entry = r.participants.get(id);
      if (!entry?.source) whose.set(id, id);
    }
    if (actor.role === "facilitator" || actor.role === "host") {
      for (const key of changes.get("cards") ?? []) {
        const card = r.cards.get(key);
        for (const id of [card?.authorId, ...(card?.supports ?? [])])
          if (id && r.participants.has(id)) whose.set(id, id);
      }
      for (const key of changes.get("comments") ?? []) {
        const id = r.comments.get(key)?.authorId;
        if (id && r.participants.has(id)) whose.set(id, id);
      }
    }
    for (const [participantId, to] of whose) {
      const sockets = this.#socketsOf(to);
      if (sockets.length === 0) continue;
      const mine = mineOf(this.#commit.doc, participantId, r);
      const json = JSON.stringify(mine);
      if (this.#mineSent.get(participantId) === json) continue;
      this.#mineSent.set(participantId, json);
      for (const conn of sockets) sendMessage(conn, mine);
    }
  }

  /** Closes this actor's oldest sockets so that, with `conn`, they hold at most their allowance. */
  #capSockets(actor: Actor, conn: Connection): void {
    const allowed = actor.role === "participant" ? this.tuning.socketsPerParticipant : this.tuning.socketsPerLink;
    const others = this.#socketsOf(actor.id).filter((ws) => ws !== conn && ws.readyState === OPEN);
    for (const old of others.slice(0, Math.max(0, others.length - (allowed - 1)))) {
      closeWith(old, CloseCode.tooManySockets, "You opened this workshop somewhere else.");
    }
  }

  override onClose(conn: Connection): void {
    this.#guards.delete(conn.id);
    const state = connectionState(conn);
    if (!state) return;
    const stillHere = this.#socketsOf(state.actor.id).some((ws) => ws !== conn && ws.readyState === OPEN);
    if (!stillHere) {
      this.#broadcast.presence.hide(state.actor.id);
      this.#broadcast.presenceChanged();
    }
  }

  override onError(conn: Connection, error: unknown): void {
    console.warn(`connection ${conn.id} failed:`, error instanceof Error ? error.message : String(error));
  }

  /** A non-WebSocket request reached the room: only the Worker's WebSocket handoff belongs here. */
  override onRequest(_request: Request): Response {
    return Response.json(
      { error: { code: "bad_request", message: "This address only accepts WebSocket connections." } },
      { status: 426 },
    );
  }

  // ---- messages ------------------------------------------------------------------------

  override onMessage(conn: Connection, message: WSMessage): void {
    try {
      this.#receive(conn, message);
    } catch (err) {
      // One bad message must not take the room down; the sender hears nothing back for it.
      console.error(`message from connection ${conn.id} failed`, err);
    }
  }

  #receive(conn: Connection, message: WSMessage): void {
    const state = connectionState(conn);
    // Only connections that passed onConnect have state; anything else is not ours to serve.
    if (!state) {
      closeWith(conn, CloseCode.unauthorised, "No verified identity.");
      return;
    }
    const guard = this.#guardFor(conn);
    const verdict = guard.admit(Date.now());
    if (verdict === "close") {
      closeWith(conn, CloseCode.tooManyMessages, "Too many messages.");
      return;
    }

    if (typeof message === "string") {
      if (!message.startsWith(CUSTOM_PREFIX)) {
        this.#badMessage(conn, guard, refusalAck(null, "bad_request", "Unknown message."));
        return;
      }
      const text = message.slice(CUSTOM_PREFIX.length);
      if (verdict === "limited") {
        sendMessage(conn, refusalAck(recoverId(text), "rate_limited", "Too many commands; slow down."));
        return;
      }
      this.#onCommandText(conn, state.actor, guard, text);
      return;
    }
    // Binary frames carry no id to answer; dropping is the answer to a rate-limited one.
    if (verdict === "limited") return;
    this.#onFrame(conn, state.actor, guard, message);
  }

  #onFrame(conn: Connection, actor: Actor, guard: ConnectionGuard, message: ArrayBuffer | ArrayBufferView): void {
    const bytes =
      message instanceof ArrayBuffer
        ? new Uint8Array(message)
        : new Uint8Array(message.buffer, message.byteOffset, message.byteLength);
    if (bytes.byteLength > LIMITS.messageBytes) {
      this.#badMessage(conn, guard, refusalAck(null, "too_large", "Message too large."));
      return;
    }
    const frame = this.#answerSyncStep1(conn, actor, bytes);
    if (frame.kind === "garbage") {
      this.#badMessage(conn, guard, refusalAck(null, "bad_request", "Unreadable frame."));
      return;
    }
    guard.good();
    if (frame.kind === "query-awareness") this.#broadcast.sendPresenceTo(conn, seesWhoIsWho(actor));
    // "write-attempt" and "awareness": read-only peers; a client's doc writes and
    // self-declared presence are ignored, never applied or relayed.
  }

  /**
   * perf (#17): a welcome's sync, deflated; the last one is kept, so a crowd joining an unchanged
   * room (the same whole replica for every new phone) compresses it once. A small reply (a
   * reconnecting phone's catch-up) is sent as it is and leaves the kept one alone.
   */
  #deflated(frame: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
    if (frame.byteLength < DEFLATE_MIN_BYTES) return frame;
    const last = this.#deflateCache;
    if (last && last.plain.byteLength === frame.byteLength && sameBytes(last.plain, frame)) return last.packed;
    const packed = deflateFrame(frame);
    this.#deflateCache = { plain: frame, packed };
    return packed;
  }

  /**
   * Reads a client's frame and, if it is sync step 1, answers it: a phone's catch-up is the
   * redacted replica's; who-is-who sockets' is the room's doc as it is. A who-is-who socket
   * from nothing gets the state as storage holds it (perf #17: no re-encoding of a doc the
   * room has just read on waking): the updates since the snapshot first, as an update the
   * client holds until the snapshot in sync step 2 arrives (Yjs integrates them in order).
   */
  #answerSyncStep1(
    conn: Connection,
    actor: Actor,
    bytes: Uint8Array,
    deflate = false,
  ): ReturnType<typeof readClientFrame> {
    const { doc, shared } = this.#commit;
    let before: Uint8Array | null = null;
    const frame = readClientFrame(bytes, doc, (vector) => {
      if (!seesWhoIsWho(actor)) return this.#replicaState(vector);
      const stored = Y.decodeStateVector(vector).size === 0 ? shared.storedState() : null;
      if (!stored) return Y.encodeStateAsUpdate(doc, vector);
      if (!stored.snapshot) return stored.since!;
      if (stored.since) before = updateFrame(stored.since);
      return stored.snapshot;
    });
    if (frame.kind === "sync-step-1") {
      if (before) safeSend(conn, before);
      safeSend(conn, deflate ? this.#deflated(frame.reply) : frame.reply);
    }
    return frame;
  }

  /** What a phone with this state vector lacks, redacted; the whole replica is encoded once per doc state. */
  #replicaState(vector: Uint8Array): Uint8Array {
    const { doc } = this.#commit;
    if (Y.decodeStateVector(vector).size > 0) return encodeReplicaState(doc, vector);
    const current = Y.encodeStateVector(doc).join(",");
    if (this.#replicaCache?.vector !== current)
      this.#replicaCache = { vector: current, state: encodeReplicaState(doc) };
    return this.#replicaCache.state;
  }

  #guardFor(conn: Connection): ConnectionGuard {
    let guard = this.#guards.get(conn.id);
    if (!guard) {
      guard = new ConnectionGuard(this.tuning, Date.now());
      this.#guards.set(conn.id, guard);
    }
    return guard;
  }

  #onCommandText(conn: Connection, actor: Actor, guard: ConnectionGuard, text: string): void {
    const command = screenCommand(text);
    if (!command.ok) {
      this.#badMessage(conn, guard, refusalAck(command.id, command.code, command.message));
      return;
    }
    guard.good();
    const committed = this.#commit.command(actor, command.id, command.name, command.args);
    if (committed.ack.ok) {
      // The sender sees its own change before the ack, so "acknowledged" also means "visible"
      // (and knows it as its own: `mine` goes before the ack too).
      for (const frame of this.#broadcast.pendingFrames(seesWhoIsWho(actor))) safeSend(conn, frame);
      try {
        this.#refreshMine(actor, command.args, committed.changes);
      } catch (err) {
        // The command is stored: its ack must still go out. A stale `mine` is corrected on reconnecting.
        console.error("could not send mine after a command", err);
      }
    }
    sendMessage(conn, committed.ack);
    if (committed.ack.ok) this.#afterCommit(actor, committed);
  }

  /** Answers an unreadable message, or closes a connection that sends nothing else. */
  #badMessage(conn: Connection, guard: ConnectionGuard, ack: Ack): void {
    if (guard.bad() === "close") {
      closeWith(conn, CloseCode.badMessages, "Too many unreadable messages.");
      return;
    }
    sendMessage(conn, ack);
  }

  /** What an accepted command changes outside the doc: private messages, departures, presence. */
  #afterCommit(actor: Actor, committed: Committed): void {
    this.#broadcast.deliver(committed.effects);
    // me.update: the attachment and presence follow the participant's new name or group.
    if (actor.role !== "participant" || !committed.changes.get("participants")?.has(actor.id)) return;
    const current = currentActor(this.#commit, actor);
    if (current.name === actor.name && current.group === actor.group) return;
    for (const conn of this.#socketsOf(actor.id)) {
      const state = connectionState(conn);
      if (state) conn.setState({ ...state, actor: current } satisfies ConnectionState);
    }
    this.#broadcast.presence.show(current);
    this.#broadcast.presenceChanged();
  }

  /** The sockets whose verified actor is the addressee; the tag only narrows the search. */
  #socketsOf(to: Addressee): Connection[] {
    return [...this.getConnections(addresseeTag(to))].filter((conn) => isAddressee(conn, to));
  }

  // ---- outbox to D1 ----------------------------------------------------------------------------

  override async onAlarm(): Promise<void> {
    const pipeline = this.#commit;
    await this.#flush.run(pipeline.outbox, this.env.DB, () => pipeline.workshopId !== null);
  }

  // ---- RPC for the Worker -------------------------------------------------------------------------

  /**
   * Creates the workshop in this room (idempotent). Returns an outcome rather than
   * throwing: an exception thrown across RPC is reported as uncaught inside the
   * Durable Object as well as to the caller.
   */
  async init(raw: RoomInitInput): Promise<InitOutcome> {
    return this.#commit.init(raw);
  }

  /** For the join route: whether this workshop takes new participants now. */
  async admission(): Promise<{ status: string; joining: boolean }> {
    const pipeline = this.#commit;
    if (!pipeline.workshopId) return { status: "missing", joining: false };
    const info = roots(pipeline.doc).workshop;
    return { status: String(info.get("status") ?? "draft"), joining: info.get("joining") !== false };
  }

  /**
   * A closed activity's cards, comments and links, out of the live doc (archive.ts); null when
   * none. The reader sees what their live doc would have held: facilitators, hosts and screens
   * the room's entries, everyone else the replica's (no participant ids, names only if shown);
   * a participant who was removed or withdrew is turned away, like at the door.
   */
  async archived(activityId: string, reader: ArchiveReader): Promise<ArchivedActivity | "departed" | null> {
    const pipeline = this.#commit;
    if (reader.participantId && pipeline.store.departure(reader.participantId)) return "departed";
    const archived = pipeline.archived(activityId);
    // privacy (#12): what the redacted replica would have shown this reader, never more.
    if (!archived || reader.role === "organiser" || WHO_IS_WHO.includes(reader.role)) return archived;
    return redactArchived(archived, pipeline.doc);
  }

  /**
   * A link was revoked: its actor's live sockets close now (4401); returns how many. The room
   * also remembers the revocation, so a handoff that checked the token just before it was
   * revoked (in flight while D1 changed) cannot open a socket just after.
   */
  async revoke(actorId: string): Promise<number> {
    const pipeline = this.#commit;
    if (pipeline.workshopId) pipeline.store.setMeta(revokedKey(actorId), String(Date.now()));
    const sockets = this.#socketsOf(actorId);
    for (const conn of sockets) closeWith(conn, CloseCode.unauthorised, "This link was revoked.");
    return sockets.length;
  }

  /**
   * session (#19): an actor lost access without its link being revoked (a programme-wide
   * evaluator, when the workshop leaves the programme): its live sockets close now (4403).
   * Nothing is remembered: if the workshop rejoins the programme, the link works again.
   */
  async disconnect(actorId: string): Promise<number> {
    const sockets = this.#socketsOf(actorId);
    for (const conn of sockets) closeWith(conn, CloseCode.forbidden, "This link no longer reaches this workshop.");
    return sockets.length;
  }

  /** Deletes everything this room holds and closes every socket; the room is then uninitialised. */
  async erase(): Promise<void> {
    const pipeline = this.#commit;
    // Uninitialised from this moment: anything that slips in while storage is deleted is refused.
    pipeline.workshopId = null;
    // A batch already on its way to D1 lands before we erase, not after the Worker cleaned D1.
    await this.#flush.settle();
    for (const conn of this.getConnections()) closeWith(conn, CloseCode.deleted, "This workshop was deleted.");
    this.#broadcast.clear();
    this.#replicaCache = null;
    this.#mineSent.clear();
    this.#guards.clear();
    await pipeline.erase();
    this.#flush.forget();
  }

  /** Counts for tests and benchmarks. */
  async state(): Promise<RoomState> {
    const { store, outbox, shared, workshopId } = this.#commit;
    return {
      initialised: workshopId !== null,
      workshopId,
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

/** Whether two byte arrays hold the same bytes. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

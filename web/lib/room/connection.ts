/**
 * One client's connection to a workshop room, without any UI framework: tickets,
 * a reconnecting WebSocket, the read-only Yjs sync, presence, and the command queue.
 * web/lib/room.ts wraps it in Solid signals; tests drive it with a fake socket.
 */
import * as v from "valibot";
import * as Y from "yjs";
import { COMMAND_ARGS, type CommandArgs, type CommandName } from "../../../party/model/commands";
import {
  DEFLATE_PARAM,
  inflateFrame,
  isDeflatedFrame,
  STATE_VECTOR_PARAM_MAX,
  stateVectorParam,
} from "../../../party/model/frames";
import { AckWaiters, type PresenceEntry, RoomPeer } from "../../../party/model/peer";
import {
  CloseCode,
  encodeCommand,
  type Hello,
  NORMAL_CLOSURE,
  type PrivateMessage,
  type ReadMessage,
} from "../../../party/model/protocol";
import type { KeyValueStore } from "../storage";
import { retryDelay } from "./backoff";
import type { DocCache, DocStore } from "./cache";
import { CommandQueue, pendingKey } from "./queue";

export type ConnectionState = "connecting" | "online" | "offline" | "closed";
/** Why a connection is closed for good (state "closed"). */
export type CloseReason = "unauthorised" | "forbidden" | "notFound" | "removed" | "deleted" | "stopped";

export interface CommandFailure {
  code: string;
  message: string;
}
export type CommandOutcome = { ok: true; result: Record<string, unknown> } | { ok: false; error: CommandFailure };
export type CommandStatus =
  | { state: "pending"; name: CommandName }
  | { state: "saved"; name: CommandName; result: Record<string, unknown> }
  /** `args` as sent, when known, so the UI can show what was not saved (nothing is lost silently) */
  | { state: "refused"; name: CommandName; error: CommandFailure; args?: unknown };

export type { PresenceEntry } from "../../../party/model/peer";

/** Method-style so a browser WebSocket's handler properties (typed with its own event types) fit. */
type Handler<E> = { handle(event: E): void }["handle"];

/** The subset of the browser WebSocket the client uses (a fake in tests). */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  send(data: string | Uint8Array<ArrayBuffer>): void;
  close(code?: number, reason?: string): void;
  onopen: Handler<unknown> | null;
  onmessage: Handler<{ data: unknown }> | null;
  onclose: Handler<{ code: number; reason: string }> | null;
  onerror: Handler<unknown> | null;
}

/** Something that says when the device goes on- or offline (window, in the browser). */
export interface NetworkEvents {
  addEventListener(type: "online" | "offline", listener: () => void): void;
  removeEventListener(type: "online" | "offline", listener: () => void): void;
}

export interface RoomEvents {
  state(state: ConnectionState, reason: CloseReason | null): void;
  hello(hello: Hello): void;
  command(id: string, status: CommandStatus): void;
  private(message: PrivateMessage): void;
  presence(entries: PresenceEntry[]): void;
  /** The doc was replaced (our cache held what the room does not); re-read everything. */
  doc(doc: Y.Doc): void;
}

export interface RoomConnectionOptions {
  workshopId: string;
  token: string;
  /** who is acting, for the pending-command key (participant id, or the console role) */
  actorKey: string;
  store: KeyValueStore;
  fetchTicket: (token: string, workshopId: string) => Promise<string>;
  openSocket: (url: string) => WebSocketLike;
  socketUrl: (workshopId: string, ticket: string) => string;
  events?: Partial<RoomEvents>;
  network?: NetworkEvents | null;
  /** cache the doc on the device (phones); off for consoles that want no trace on shared laptops */
  cacheDoc?: boolean;
  /** where the doc is cached: IndexedDB by default (web/lib/room/cache.ts) */
  docStore?: DocStore;
  newId?: () => string;
  now?: () => number;
  random?: () => number;
}

const OPEN = 1;

/** A socket that has not said hello by then is treated as dead (captive portals, half-open links). */
const HELLO_TIMEOUT_MS = 15_000;
/**
 * A command not acknowledged by then means the socket is dead without knowing it
 * (Wi-Fi hand-over, a sleeping radio): reconnect, and the queue resends it.
 */
const ACK_TIMEOUT_MS = 15_000;
/** After this many refused sockets in a row, stop: the token is no good. */
const MAX_UNAUTHORISED = 5;

const FINAL_CLOSE: Record<number, CloseReason> = {
  [CloseCode.forbidden]: "forbidden",
  [CloseCode.notFound]: "notFound",
  [CloseCode.removed]: "removed",
  [CloseCode.deleted]: "deleted",
};

/** HTTP statuses from the ticket endpoint that mean "this token will never work". */
const FINAL_TICKET_STATUS: Record<number, CloseReason> = {
  401: "unauthorised",
  403: "forbidden",
  404: "notFound",
  410: "deleted",
};

export class RoomConnection {
  state: ConnectionState = "connecting";
  closeReason: CloseReason | null = null;
  /** serverTime − local clock, from the room's hello; add to Date.now() for the room's clock. */
  clockOffset = 0;
  readonly statuses = new Map<string, CommandStatus>();

  private readonly queue: CommandQueue;
  private cache: DocCache | null = null;
  /**
   * Settles once the cached doc (if any) is applied: before the first sync, so the room
   * sends only what is new. The cache's code (IndexedDB) is its own chunk, fetched while
   * the ticket is: a phone's first screen does not wait for it.
   */
  readonly cacheReady: Promise<void>;
  private readonly waiters = new AckWaiters<CommandOutcome>();
  private readonly peer: RoomPeer;
  private socket: WebSocketLike | null = null;
  private attempts = 0;
  private unauthorisedInARow = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private helloTimer: ReturnType<typeof setTimeout> | null = null;
  private ackTimer: ReturnType<typeof setTimeout> | null = null;
  private connecting = false;
  /** the room said hello on the current socket: it is ready for commands */
  private greeted = false;
  private stopped = false;

  constructor(private readonly options: RoomConnectionOptions) {
    this.peer = new RoomPeer();
    this.queue = new CommandQueue(options.store, pendingKey(options.workshopId, options.actorKey));
    for (const item of this.queue.list()) this.statuses.set(item.id, { state: "pending", name: item.name });
    this.cacheReady = options.cacheDoc === false ? Promise.resolve() : this.openCache();
    this.watchDoc(this.doc);
  }

  /** Connects and keeps reconnecting until stop() or a final refusal. */
  start(): void {
    this.options.network?.addEventListener("online", this.onOnline);
    this.options.network?.addEventListener("offline", this.onOffline);
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.options.network?.removeEventListener("online", this.onOnline);
    this.options.network?.removeEventListener("offline", this.onOffline);
    this.clearTimers();
    this.dropSocket(NORMAL_CLOSURE, "client stopped");
    void this.cache?.saveNow();
    this.setState("closed", "stopped");
  }

  /** The room's clock now (for timers), in epoch ms. */
  serverNow(): number {
    return this.now() + this.clockOffset;
  }

  /** Commands made but not yet acknowledged, oldest first. */
  pending(): readonly { id: string; name: CommandName; args: unknown }[] {
    return this.queue.list();
  }

  /**
   * Sends a command. It is stored before it is sent, resent after reconnects and
   * reloads until the room acknowledges it; the promise settles with the room's answer
   * (or at once, refused, when the arguments are invalid and could never succeed).
   */
  send<N extends CommandName>(name: N, args: CommandArgs<N>, id: string = this.newId()): Promise<CommandOutcome> {
    const parsed = v.safeParse(COMMAND_ARGS[name], args);
    if (!parsed.success) {
      const tooLong = parsed.issues.some((issue) => issue.type === "max_length" || issue.type === "max_value");
      const error = { code: tooLong ? "too_large" : "bad_request", message: v.summarize(parsed.issues) };
      this.setStatus(id, { state: "refused", name, error });
      return Promise.resolve({ ok: false, error });
    }
    if (this.state === "closed") {
      const error = { code: "closed", message: `connection closed: ${this.closeReason ?? "closed"}` };
      this.setStatus(id, { state: "refused", name, error });
      return Promise.resolve({ ok: false, error });
    }
    const outcome = this.waitFor(id);
    this.queue.add({ id, name, args: parsed.output, createdAt: this.now() });
    this.setStatus(id, { state: "pending", name });
    if (this.greeted) this.transmit(id, name, parsed.output);
    return outcome;
  }

  /** Settles when the room answers command `id` (also one restored after a reload). */
  waitFor(id: string): Promise<CommandOutcome> {
    return this.waiters.wait(id);
  }

  // ---- connecting ----------------------------------------------------------------

  private async connect(): Promise<void> {
    if (this.stopped || this.connecting || this.state === "closed") return;
    this.connecting = true;
    this.retryTimer = null;
    if (this.state !== "offline" || this.attempts === 0) this.setState("connecting", null);
    let ticket: string;
    try {
      [ticket] = await Promise.all([
        this.options.fetchTicket(this.options.token, this.options.workshopId),
        this.cacheReady,
      ]);
    } catch (error) {
      this.connecting = false;
      const status = typeof error === "object" && error !== null && "status" in error ? Number(error.status) : 0;
      const final = FINAL_TICKET_STATUS[status];
      if (final) this.closeForGood(final);
      else this.retryLater();
      return;
    }
    this.connecting = false;
    if (this.stopped || this.isClosed()) return;
    let socket: WebSocketLike;
    let named = false;
    try {
      // perf (#17): our state vector in the address: the room sends what we lack with its welcome.
      const sv = stateVectorParam(Y.encodeStateVector(this.peer.doc));
      const url = this.options.socketUrl(this.options.workshopId, ticket);
      named = sv.length <= STATE_VECTOR_PARAM_MAX;
      // perf (#17): and that we read deflated frames (the welcome's sync comes compressed).
      socket = this.options.openSocket(named ? `${url}&sv=${sv}&${DEFLATE_PARAM}=1` : url);
    } catch {
      // The browser refused to open it (e.g. too many sockets): treat it like a dropped one.
      this.retryLater();
      return;
    }
    socket.binaryType = "arraybuffer";
    this.socket = socket;
    this.greeted = false;
    socket.onopen = () => {
      if (this.socket !== socket || named) return;
      socket.send(this.peer.syncStep1());
    };
    socket.onmessage = (event) => {
      if (this.socket === socket) this.receive(event.data);
    };
    socket.onclose = (event) => {
      if (this.socket === socket) this.onSocketClosed(event.code);
    };
    socket.onerror = () => {
      // A close event always follows; reconnecting is handled there.
    };
    this.helloTimer = setTimeout(() => {
      if (this.socket === socket && !this.greeted) this.dropAndRetry("no hello");
    }, HELLO_TIMEOUT_MS);
  }

  private onSocketClosed(code: number): void {
    this.socket = null;
    this.greeted = false;
    this.disarmAckTimer();
    if (this.stopped) return;
    const final = FINAL_CLOSE[code];
    if (final) this.closeForGood(final);
    else if (code === CloseCode.unauthorised && ++this.unauthorisedInARow >= MAX_UNAUTHORISED) {
      this.closeForGood("unauthorised");
    } else this.retryLater();
  }

  private retryLater(): void {
    if (this.stopped || this.state === "closed") return;
    this.setState("offline", null);
    if (this.retryTimer !== null) return;
    const delay = retryDelay(this.attempts++, () => this.random());
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private dropAndRetry(reason: string): void {
    this.dropSocket(4000, reason);
    this.retryLater();
  }

  private readonly onOnline = (): void => {
    if (this.stopped || this.state === "closed" || this.socket || this.connecting) return;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.attempts = 0;
    void this.connect();
  };

  private readonly onOffline = (): void => {
    // Browsers keep a dead socket "open" for a long time after the network goes;
    // drop it now so the person sees "offline" and their next command waits in the queue.
    if (this.stopped || this.state === "closed") return;
    this.dropSocket(4000, "device offline");
    this.retryLater();
  };

  private closeForGood(reason: CloseReason): void {
    this.clearTimers();
    this.dropSocket(NORMAL_CLOSURE, reason);
    if (reason === "removed" || reason === "deleted") {
      // Nothing pending can succeed any more.
      for (const item of this.queue.list()) {
        this.settle(item.id, item.name, { ok: false, error: { code: "closed", message: reason } }, item.args);
      }
      this.queue.clear();
    }
    // A removed or withdrawn person's phone keeps no copy of the workshop either.
    if (reason === "removed" || reason === "deleted") void this.cache?.clear();
    this.setState("closed", reason);
  }

  private dropSocket(code: number, reason: string): void {
    const socket = this.socket;
    this.socket = null;
    this.greeted = false;
    if (this.helloTimer !== null) clearTimeout(this.helloTimer);
    this.helloTimer = null;
    this.disarmAckTimer();
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close(code, reason);
    } catch {
      // Closing a socket that never opened can throw in some browsers; it is gone either way.
    }
  }

  private clearTimers(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    if (this.helloTimer !== null) clearTimeout(this.helloTimer);
    this.retryTimer = this.helloTimer = null;
    this.disarmAckTimer();
  }

  // ---- receiving -------------------------------------------------------------------

  /** The doc as the room sent it (replaced when our cached copy turned out stale). */
  get doc(): Y.Doc {
    return this.peer.doc;
  }

  /**
   * perf (#17): frames waiting behind a deflated one while it inflates (DecompressionStream is
   * asynchronous), so the room's frames are still read in the order it sent them.
   */
  private inflating: Promise<void> | null = null;
  private waitingFrames = 0;

  private receive(data: unknown): void {
    const frame = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
    if (typeof frame !== "string" && !(frame instanceof Uint8Array)) return;
    if (this.inflating === null && !isDeflatedFrame(frame)) {
      this.read(frame);
      return;
    }
    const socket = this.socket;
    this.waitingFrames++;
    this.inflating = (this.inflating ?? Promise.resolve()).then(async () => {
      try {
        const plain = isDeflatedFrame(frame) ? await inflateFrame(frame) : frame;
        if (this.socket === socket) this.read(plain);
      } catch {
        if (this.socket === socket) this.dropAndRetry("corrupt frame");
      }
      if (--this.waitingFrames === 0) this.inflating = null;
    });
  }

  private read(frame: string | Uint8Array): void {
    const received = this.peer.receive(frame);
    switch (received.kind) {
      case "message":
        this.receiveMessage(received.message);
        return;
      case "stale":
        this.replaceDoc();
        return;
      case "corrupt":
        // A corrupt update: ask for the state again rather than keep a broken doc.
        this.dropAndRetry("corrupt update");
        return;
      case "presence":
        if (received.changed) this.options.events?.presence?.(this.peer.presence.list());
        return;
      default:
        return;
    }
  }

  private receiveMessage(message: ReadMessage): void {
    switch (message.type) {
      case "hello":
        this.greeted = true;
        if (this.helloTimer !== null) clearTimeout(this.helloTimer);
        this.helloTimer = null;
        this.attempts = 0;
        this.unauthorisedInARow = 0;
        this.clockOffset = message.serverTime - this.now();
        this.options.events?.hello?.(message);
        this.setState("online", null);
        for (const item of this.queue.list()) this.transmit(item.id, item.name, item.args);
        return;
      case "ack": {
        const known = this.statuses.get(message.id);
        const queued = this.queue.remove(message.id);
        // The room answers: the socket is alive. Give what is still queued a fresh window.
        this.disarmAckTimer();
        if (this.queue.list().length > 0) this.armAckTimer();
        const name = queued?.name ?? known?.name;
        if (!name) return; // An ack for a command this client never made (another tab): not ours to show.
        this.settle(
          message.id,
          name,
          message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error },
          queued?.args,
        );
        return;
      }
      case "private":
        this.options.events?.private?.(message);
        return;
      case "goodbye":
        // The close code that follows says what to do; the goodbye only arrives first.
        return;
    }
  }

  // ---- the doc ---------------------------------------------------------------------------

  private async openCache(): Promise<void> {
    try {
      const { DocCache, defaultDocStore } = await import("./cache");
      const cache = new DocCache(
        this.options.docStore ?? defaultDocStore(),
        this.options.workshopId,
        this.doc,
        this.options.store,
      );
      await cache.load();
      if (!this.stopped) this.cache = cache;
    } catch {
      // The cache's code could not be fetched (offline before it was ever loaded): no cache this time.
    }
  }

  private watchDoc(doc: Y.Doc): void {
    // What the cache itself applied is already saved.
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== "cache") this.cache?.record(update);
    });
  }

  private replaceDoc(): void {
    this.doc.destroy();
    this.peer.reset();
    this.watchDoc(this.doc);
    this.cache?.use(this.doc);
    void this.cache?.clear();
    this.options.events?.doc?.(this.doc);
    // Our first step 1 described the stale doc; ask again from nothing.
    if (this.socket?.readyState === OPEN) this.socket.send(this.peer.syncStep1());
  }

  // ---- commands --------------------------------------------------------------------------

  private transmit(id: string, name: string, args: unknown): void {
    if (this.socket?.readyState !== OPEN) return;
    try {
      this.socket.send(encodeCommand(id, name, args));
      this.armAckTimer();
    } catch {
      // The socket died under us; the command stays queued and goes again after reconnecting.
    }
  }

  private armAckTimer(): void {
    if (this.ackTimer !== null) return;
    this.ackTimer = setTimeout(() => {
      this.ackTimer = null;
      if (this.greeted && this.queue.list().length > 0) this.dropAndRetry("no ack");
    }, ACK_TIMEOUT_MS);
  }

  private disarmAckTimer(): void {
    if (this.ackTimer !== null) clearTimeout(this.ackTimer);
    this.ackTimer = null;
  }

  private settle(id: string, name: CommandName, outcome: CommandOutcome, args?: unknown): void {
    this.setStatus(
      id,
      outcome.ok
        ? { state: "saved", name, result: outcome.result }
        : { state: "refused", name, error: outcome.error, ...(args === undefined ? {} : { args }) },
    );
    this.waiters.settle(id, outcome);
  }

  private setStatus(id: string, status: CommandStatus): void {
    this.statuses.set(id, status);
    this.options.events?.command?.(id, status);
  }

  private setState(state: ConnectionState, reason: CloseReason | null): void {
    if (this.state === state && this.closeReason === reason) return;
    this.state = state;
    this.closeReason = reason;
    this.options.events?.state?.(state, reason);
  }

  /** (a method, so TypeScript does not narrow `state` across awaits) */
  private isClosed(): boolean {
    return this.state === "closed";
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private random(): number {
    return this.options.random?.() ?? Math.random();
  }

  private newId(): string {
    return this.options.newId?.() ?? crypto.randomUUID();
  }
}

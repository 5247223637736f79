/**
 * The client core: one connection life cycle for every client of the room that sends
 * commands on behalf of a person, in the browser (web/lib/room/connection.ts) and in Node
 * (scripts/lib/room-client.ts's RoomSession: the demo loader, the fault suite).
 *
 *   fetch a ticket → open the socket (our state vector in the address) → the room says hello
 *   → resend every queued command, oldest first → send new ones → wait for their acks
 *   → on a close, a silent socket (no hello, no ack in time) or a corrupt update: back off
 *     with jitter, fetch a FRESH ticket (tickets are single-use), reconnect, resend.
 *
 * A command is queued before it is sent and leaves the queue only when the room answers it,
 * and a resend carries the same command id, so the room answers a replay from its log
 * instead of applying it twice (exactly once: docs/architecture.md, principle 4).
 *
 * What differs between the browser and Node is passed in: how a socket is opened, how a
 * ticket is fetched, where the queue lives (localStorage on a phone, memory in Node), the
 * clock, the timers and the dice. The frames themselves are read by RoomPeer (./peer.ts).
 */
import { encodeStateVector } from "yjs";
import { DEFLATE_PARAM, inflateFrame, isDeflatedFrame, STATE_VECTOR_PARAM_MAX, stateVectorParam } from "./frames";
import { AckWaiters, type PresenceEntry, RoomPeer } from "./peer";
import {
  CLIENT_RETRY_CLOSURE,
  CloseCode,
  encodeCommand,
  type Hello,
  NORMAL_CLOSURE,
  type PrivateMessage,
  type ReadMessage,
} from "./protocol";

export type ConnectionState = "connecting" | "online" | "offline" | "closed";
/** Why a connection is closed for good (state "closed"). */
export type CloseReason = "unauthorised" | "forbidden" | "notFound" | "removed" | "deleted" | "stopped";

export interface CommandFailure {
  code: string;
  message: string;
}
/** The room's answer to one command. */
export type CommandOutcome = { ok: true; result: Record<string, unknown> } | { ok: false; error: CommandFailure };

/** Method-style so a browser WebSocket's handler properties (typed with its own event types) fit. */
type Handler<E> = { handle(event: E): void }["handle"];

/** The subset of a WebSocket the core uses: the browser's, the `ws` package's, or a fake in tests. */
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

/** A command made and not yet answered. */
export interface QueuedCommand {
  id: string;
  name: string;
  args: unknown;
  createdAt: number;
}

/**
 * Where unanswered commands wait, oldest first: the browser's is kept in localStorage so a
 * reload loses none (web/lib/room/queue.ts), Node's in memory (MemoryQueue).
 */
export interface CommandStore<C extends QueuedCommand = QueuedCommand> {
  list(): readonly C[];
  add(command: C): void;
  remove(id: string): C | undefined;
  clear(): void;
}

export class MemoryQueue implements CommandStore {
  #items: QueuedCommand[] = [];
  list(): readonly QueuedCommand[] {
    return this.#items;
  }
  add(command: QueuedCommand): void {
    this.#items = [...this.#items, command];
  }
  remove(id: string): QueuedCommand | undefined {
    const found = this.#items.find((item) => item.id === id);
    if (found) this.#items = this.#items.filter((item) => item !== found);
    return found;
  }
  clear(): void {
    this.#items = [];
  }
}

/**
 * The timers the core arms: the runtime's own (globalThis) by default, fake ones in tests.
 * (Methods, so the browser's and Node's differently typed globals both fit.)
 */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

export interface ClientEvents<C extends QueuedCommand> {
  state(state: ConnectionState, reason: CloseReason | null): void;
  hello(hello: Hello): void;
  /**
   * The room answered command `id` (or it can no longer succeed: the person was removed, the
   * workshop deleted). `queued` is the command as it was queued, when it still was.
   */
  answer(id: string, outcome: CommandOutcome, queued: C | undefined): void;
  private(message: PrivateMessage): void;
  presence(entries: PresenceEntry[]): void;
  /** The doc was replaced (our copy held what the room does not); re-read everything. */
  doc(doc: RoomPeer["doc"]): void;
}

export interface ClientOptions<C extends QueuedCommand = QueuedCommand> {
  /** A fresh single-use ticket; rejects with an error carrying an HTTP `status` when refused. */
  fetchTicket: () => Promise<string>;
  /** The socket's address for a ticket (the core appends the state vector). */
  socketUrl: (ticket: string) => string;
  openSocket: (url: string) => WebSocketLike;
  queue: CommandStore<C>;
  /** Reads the room's frames into a doc (one made here when not given). */
  peer?: RoomPeer;
  events?: Partial<ClientEvents<C>>;
  timers?: Timers | undefined;
  now?: (() => number) | undefined;
  random?: (() => number) | undefined;
}

const OPEN = 1;

/**
 * A socket that has not said hello by then is treated as dead (captive portals, half-open
 * links), and so is one that leaves a command unacknowledged that long (Wi-Fi hand-over, a
 * sleeping radio, a runtime killed): reconnect, and the queue resends it.
 */
export const SILENCE_MS = 15_000;
/** After this many refused sockets in a row, stop: the token is no good. */
const MAX_UNAUTHORISED = 5;

/** Close codes after which reconnecting cannot help. */
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

const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 30_000;

/**
 * How long to wait before reconnecting: exponential, capped, with jitter, so a room's
 * worth of phones dropped by the same Wi-Fi blip do not all come back in the same
 * millisecond ("equal jitter": half the window fixed, half random).
 */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
}

export class RoomClientCore<C extends QueuedCommand = QueuedCommand> {
  state: ConnectionState = "connecting";
  closeReason: CloseReason | null = null;
  /** serverTime − local clock, from the room's hello; add to Date.now() for the room's clock. */
  clockOffset = 0;
  readonly peer: RoomPeer;
  /** Commands made and not yet answered, oldest first. */
  readonly queue: CommandStore<C>;
  /** Settles before each ticket is fetched: the browser applies its cached doc first. */
  ready: Promise<unknown> = Promise.resolve();

  readonly #o: ClientOptions<C>;
  readonly #timers: Timers;
  /** Who waits for which command's answer (an adapter may give up on all of them). */
  protected readonly waiters: AckWaiters<CommandOutcome>;
  #socket: WebSocketLike | null = null;
  #attempts = 0;
  #unauthorisedInARow = 0;
  #retryTimer: unknown = null;
  #helloTimer: unknown = null;
  #ackTimer: unknown = null;
  #connecting = false;
  /** the room said hello on the current socket: it is ready for commands */
  #greeted = false;
  #stopped = false;

  constructor(options: ClientOptions<C>) {
    this.#o = options;
    this.#timers = options.timers ?? globalThis;
    this.waiters = new AckWaiters();
    this.peer = options.peer ?? new RoomPeer();
    this.queue = options.queue;
  }

  /** Connects and keeps reconnecting until stop() or a final refusal. */
  start(): void {
    void this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    this.#clearTimers();
    this.#dropSocket(NORMAL_CLOSURE, "client stopped");
    this.#setState("closed", "stopped");
  }

  /**
   * Queues a command and sends it if the room is listening; it is resent after every
   * reconnect until answered. waitFor(id) settles with the answer.
   */
  enqueue(command: C): void {
    this.queue.add(command);
    if (this.#greeted) this.#transmit(command);
  }

  /**
   * Settles when the room answers command `id` (also one restored from a stored queue). The
   * browser waits as long as it takes; Node tooling passes `timeoutMs` and gets a rejection
   * instead (the command stays queued). That give-up time runs on the runtime's timers
   * (AckWaiters), not the core's: the phone's bundle does not carry the indirection.
   */
  waitFor(id: string, timeoutMs?: number, what?: string): Promise<CommandOutcome> {
    return this.waiters.wait(id, timeoutMs, what);
  }

  /** Connect now rather than after the back-off (the device came back online). */
  reconnectNow(): void {
    if (this.#stopped || this.state === "closed" || this.#socket || this.#connecting) return;
    if (this.#retryTimer !== null) this.#timers.clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#attempts = 0;
    void this.#connect();
  }

  /** Drops the socket and reconnects after the back-off (the device went offline, a test cut the line). */
  drop(reason: string): void {
    if (this.#stopped || this.state === "closed") return;
    this.#dropSocket(CLIENT_RETRY_CLOSURE, reason);
    this.#retryLater();
  }

  // ---- connecting ----------------------------------------------------------------

  async #connect(): Promise<void> {
    if (this.#stopped || this.#connecting || this.state === "closed") return;
    this.#connecting = true;
    this.#retryTimer = null;
    if (this.state !== "offline" || this.#attempts === 0) this.#setState("connecting", null);
    let ticket: string;
    try {
      [ticket] = await Promise.all([this.#o.fetchTicket(), this.ready]);
    } catch (error) {
      this.#connecting = false;
      const status = typeof error === "object" && error !== null && "status" in error ? Number(error.status) : 0;
      const final = FINAL_TICKET_STATUS[status];
      if (final) this.#closeForGood(final);
      else this.#retryLater();
      return;
    }
    this.#connecting = false;
    // (a cast: TypeScript would keep `state` narrowed across the await)
    if (this.#stopped || (this.state as ConnectionState) === "closed") return;
    let socket: WebSocketLike;
    let named = false;
    try {
      // perf (#17): our state vector in the address: the room sends what we lack with its welcome.
      const sv = stateVectorParam(encodeStateVector(this.peer.doc));
      const url = this.#o.socketUrl(ticket);
      named = sv.length <= STATE_VECTOR_PARAM_MAX;
      // perf (#17): and that we read deflated frames (the welcome's sync comes compressed).
      socket = this.#o.openSocket(named ? `${url}&sv=${sv}&${DEFLATE_PARAM}=1` : url);
    } catch {
      // The runtime refused to open it (e.g. too many sockets): treat it like a dropped one.
      this.#retryLater();
      return;
    }
    socket.binaryType = "arraybuffer";
    this.#socket = socket;
    this.#greeted = false;
    socket.onopen = () => {
      if (this.#socket !== socket || named) return;
      socket.send(this.peer.syncStep1());
    };
    socket.onmessage = (event) => {
      if (this.#socket === socket) this.#receive(event.data);
    };
    socket.onclose = (event) => {
      if (this.#socket === socket) this.#onSocketClosed(event.code);
    };
    socket.onerror = () => {
      // A close event always follows; reconnecting is handled there.
    };
    this.#helloTimer = this.#timers.setTimeout(() => {
      if (this.#socket === socket && !this.#greeted) this.drop("no hello");
    }, SILENCE_MS);
  }

  #onSocketClosed(code: number): void {
    this.#socket = null;
    this.#greeted = false;
    this.#disarmAckTimer();
    if (this.#stopped) return;
    const final = FINAL_CLOSE[code];
    if (final) this.#closeForGood(final);
    else if (code === CloseCode.unauthorised && ++this.#unauthorisedInARow >= MAX_UNAUTHORISED) {
      this.#closeForGood("unauthorised");
    } else this.#retryLater();
  }

  #retryLater(): void {
    if (this.#stopped || this.state === "closed") return;
    this.#setState("offline", null);
    if (this.#retryTimer !== null) return;
    const delay = retryDelay(this.#attempts++, this.#o.random ?? Math.random);
    this.#retryTimer = this.#timers.setTimeout(() => void this.#connect(), delay);
  }

  #closeForGood(reason: CloseReason): void {
    this.#clearTimers();
    this.#dropSocket(NORMAL_CLOSURE, reason);
    if (reason === "removed" || reason === "deleted") {
      // Nothing pending can succeed any more.
      for (const item of this.queue.list()) {
        this.#answer(item.id, { ok: false, error: { code: "closed", message: reason } }, item);
      }
      this.queue.clear();
    }
    this.#setState("closed", reason);
  }

  #dropSocket(code: number, reason: string): void {
    const socket = this.#socket;
    this.#socket = null;
    this.#greeted = false;
    if (this.#helloTimer !== null) this.#timers.clearTimeout(this.#helloTimer);
    this.#helloTimer = null;
    this.#disarmAckTimer();
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close(code, reason);
    } catch {
      // Closing a socket that never opened can throw in some browsers; it is gone either way.
    }
  }

  #clearTimers(): void {
    if (this.#retryTimer !== null) this.#timers.clearTimeout(this.#retryTimer);
    if (this.#helloTimer !== null) this.#timers.clearTimeout(this.#helloTimer);
    this.#retryTimer = this.#helloTimer = null;
    this.#disarmAckTimer();
  }

  // ---- receiving -------------------------------------------------------------------

  /**
   * perf (#17): frames waiting behind a deflated one while it inflates (DecompressionStream is
   * asynchronous), so the room's frames are still read in the order it sent them.
   */
  #inflating: Promise<void> | null = null;
  #waitingFrames = 0;

  #receive(data: unknown): void {
    const frame = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
    if (typeof frame !== "string" && !(frame instanceof Uint8Array)) return;
    if (this.#inflating === null && !isDeflatedFrame(frame)) {
      this.#read(frame);
      return;
    }
    const socket = this.#socket;
    this.#waitingFrames++;
    this.#inflating = (this.#inflating ?? Promise.resolve()).then(async () => {
      try {
        const plain = isDeflatedFrame(frame) ? await inflateFrame(frame) : frame;
        if (this.#socket === socket) this.#read(plain);
      } catch {
        if (this.#socket === socket) this.drop("corrupt frame");
      }
      if (--this.#waitingFrames === 0) this.#inflating = null;
    });
  }

  #read(frame: string | Uint8Array): void {
    const received = this.peer.receive(frame);
    switch (received.kind) {
      case "message":
        this.#receiveMessage(received.message);
        break;
      case "stale":
        this.#replaceDoc();
        break;
      case "corrupt":
        // A corrupt update: ask for the state again rather than keep a broken doc.
        this.drop("corrupt update");
        break;
      case "presence":
        if (received.changed) this.#o.events?.presence?.(this.peer.presence.list());
        break;
    }
  }

  #receiveMessage(message: ReadMessage): void {
    switch (message.type) {
      case "hello":
        this.#greeted = true;
        if (this.#helloTimer !== null) this.#timers.clearTimeout(this.#helloTimer);
        this.#helloTimer = null;
        this.#attempts = 0;
        this.#unauthorisedInARow = 0;
        this.clockOffset = message.serverTime - this.now();
        this.#o.events?.hello?.(message);
        this.#setState("online", null);
        for (const item of this.queue.list()) this.#transmit(item);
        return;
      case "ack": {
        const queued = this.queue.remove(message.id);
        // The room answers: the socket is alive. Give what is still queued a fresh window.
        this.#disarmAckTimer();
        if (this.queue.list().length > 0) this.#armAckTimer();
        this.#answer(
          message.id,
          message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error },
          queued,
        );
        return;
      }
      case "private":
        this.#o.events?.private?.(message);
        return;
      case "goodbye":
        // The close code that follows says what to do; the goodbye only arrives first.
        return;
    }
  }

  #replaceDoc(): void {
    this.peer.doc.destroy();
    this.peer.reset();
    this.#o.events?.doc?.(this.peer.doc);
    // Our first step 1 described the stale doc; ask again from nothing.
    if (this.#socket?.readyState === OPEN) this.#socket.send(this.peer.syncStep1());
  }

  // ---- commands --------------------------------------------------------------------------

  #transmit(command: C): void {
    if (this.#socket?.readyState !== OPEN) return;
    try {
      this.#socket.send(encodeCommand(command.id, command.name, command.args));
      this.#armAckTimer();
    } catch {
      // The socket died under us; the command stays queued and goes again after reconnecting.
    }
  }

  #armAckTimer(): void {
    if (this.#ackTimer !== null) return;
    this.#ackTimer = this.#timers.setTimeout(() => {
      this.#ackTimer = null;
      if (this.#greeted && this.queue.list().length > 0) this.drop("no ack");
    }, SILENCE_MS);
  }

  #disarmAckTimer(): void {
    if (this.#ackTimer !== null) this.#timers.clearTimeout(this.#ackTimer);
    this.#ackTimer = null;
  }

  #answer(id: string, outcome: CommandOutcome, queued: C | undefined): void {
    this.#o.events?.answer?.(id, outcome, queued);
    this.waiters.settle(id, outcome);
  }

  #setState(state: ConnectionState, reason: CloseReason | null): void {
    if (this.state === state && this.closeReason === reason) return;
    this.state = state;
    this.closeReason = reason;
    this.#o.events?.state?.(state, reason);
  }

  /** The local clock (epoch ms). */
  now(): number {
    return this.#o.now?.() ?? Date.now();
  }

  /** The room's clock now (for timers), in epoch ms. */
  serverNow(): number {
    return this.now() + this.clockOffset;
  }
}

/**
 * Room clients for Node: what a phone or laptop does on the wire, without a browser.
 *
 * - RoomSession is Node's side of the client core the web app runs (party/model/client.ts):
 *   a ticket per socket, reconnecting with jittered back-off, an in-memory queue of the
 *   commands not yet answered, resent with the same ids after every reconnect, and the
 *   hello and ack timeouts. The demo loader and the fault suite use it.
 * - RoomClient is one socket and nothing more, read through the same peer (party/model/peer.ts):
 *   a probe for tests and benchmarks that want to see exactly what one connection sends and
 *   gets (an unacknowledged command is what they look for, so it never reconnects or resends).
 */
import { randomUUID } from "node:crypto";
import WebSocket from "ws";
import type * as Y from "yjs";
import { type CommandOutcome, MemoryQueue, RoomClientCore } from "../../party/model/client";
import { AckWaiters, RoomPeer } from "../../party/model/peer";
import { encodeCommand, NORMAL_CLOSURE, type ReadAck, type ReadMessage, ROOM_PARTY } from "../../party/model/protocol";
import { getTicket } from "./api";

export type AckMessage = ReadAck;
export type ServerMessage = Exclude<ReadMessage, ReadAck>;

export class CommandRejected extends Error {
  constructor(
    readonly command: string,
    readonly code: string,
    message: string,
  ) {
    super(`${command} rejected: ${code}: ${message}`);
    this.name = "CommandRejected";
  }
}

export interface ConnectOptions {
  baseUrl: string;
  /** Any long-lived token (facilitator, participant, screen, evaluator); exchanged for a ticket. */
  token: string;
  /** Wait for the initial Yjs sync before resolving (default true). */
  waitForSync?: boolean;
  /**
   * Keep applying the room's updates after the initial sync (default true). Load
   * generators with hundreds of clients turn it off: the doc then stays as first synced.
   */
  followDoc?: boolean;
  timeoutMs?: number;
}

export interface Closed {
  code: number;
  reason: string;
}

export class RoomClient {
  readonly #peer: RoomPeer;
  /** Every JSON message the room sent that was not an ack (hello, private, goodbye…), in order. */
  readonly messages: ServerMessage[] = [];
  readonly closed: Promise<Closed>;
  /** Counters for the benchmark and for tests that assert nothing unexpected arrived. */
  readonly stats = { syncFrames: 0, awarenessFrames: 0, customMessages: 0, bytesIn: 0 };
  /** Sees every binary frame before it is read (the benchmark times edits from the raw bytes). */
  onBinaryFrame: ((bytes: Buffer) => void) | undefined;
  /** How the socket closed, once it has. */
  closedWith: Closed | undefined;
  readonly #acks = new AckWaiters<AckMessage>();
  private readonly syncWaiters: (() => void)[] = [];
  private readonly messageWaiters = new Set<() => void>();

  constructor(
    readonly socket: WebSocket,
    readonly workshopId: string,
    followDoc = true,
  ) {
    this.#peer = new RoomPeer(undefined, { followDoc });
    this.closed = new Promise((resolve) => {
      socket.on("close", (code, reason) => {
        this.closedWith = { code, reason: reason.toString() };
        const closed = this.closedWith;
        this.#acks.failAll((id) => new Error(`${id}: socket closed (${closed.code} ${closed.reason}) before the ack`));
        resolve(this.closedWith);
      });
    });
    socket.on("message", (data, isBinary) => this.receive(data, isBinary));
    // Errors surface through `closed` and pending acks timing out; an unhandled
    // 'error' event would otherwise crash the test process.
    socket.on("error", () => {});
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  get doc(): Y.Doc {
    return this.#peer.doc;
  }

  /** The room's answer to our sync step 1 has been applied. */
  get synced(): boolean {
    return this.#peer.synced;
  }

  private receive(data: WebSocket.RawData, isBinary: boolean): void {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    this.stats.bytesIn += bytes.length;
    if (isBinary) {
      this.onBinaryFrame?.(bytes);
      if (bytes[0] === 0) this.stats.syncFrames++;
      if (bytes[0] === 1) this.stats.awarenessFrames++;
    } else {
      this.stats.customMessages++;
    }
    const received = this.#peer.receive(
      isBinary ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes.toString("utf8"),
    );
    if (received.kind === "synced") for (const w of this.syncWaiters.splice(0)) w();
    if (received.kind === "message") this.#onMessage(received.message);
    for (const w of this.messageWaiters) w();
  }

  #onMessage(message: ReadMessage): void {
    if (message.type !== "ack") {
      this.messages.push(message);
      return;
    }
    this.#acks.settle(message.id, message);
  }

  /** Starts the sync handshake: our state vector, so the room answers with what we lack. */
  startSync(): void {
    this.socket.send(this.#peer.syncStep1());
  }

  /** Resolves once the room has sent its state; rejects if the socket closes first. */
  waitForSync(timeoutMs = 15_000): Promise<void> {
    if (this.synced) return Promise.resolve();
    const closedFirst = this.closed.then((c) => {
      throw new Error(`room ${this.workshopId}: closed (${c.code} ${c.reason}) before the initial sync`);
    });
    return withTimeout(
      Promise.race([new Promise<void>((resolve) => this.syncWaiters.push(resolve)), closedFirst]),
      timeoutMs,
      `room ${this.workshopId}: no initial sync within ${timeoutMs} ms`,
    );
  }

  /**
   * Sends a command and resolves with its ack (ok or not). Rejects only if no ack
   * arrives in time or the socket closes first: an unacknowledged command.
   */
  send(name: string, args: unknown = {}, options: { id?: string; timeoutMs?: number } = {}): Promise<AckMessage> {
    const id = options.id ?? randomUUID();
    const timeoutMs = options.timeoutMs ?? 15_000;
    if (!this.isOpen) {
      const why = this.closedWith ? ` (closed ${this.closedWith.code} ${this.closedWith.reason})` : "";
      return Promise.reject(new Error(`${name} ${id}: socket not open${why}`));
    }
    const acked = this.#acks.wait(id, timeoutMs, `${name} ${id}`);
    this.socket.send(encodeCommand(id, name, args));
    return acked;
  }

  /** Sends a command and returns its result; throws CommandRejected on a refusal. */
  async command<R = Record<string, unknown>>(
    name: string,
    args: unknown = {},
    options: { id?: string; timeoutMs?: number } = {},
  ): Promise<R> {
    const ack = await this.send(name, args, options);
    if (!ack.ok) throw new CommandRejected(name, ack.error.code, ack.error.message);
    return ack.result as R;
  }

  /** Adds an activity (a facilitator's `activity.add`) and returns its id; throws CommandRejected on a refusal. */
  async addActivity(kind: string, title: string, config: unknown): Promise<string> {
    return (await this.command<{ activityId: string }>("activity.add", { kind, title, config })).activityId;
  }

  /** Adds a card (a participant's or facilitator's `card.add`) and returns its id; throws CommandRejected on a refusal. */
  async addCard(activityId: string, lane: string, kind: string, text: string): Promise<string> {
    return (await this.command<{ cardId: string }>("card.add", { activityId, lane, kind, text })).cardId;
  }

  /** Sends a raw text frame (for tests of malformed input). */
  sendRaw(text: string): void {
    this.socket.send(text);
  }

  /** Resolves once `predicate` holds, re-checked after every message from the room. */
  waitFor(predicate: () => boolean, timeoutMs = 15_000, what = "condition"): Promise<void> {
    if (predicate()) return Promise.resolve();
    let check: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      check = () => {
        if (predicate()) resolve();
      };
      this.messageWaiters.add(check);
    });
    return withTimeout(done, timeoutMs, `room ${this.workshopId}: ${what} not met within ${timeoutMs} ms`).finally(() =>
      this.messageWaiters.delete(check),
    );
  }

  /** Resolves with the first non-ack message of `type` (already received or arriving later). */
  async nextMessage(type: string, timeoutMs = 15_000): Promise<ServerMessage> {
    let found: ServerMessage | undefined;
    await this.waitFor(
      () => {
        found = this.messages.find((m) => m.type === type);
        return found !== undefined;
      },
      timeoutMs,
      `a "${type}" message`,
    );
    return found!;
  }

  async close(): Promise<Closed> {
    if (this.socket.readyState === WebSocket.CONNECTING || this.socket.readyState === WebSocket.OPEN) {
      this.socket.close(NORMAL_CLOSURE, "client done");
    }
    return withTimeout(this.closed, 5000, "close handshake").catch(() => {
      this.socket.terminate();
      return this.closed;
    });
  }

  /** Drops the connection without a close handshake, as a phone losing signal does. */
  terminate(): void {
    this.socket.terminate();
  }
}

export function roomUrl(baseUrl: string, workshopId: string, ticket: string): string {
  const ws = baseUrl.replace(/^http/, "ws");
  return `${ws}/parties/${ROOM_PARTY}/${encodeURIComponent(workshopId)}?ticket=${encodeURIComponent(ticket)}`;
}

/**
 * Opens a WebSocket and resolves on open; rejects with the HTTP status if the upgrade is refused.
 * A frame that arrives with the upgrade answer (the room's hello often does) is emitted before
 * the caller can listen, so a client built on this socket must not wait for the hello.
 */
export function openSocket(url: string, timeoutMs = 15_000): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { handshakeTimeout: timeoutMs });
    socket.binaryType = "nodebuffer";
    socket.once("open", () => resolve(socket));
    socket.once("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (c: Buffer) => {
        body += c.toString();
      });
      res.on("end", () => reject(new UpgradeRefused(res.statusCode ?? 0, body)));
    });
    socket.once("error", reject);
  });
}

export class UpgradeRefused extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`WebSocket upgrade refused: HTTP ${status} ${body.slice(0, 300)}`);
    this.name = "UpgradeRefused";
  }
}

/** Ticket, socket, sync: a connected client ready to send commands. */
export async function connectRoom(options: ConnectOptions): Promise<RoomClient> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const ticket = await getTicket(options.baseUrl, options.token);
  const socket = await openSocket(roomUrl(options.baseUrl, ticket.workshopId, ticket.ticket), timeoutMs);
  const client = new RoomClient(socket, ticket.workshopId, options.followDoc ?? true);
  client.startSync();
  if (options.waitForSync !== false) await client.waitForSync(timeoutMs);
  return client;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface SessionOptions {
  baseUrl: string;
  /** Any long-lived token (facilitator, participant, screen, evaluator); a fresh ticket is taken per socket. */
  token: string;
  /** How long send() waits for an answer, across reconnects, before rejecting (default 60 s). */
  timeoutMs?: number;
  /** the back-off's jitter (the fault suite seeds it) */
  random?: () => number;
}

/**
 * A client that survives dropped connections the way the web app does, because it runs the
 * same core: a socket that closes (a runtime restarted, a killed process) is replaced with a
 * fresh ticket after a jittered back-off, and every command not yet answered is resent with
 * its id, which the room applies at most once. Starts connecting when made; stop() with close().
 */
export class RoomSession extends RoomClientCore {
  /** Every JSON message from the room that was not an ack (hello, private…), in order. */
  readonly messages: ServerMessage[] = [];
  /** The workshop of the last ticket (known once the first ticket is in). */
  workshopId = "";
  readonly #timeoutMs: number;
  readonly #checks = new Set<() => void>();

  constructor(options: SessionOptions) {
    const { baseUrl, token } = options;
    const wake = () => {
      for (const check of this.#checks) check();
    };
    super({
      fetchTicket: async () => {
        const ticket = await getTicket(baseUrl, token);
        this.workshopId = ticket.workshopId;
        return ticket.ticket;
      },
      socketUrl: (ticket) => roomUrl(baseUrl, this.workshopId, ticket),
      openSocket: (url) => {
        const socket = new WebSocket(url);
        // Errors end in a close, which the core handles; an unheard 'error' would crash the process.
        socket.on("error", () => {});
        // Re-check what callers wait for once the core has read the frame (its handler runs after this one).
        socket.on("message", () => queueMicrotask(wake));
        return socket;
      },
      queue: new MemoryQueue(),
      peer: new RoomPeer(),
      random: options.random,
      events: {
        hello: (hello) => this.messages.push(hello),
        private: (message) => this.messages.push(message),
        state: wake,
      },
    });
    this.#timeoutMs = options.timeoutMs ?? 60_000;
    this.start();
  }

  get doc(): Y.Doc {
    return this.peer.doc;
  }

  /** Resolves once the room has said hello and its state is applied; rejects if it refuses us for good. */
  connected(timeoutMs = this.#timeoutMs): Promise<void> {
    return this.#until(() => this.state === "online" && this.peer.synced, timeoutMs, "connected and synced");
  }

  /**
   * Sends a command (queued first, resent after reconnects) and resolves with the room's
   * answer. Rejects only if no answer arrives within `timeoutMs`, or the session is closed.
   */
  send(name: string, args: unknown = {}, options: { id?: string; timeoutMs?: number } = {}): Promise<CommandOutcome> {
    if (this.state === "closed") return Promise.reject(new Error(`${name}: session closed (${this.closeReason})`));
    const id = options.id ?? randomUUID();
    const answer = this.waitFor(id, options.timeoutMs ?? this.#timeoutMs, `${name} ${id}`);
    this.enqueue({ id, name, args, createdAt: this.now() });
    return answer;
  }

  /** Stops: closes the socket and rejects whatever still waits for an answer. */
  close(): void {
    this.stop();
    this.waiters.failAll((id) => new Error(`${id}: session closed before the answer`));
  }

  #until(predicate: () => boolean, timeoutMs: number, what: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const check = () => {
        if (this.state === "closed")
          finish(new Error(`room ${this.workshopId}: closed (${this.closeReason}) before ${what}`));
        else if (predicate()) finish();
      };
      const timer = setTimeout(
        () => finish(new Error(`room ${this.workshopId}: not ${what} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const finish = (error?: Error) => {
        clearTimeout(timer);
        this.#checks.delete(check);
        if (error) reject(error);
        else resolve();
      };
      this.#checks.add(check);
      check();
    });
  }
}

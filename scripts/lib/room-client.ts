/**
 * A room client for Node: what a phone or laptop does on the wire, without a browser.
 * It takes a single-use ticket over HTTP, opens the room's WebSocket and reads the room
 * through the same client core as the web app (party/model/peer.ts), sending commands
 * and awaiting each one's ack with a timeout.
 * Tests, the demo loader, the fault suite and the benchmark all use it.
 */
import { randomUUID } from "node:crypto";
import WebSocket from "ws";
import type * as Y from "yjs";
import { AckWaiters, RoomPeer } from "../../party/model/peer";
import { encodeCommand, type ReadAck, type ReadMessage, ROOM_PARTY } from "../../party/model/protocol";
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
      this.socket.close(1000, "client done");
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

/** Opens a WebSocket and resolves on open; rejects with the HTTP status if the upgrade is refused. */
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

/**
 * A client that survives dropped connections the way the web app does: when a
 * command's connection drops before its ack, it reconnects (with a fresh ticket) and
 * resends the same command id, which the room applies at most once.
 */
export class ResilientRoom {
  private client: RoomClient | undefined;

  constructor(
    private readonly options: ConnectOptions,
    private readonly attempts = 4,
  ) {}

  /** The open connection, (re)connecting if needed. */
  connection(): Promise<RoomClient> {
    return this.retry(async () => {
      if (!this.client?.isOpen) this.client = await connectRoom(this.options);
      return this.client;
    });
  }

  send(name: string, args: unknown = {}, options: { id?: string; timeoutMs?: number } = {}): Promise<AckMessage> {
    const id = options.id ?? randomUUID();
    return this.retry(async () => {
      if (!this.client?.isOpen) this.client = await connectRoom(this.options);
      return this.client.send(name, args, { ...options, id });
    });
  }

  private async retry<T>(attempt: () => Promise<T>): Promise<T> {
    let lastError: unknown;
    for (let i = 1; i <= this.attempts; i++) {
      try {
        return await attempt();
      } catch (err) {
        lastError = err;
        this.client?.terminate();
        this.client = undefined;
        await new Promise((r) => setTimeout(r, 500 * i));
      }
    }
    throw lastError;
  }

  async close(): Promise<void> {
    await this.client?.close();
  }
}

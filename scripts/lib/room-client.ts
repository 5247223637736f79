/**
 * A room client for Node: what a phone or laptop does on the wire, without a browser.
 * It takes a single-use ticket over HTTP, opens the room's WebSocket, keeps a Y.Doc in
 * sync through the Yjs sync protocol (binary frames), and sends commands as
 * y-partyserver custom messages, awaiting each one's ack with a timeout.
 * Tests, the demo loader, the fault suite and the benchmark all use it.
 */
import { randomUUID } from "node:crypto";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as v from "valibot";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { CUSTOM_PREFIX, ROOM_PARTY } from "../../party/model/protocol";
import { getTicket } from "./api";

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;

const AckMessage = v.variant("ok", [
  v.object({
    type: v.literal("ack"),
    id: v.string(),
    ok: v.literal(true),
    result: v.optional(v.record(v.string(), v.unknown()), {}),
  }),
  v.object({
    type: v.literal("ack"),
    id: v.string(),
    ok: v.literal(false),
    error: v.object({ code: v.string(), message: v.string() }),
  }),
]);
export type AckMessage = v.InferOutput<typeof AckMessage>;
const AnyMessage = v.looseObject({ type: v.string() });
export type ServerMessage = v.InferOutput<typeof AnyMessage>;

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
  readonly doc = new Y.Doc();
  /** Every JSON message the room sent that was not an ack (hello, private, goodbye…), in order. */
  readonly messages: ServerMessage[] = [];
  readonly closed: Promise<Closed>;
  /** Counters for the benchmark and for tests that assert nothing unexpected arrived. */
  readonly stats = { syncFrames: 0, awarenessFrames: 0, customMessages: 0, bytesIn: 0 };
  synced = false;
  /** Sees every binary frame before it is read (the benchmark times edits from the raw bytes). */
  onBinaryFrame: ((bytes: Buffer) => void) | undefined;
  /** How the socket closed, once it has. */
  closedWith: Closed | undefined;
  private readonly pending = new Map<string, { resolve: (ack: AckMessage) => void; timer: NodeJS.Timeout }>();
  private readonly syncWaiters: (() => void)[] = [];
  private readonly messageWaiters = new Set<() => void>();

  constructor(
    readonly socket: WebSocket,
    readonly workshopId: string,
    private readonly followDoc = true,
  ) {
    this.closed = new Promise((resolve) => {
      socket.on("close", (code, reason) => {
        for (const [, p] of this.pending) clearTimeout(p.timer);
        this.closedWith = { code, reason: reason.toString() };
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

  private receive(data: WebSocket.RawData, isBinary: boolean): void {
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    this.stats.bytesIn += bytes.length;
    if (!isBinary) {
      this.receiveText(bytes.toString("utf8"));
      return;
    }
    this.onBinaryFrame?.(bytes);
    const decoder = decoding.createDecoder(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const kind = decoding.readVarUint(decoder);
    if (kind === MESSAGE_AWARENESS) {
      this.stats.awarenessFrames++;
      return;
    }
    if (kind !== MESSAGE_SYNC) return;
    this.stats.syncFrames++;
    if (this.synced && !this.followDoc) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    const type = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
    if (encoding.length(encoder) > 1 && this.isOpen) this.socket.send(encoding.toUint8Array(encoder));
    if (type === syncProtocol.messageYjsSyncStep2 && !this.synced) {
      this.synced = true;
      for (const w of this.syncWaiters.splice(0)) w();
    }
    for (const w of this.messageWaiters) w();
  }

  private receiveText(text: string): void {
    if (!text.startsWith(CUSTOM_PREFIX)) return;
    this.stats.customMessages++;
    let json: unknown;
    try {
      json = JSON.parse(text.slice(CUSTOM_PREFIX.length));
    } catch {
      return; // Not ours to judge here; a test that cares reads `messages`.
    }
    const ack = v.safeParse(AckMessage, json);
    if (ack.success) {
      const waiting = this.pending.get(ack.output.id);
      if (waiting) {
        clearTimeout(waiting.timer);
        this.pending.delete(ack.output.id);
        waiting.resolve(ack.output);
      }
    } else {
      const msg = v.safeParse(AnyMessage, json);
      if (msg.success) this.messages.push(msg.output);
    }
    for (const w of this.messageWaiters) w();
  }

  /** Starts the sync handshake: our state vector, so the room answers with what we lack. */
  startSync(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.socket.send(encoding.toUint8Array(encoder));
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
    const acked = new Promise<AckMessage>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${name} ${id}: no ack within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, timer });
      this.closed.then((c) => {
        if (this.pending.delete(id)) {
          clearTimeout(timer);
          reject(new Error(`${name} ${id}: socket closed (${c.code} ${c.reason}) before the ack`));
        }
      });
    });
    this.socket.send(`${CUSTOM_PREFIX}${JSON.stringify({ type: "command", id, name, args })}`);
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

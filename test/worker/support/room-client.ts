/**
 * A test client for the room: reads the room through the same client core as the web
 * app (party/model/peer.ts) over a real WebSocket to the Durable Object, keeps every
 * message and frame for assertions, and times out every wait so a broken room fails a
 * test instead of hanging it. A message that breaks the protocol's schemas throws.
 */

import { env, runInDurableObject } from "cloudflare:test";
import { getServerByName } from "partyserver";
import * as v from "valibot";
import { afterEach } from "vitest";
import type * as Y from "yjs";
import { ROOTS } from "../../../party/model/doc";
import { RoomPeer } from "../../../party/model/peer";
import {
  ACTOR_HEADER,
  type Ack,
  type Actor,
  CUSTOM_PREFIX,
  encodeCommand,
  ROOM_PARTY,
  readServerMessage,
  readText,
} from "../../../party/model/protocol";
import type { RoomTuning, WorkshopRoom } from "../../../party/room";

const WAIT_MS = 5000;

export type Json = Record<string, unknown>;
const JsonObject = v.record(v.string(), v.unknown());

export function roomStub(workshopId: string) {
  return getServerByName(env.WorkshopRoom, workshopId);
}

/** Changes the live room's tuning (limits, timings) for one test; the next instance starts from the defaults. */
export async function tuneRoom(workshopId: string, tuning: Partial<RoomTuning>): Promise<void> {
  await runInDurableObject(await roomStub(workshopId), (room: WorkshopRoom) => {
    Object.assign(room.tuning, tuning);
  });
}

export interface Closed {
  code: number;
  reason: string;
}

export class RoomClient {
  readonly #peer = new RoomPeer();
  readonly messages: Json[] = [];
  readonly frames: Uint8Array[] = [];
  closed: Closed | null = null;
  #waiters = new Set<() => void>();
  #counter = 0;

  private constructor(readonly ws: WebSocket) {
    ws.addEventListener("message", (event) => {
      if (typeof event.data === "string") this.#onText(event.data);
      else this.#onBinary(new Uint8Array(event.data as ArrayBuffer));
      this.#wake();
    });
    ws.addEventListener("close", (event) => {
      this.closed = { code: event.code, reason: event.reason };
      this.#wake();
    });
  }

  /** Connects as `actor`, the way the Worker forwards a verified ticket (or with any headers a test wants). */
  static async connect(workshopId: string, actor: Actor | null, headers: Record<string, string> = {}) {
    const stub = await roomStub(workshopId);
    const all: Record<string, string> = { Upgrade: "websocket", ...headers };
    if (actor) all[ACTOR_HEADER] = JSON.stringify(actor);
    const response = await stub.fetch(`http://room.test/parties/${ROOM_PARTY}/${workshopId}`, { headers: all });
    const ws = response.webSocket;
    if (!ws) throw new Error(`expected a WebSocket upgrade, got ${response.status}`);
    ws.accept();
    // Newer compatibility dates deliver binary frames as Blobs; the Yjs decoders want bytes.
    ws.binaryType = "arraybuffer";
    return new RoomClient(ws);
  }

  /** Wraps a socket someone else opened (the red-team suite goes through the Worker's handoff). */
  static adopt(ws: WebSocket): RoomClient {
    ws.accept();
    ws.binaryType = "arraybuffer";
    return new RoomClient(ws);
  }

  /** Connects and waits for the hello and the first doc sync. */
  static async join(workshopId: string, actor: Actor): Promise<RoomClient> {
    const client = await RoomClient.connect(workshopId, actor);
    await client.waitFor(() => client.find((m) => m.type === "hello"), "hello");
    await client.synced();
    return client;
  }

  get doc(): Y.Doc {
    return this.#peer.doc;
  }

  /** awareness client id → state of everyone present, as the room wrote it */
  get presence(): Map<number, Json> {
    return new Map(this.#peer.presence.list().map((entry) => [entry.clientId, entry.state]));
  }

  #onText(text: string) {
    if (!text.startsWith(CUSTOM_PREFIX)) throw new Error(`unprefixed text from the room: ${text}`);
    if (!readServerMessage(text)) throw new Error(`a message outside the protocol: ${text}`);
    this.messages.push(v.parse(JsonObject, readText(text)));
  }

  #onBinary(data: Uint8Array) {
    this.frames.push(data);
    this.#peer.receive(data);
  }

  #wake() {
    for (const waiter of this.#waiters) waiter();
  }

  send(data: string | Uint8Array) {
    this.ws.send(data);
  }

  sendCustom(text: string) {
    this.ws.send(CUSTOM_PREFIX + text);
  }

  find(predicate: (m: Json) => boolean): Json | undefined {
    return this.messages.find(predicate);
  }

  /** Resolves once `check` returns something truthy; rejects after a timeout, naming what it waited for. */
  waitFor<T>(check: () => T | undefined | null | false, what: string, timeoutMs = WAIT_MS): Promise<T> {
    const first = check();
    if (first) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      const waiter = () => {
        const value = check();
        if (value) {
          clearTimeout(timer);
          this.#waiters.delete(waiter);
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /** Asks for the room's state (sync step 1 with our state vector) and waits for the answer. */
  async synced(): Promise<void> {
    const before = this.frames.length;
    this.send(this.#peer.syncStep1());
    await this.waitFor(() => this.frames.slice(before).some((f) => f[0] === 0 && f[1] === 1), "sync step 2");
  }

  nextId(): string {
    this.#counter += 1;
    return `c${this.#counter}-${crypto.randomUUID().slice(0, 8)}`;
  }

  ack(id: string): Promise<Ack> {
    return this.waitFor(() => this.find((m) => m.type === "ack" && m.id === id) as Ack | undefined, `ack ${id}`);
  }

  /** Sends a command and waits for its ack. */
  async command(name: string, args: Json = {}, id = this.nextId()): Promise<Ack> {
    const before = this.messages.length;
    this.send(encodeCommand(id, name, args));
    return this.waitFor(
      () => this.messages.slice(before).find((m) => m.type === "ack" && m.id === id) as Ack | undefined,
      `ack of ${name} ${id}`,
    );
  }

  /** Sends a command that must be accepted; returns its result. */
  async ok(name: string, args: Json = {}): Promise<Json> {
    const ack = await this.command(name, args);
    if (!ack.ok) throw new Error(`${name} was refused: ${ack.error.code} ${ack.error.message}`);
    return ack.result;
  }

  waitClosed(timeoutMs = WAIT_MS): Promise<Closed> {
    return this.waitFor(() => this.closed, "the socket to close", timeoutMs);
  }

  /** The doc as JSON, for comparisons. */
  json(): Json {
    return docJson(this.doc);
  }

  close() {
    if (!this.closed) this.ws.close(1000, "test done");
  }
}

export function docJson(doc: Y.Doc): Json {
  const out: Json = {};
  // Every root the room writes (doc.ts ROOTS), so "the doc did not change" covers them all.
  for (const name of Object.values(ROOTS)) {
    out[name] = doc.getMap(name).toJSON();
  }
  return out;
}

/**
 * The clients a test file opens, closed after every test (registers the afterEach). Every
 * room test needs this; keeping it here keeps sockets from leaking between tests.
 */
export function roomClients() {
  const open: RoomClient[] = [];
  const track = <C extends RoomClient>(client: C): C => {
    open.push(client);
    return client;
  };
  const closeAll = () => {
    for (const client of open.splice(0)) client.close();
  };
  afterEach(closeAll);
  return {
    track,
    closeAll,
    join: async (...args: Parameters<typeof RoomClient.join>) => track(await RoomClient.join(...args)),
    connect: async (...args: Parameters<typeof RoomClient.connect>) => track(await RoomClient.connect(...args)),
  };
}

/**
 * One browser's connection to a workshop room, without any UI framework: the browser's
 * side of the shared client core (party/model/client.ts, which fetches tickets, reconnects
 * with jittered back-off, resends and times out). This adapter adds what only a browser
 * has: the command queue kept in localStorage, the doc cached in IndexedDB, the device's
 * online/offline events, argument checks before anything is queued, and each command's
 * status for the UI. web/lib/room.ts wraps it in Solid signals; tests drive it with a fake socket.
 */
import * as v from "valibot";
import type * as Y from "yjs";
import {
  type CloseReason,
  type CommandFailure,
  type CommandOutcome,
  type ConnectionState,
  RoomClientCore,
  type WebSocketLike,
} from "../../../party/model/client";
import { COMMAND_ARGS, type CommandArgs, type CommandName } from "../../../party/model/commands";
import type { PresenceEntry } from "../../../party/model/peer";
import type { Hello, PrivateMessage } from "../../../party/model/protocol";
import type { KeyValueStore } from "../storage";
import type { DocCache, DocStore } from "./cache";
import { CommandQueue, type PendingCommand, pendingKey } from "./queue";

export type {
  CloseReason,
  CommandFailure,
  CommandOutcome,
  ConnectionState,
  WebSocketLike,
} from "../../../party/model/client";
export type { PresenceEntry } from "../../../party/model/peer";

export type CommandStatus =
  | { state: "pending"; name: CommandName }
  | { state: "saved"; name: CommandName; result: Record<string, unknown> }
  /** `args` as sent, when known, so the UI can show what was not saved (nothing is lost silently) */
  | { state: "refused"; name: CommandName; error: CommandFailure; args?: unknown };

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
  /**
   * perf (#17): a phone that has just joined: connect without waiting for the cache to open
   * (IndexedDB, ~0.1–0.3 s on a slow phone), start from nothing and replace any copy cached on
   * this device, rather than load it first.
   */
  freshStart?: boolean;
  newId?: () => string;
  now?: () => number;
  random?: () => number;
}

export class RoomConnection extends RoomClientCore<PendingCommand> {
  readonly statuses = new Map<string, CommandStatus>();
  private cache: DocCache | null = null;
  /** perf (#17): with `freshStart`, the updates the doc took before the cache was open. */
  private beforeCache: Uint8Array[] | null = null;

  constructor(private readonly options: RoomConnectionOptions) {
    const { workshopId, token, events } = options;
    const queue = new CommandQueue(options.store, pendingKey(workshopId, options.actorKey));
    super({
      fetchTicket: () => options.fetchTicket(token, workshopId),
      socketUrl: (ticket) => options.socketUrl(workshopId, ticket),
      openSocket: options.openSocket,
      queue,
      now: options.now,
      random: options.random,
      events: {
        ...events,
        state: (state, reason) => {
          // A removed or withdrawn person's phone keeps no copy of the workshop either.
          if (reason === "removed" || reason === "deleted") void this.cache?.clear();
          events?.state?.(state, reason);
        },
        answer: (id, outcome, queued) => {
          // An answer to a command this client never made (another tab) is not ours to show.
          const name = queued?.name ?? this.statuses.get(id)?.name;
          if (name) this.settle(id, name, outcome, queued?.args);
        },
        doc: (doc) => {
          this.watchDoc(doc);
          this.cache?.use(doc);
          void this.cache?.clear();
          events?.doc?.(doc);
        },
      },
    });
    for (const item of queue.list()) this.statuses.set(item.id, { state: "pending", name: item.name });
    // The cached doc (if any) is applied before the first sync, so the room sends only what
    // is new. The cache's code (IndexedDB) is its own chunk, fetched while the ticket is: a
    // phone's first screen does not wait for it.
    if (options.cacheDoc !== false && options.freshStart) {
      this.beforeCache = [];
      void this.openCache();
    } else if (options.cacheDoc !== false) this.ready = this.openCache();
    this.watchDoc(this.doc);
  }

  /** The doc as the room sent it (replaced when our cached copy turned out stale). */
  get doc(): Y.Doc {
    return this.peer.doc;
  }

  /** Connects and keeps reconnecting until stop() or a final refusal. */
  override start(): void {
    this.options.network?.addEventListener("online", this.onOnline);
    this.options.network?.addEventListener("offline", this.onOffline);
    super.start();
  }

  override stop(): void {
    this.options.network?.removeEventListener("online", this.onOnline);
    this.options.network?.removeEventListener("offline", this.onOffline);
    void this.cache?.saveNow();
    super.stop();
  }

  /** Commands made but not yet acknowledged, oldest first. */
  pending(): readonly PendingCommand[] {
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
    this.enqueue({ id, name, args: parsed.output, createdAt: this.now() });
    this.setStatus(id, { state: "pending", name });
    return outcome;
  }

  private readonly onOnline = (): void => this.reconnectNow();

  // Browsers keep a dead socket "open" for a long time after the network goes;
  // drop it now so the person sees "offline" and their next command waits in the queue.
  private readonly onOffline = (): void => this.drop("device offline");

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
      // perf (#17): a fresh start replaces what this device held for the workshop, then saves
      // what the doc took meanwhile; otherwise the cached doc is applied before the first sync.
      if (this.beforeCache) await cache.clear();
      else await cache.load();
      // (not once stopped: a stopped connection keeps nothing)
      if (this.state !== "closed") this.cache = cache;
      for (const update of this.beforeCache ?? []) this.cache?.record(update);
    } catch {
      // The cache's code could not be fetched (offline before it was ever loaded): no cache this time.
    }
    this.beforeCache = null;
  }

  private watchDoc(doc: Y.Doc): void {
    // What the cache itself applied is already saved.
    doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === "cache") return;
      if (this.cache) this.cache.record(update);
      else this.beforeCache?.push(update);
    });
  }

  // ---- command statuses ------------------------------------------------------------------

  private settle(id: string, name: CommandName, outcome: CommandOutcome, args?: unknown): void {
    this.setStatus(
      id,
      outcome.ok
        ? { state: "saved", name, result: outcome.result }
        : { state: "refused", name, error: outcome.error, ...(args === undefined ? {} : { args }) },
    );
  }

  private setStatus(id: string, status: CommandStatus): void {
    this.statuses.set(id, status);
    this.options.events?.command?.(id, status);
  }

  private newId(): string {
    return this.options.newId?.() ?? crypto.randomUUID();
  }
}

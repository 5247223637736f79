/**
 * Sending, to one socket or the whole room. Doc updates are merged and pre-encoded once
 * per tick, then written straight to every socket (`ctx.getWebSockets()`); presence
 * changes are batched the same way. One frame per tick instead of one per update per
 * socket is what keeps hundreds of phones responsive (docs/architecture.md, "Budgets").
 * Everything here is in memory: a pending timer keeps the room awake until sent.
 */
import * as Y from "yjs";
import type { Addressee } from "./admission";
import type { Effect } from "./model/apply";
import { awarenessFrame, updateFrame } from "./model/frames";
import { CloseCode, encodeText, type ServerMessage } from "./model/protocol";
import { PresenceRegistry } from "./presence";

export interface BroadcastTiming {
  /** doc updates are merged and broadcast at most this often */
  broadcastMs: number;
  /** presence changes are batched this long */
  presenceMs: number;
}

export function safeSend(ws: WebSocket, data: string | Uint8Array): void {
  try {
    ws.send(data);
  } catch {
    // The socket closed under us; its close handler cleans up.
  }
}

export function sendMessage(ws: WebSocket, message: ServerMessage): void {
  safeSend(ws, encodeText(message));
}

/** Says why before closing, so the client can tell the person (and not simply reconnect). */
export function closeWith(ws: WebSocket, code: number, reason: string): void {
  sendMessage(ws, { type: "goodbye", code, reason });
  try {
    ws.close(code, reason);
  } catch {
    // Already closing: the goodbye was best effort.
  }
}

export function mergeUpdates(updates: Uint8Array[]): Uint8Array {
  return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
}

export class Broadcast {
  readonly presence = new PresenceRegistry();
  #pending: Uint8Array[] = [];
  #updateTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the last update frame went out (ms); spaces frames `broadcastMs` apart. */
  #lastSent = 0;
  #presenceTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly timing: () => BroadcastTiming,
    /** the open sockets whose verified actor is the addressee (never a tag alone: see admission.ts) */
    private readonly socketsOf: (to: Addressee) => Iterable<WebSocket>,
  ) {}

  /**
   * A committed doc update, sent to everyone on the next tick. The tick is at most every
   * `broadcastMs`, but not later than needed: an update arriving after a quiet spell goes
   * out as soon as the current event is done (so a lone edit is not held back a whole
   * interval), while a burst is merged into one frame per interval.
   */
  queueUpdate(update: Uint8Array): void {
    this.#pending.push(update);
    if (this.#updateTimer) return;
    const wait = Math.max(0, this.#lastSent + this.timing().broadcastMs - Date.now());
    this.#updateTimer = setTimeout(() => this.#sendUpdates(), wait);
  }

  /**
   * Every update not yet broadcast, as one frame: the sender of a command gets it
   * before its ack (all of it, so the update never arrives without what it builds on).
   */
  pendingFrame(): Uint8Array | null {
    return this.#pending.length > 0 ? updateFrame(mergeUpdates(this.#pending)) : null;
  }

  /** Call after changing `presence`; the change goes out on the next presence tick. */
  presenceChanged(): void {
    this.#presenceTimer ??= setTimeout(() => this.#sendPresence(), this.timing().presenceMs);
  }

  /** Everyone present, to one socket that just connected or asked. */
  sendPresenceTo(ws: WebSocket): void {
    const everyone = this.presence.encodeAll();
    if (everyone) safeSend(ws, awarenessFrame(everyone));
  }

  /**
   * What an accepted command sends beyond the doc: private messages to their one
   * addressee (or every facilitator), and goodbyes to a participant who was removed.
   */
  deliver(effects: readonly Effect[]): void {
    for (const effect of effects) {
      if (effect.kind === "private") {
        const text = encodeText(effect.message);
        for (const ws of this.socketsOf(effect.to)) safeSend(ws, text);
      } else if (effect.kind === "participant.removed") {
        const reason = effect.reason === "withdrawn" ? "You left this workshop." : "A facilitator removed you.";
        for (const ws of this.socketsOf(effect.participantId)) {
          closeWith(ws, CloseCode.removed, reason);
        }
        this.presence.hide(effect.participantId);
        this.presenceChanged();
      }
    }
  }

  /** Drops everything pending (the room is being erased). */
  clear(): void {
    if (this.#updateTimer) clearTimeout(this.#updateTimer);
    if (this.#presenceTimer) clearTimeout(this.#presenceTimer);
    this.#updateTimer = null;
    this.#presenceTimer = null;
    this.#pending = [];
    this.presence.clear();
  }

  #sendUpdates(): void {
    this.#updateTimer = null;
    this.#lastSent = Date.now();
    const frame = this.pendingFrame();
    this.#pending = [];
    if (frame) this.#toEveryone(frame);
  }

  #sendPresence(): void {
    this.#presenceTimer = null;
    const changes = this.presence.takeChanges();
    if (changes) this.#toEveryone(awarenessFrame(changes));
  }

  /**
   * The hot loop of a full room: at 500 phones, WebSocket sends are about half the
   * room's CPU (profiled), which is why frames are merged per interval. No per-socket
   * readyState check (a native call each): a socket closing under us throws, and
   * safeSend swallows that.
   */
  #toEveryone(frame: Uint8Array): void {
    for (const ws of this.ctx.getWebSockets()) safeSend(ws, frame);
  }
}

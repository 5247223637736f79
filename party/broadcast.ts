/**
 * Sending, to one socket or the whole room. A committed doc update is fanned out on the next
 * turn of the event loop (one timer hop, no window), pre-encoded, straight to every socket
 * (`ctx.getWebSockets()`): commands that had already arrived when the update was committed are
 * validated, stored and acknowledged first, and their updates go out merged in the SAME frame.
 * Nothing waits on a clock: a quiet room sends each edit at once, a busy one merges exactly
 * what arrived in the meantime (docs/performance.md). Presence changes are batched per tick.
 * Everything here is in memory: a pending timer keeps the room awake until sent.
 *
 * Two audiences (party/model/replica.ts): sockets that see who is who (facilitators, hosts, screens:
 * `WHO_IS_WHO`, checked against each socket's verified actor, never a tag alone) get the room's
 * doc updates and presence as they are; every other socket gets the redacted replica's.
 */
import * as Y from "yjs";
import { type Addressee, WHO_IS_WHO } from "./admission";
import { deflateFrame } from "./deflate";
import type { Effect } from "./model/apply";
import { awarenessFrame, updateFrame } from "./model/frames";
import { CloseCode, encodeText, type ServerMessage } from "./model/protocol";
import { PresenceRegistry } from "./presence";

export interface BroadcastTiming {
  /**
   * Sockets sent to between two yields of a fan-out (the rest of the room waits its turn).
   * Each yield is a timer hop through the OS, several ms on a busy machine: by default a room
   * up to its participant cap is sent to in one pass (measured: docs/performance.md).
   */
  fanOutSlice: number;
  /** presence changes are batched this long */
  presenceMs: number;
}

/** Lets the isolate take other events (commands, acks) between two slices of a fan-out. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The prototype's send, looked up once: partyserver redefines properties on each socket object,
 * which makes `ws.send` a slow lookup on a room's hottest path (profiled: #17).
 */
const wsSend = WebSocket.prototype.send;

export function safeSend(ws: WebSocket, data: string | Uint8Array): void {
  try {
    wsSend.call(ws, data);
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

/** One doc update (or merged run of them) in both audiences' versions. */
interface Versions<T> {
  /** the room's doc as it is: for sockets that see who is who */
  full: T;
  /** the redacted replica: for everyone else */
  room: T;
}

/** Merges and frames queued updates, once per audience. */
function frameOf(pending: Versions<Uint8Array>[]): Versions<Uint8Array> {
  return {
    full: updateFrame(mergeUpdates(pending.map((u) => u.full))),
    room: updateFrame(mergeUpdates(pending.map((u) => u.room))),
  };
}

export class Broadcast {
  readonly presence = new PresenceRegistry();
  /** Committed updates not yet in a fan-out, oldest first. */
  #pending: Versions<Uint8Array>[] = [];
  /** `#pending` merged and encoded, once, for the senders of commands (null: not made yet). */
  #pendingFrame: Versions<Uint8Array> | null = null;
  /** The frame being fanned out now; null when no fan-out is running. */
  #inFlight: Versions<Uint8Array> | null = null;
  /** A fan-out is due (at the end of the current event) or running. */
  #busy = false;
  /** Bumped by clear(): a fan-out from before an erase stops. */
  #generation = 0;
  #presenceTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly timing: () => BroadcastTiming,
    /** the open sockets whose verified actor is the addressee (never a tag alone: see admission.ts) */
    private readonly socketsOf: (to: Addressee) => Iterable<WebSocket>,
  ) {}

  /**
   * A committed doc update. It goes out on the next turn of the event loop (after the
   * command's ack and after the commands that had already arrived, whose updates join it in
   * one frame); while a fan-out runs, it waits for it and is merged with whatever else
   * arrives meanwhile into the next frame.
   */
  queueUpdate(update: Uint8Array, redacted: Uint8Array): void {
    this.#pending.push({ full: update, room: redacted });
    this.#pendingFrame = null;
    if (this.#busy) return;
    this.#busy = true;
    const generation = this.#generation;
    setTimeout(() => void this.#fanOut(generation), 0);
  }

  /**
   * Every update this socket may not have yet (the fan-out in flight may not have reached
   * it), as at most two frames: the sender of a command gets them before its ack, so
   * "acknowledged" also means "visible", never an update without what it builds on. The
   * frame in flight is sent as it is, and what is pending is merged once and kept merged,
   * so a burst of commands during a long fan-out does not merge the same updates again
   * for every sender.
   */
  pendingFrames(full: boolean): Uint8Array[] {
    const audience = full ? "full" : "room";
    const frames: Uint8Array[] = [];
    if (this.#inFlight) frames.push(this.#inFlight[audience]);
    if (this.#pending.length > 0) {
      if (this.#pending.length > 1) {
        const merged = this.#pending;
        this.#pending = [
          { full: mergeUpdates(merged.map((u) => u.full)), room: mergeUpdates(merged.map((u) => u.room)) },
        ];
      }
      this.#pendingFrame ??= frameOf(this.#pending);
      frames.push(this.#pendingFrame[audience]);
    }
    return frames;
  }

  /** The open sockets that see who is who, verified by their attachments (a handful in any room). */
  #whoIsWhoSockets(): Set<WebSocket> {
    const sockets = new Set<WebSocket>();
    for (const role of WHO_IS_WHO) for (const ws of this.socketsOf({ role })) sockets.add(ws);
    return sockets;
  }

  /** Call after changing `presence`; the change goes out on the next presence tick. */
  presenceChanged(): void {
    this.#presenceTimer ??= setTimeout(() => this.#sendPresence(), this.timing().presenceMs);
  }

  /**
   * Everyone present, to one socket that just connected or asked (`full`: its actor sees who is
   * who). `deflate`: the socket said it reads deflated frames; a big room's presence (~70 bytes a
   * person) then goes compressed, as the socket itself sends plain frames (wrangler.toml).
   */
  sendPresenceTo(ws: WebSocket, full: boolean, deflate = false): void {
    const everyone = this.presence.encodeAll(full);
    if (!everyone) return;
    const frame = awarenessFrame(everyone);
    safeSend(ws, deflate ? deflateFrame(frame) : frame);
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
    if (this.#presenceTimer) clearTimeout(this.#presenceTimer);
    this.#presenceTimer = null;
    this.#generation += 1;
    this.#pending = [];
    this.#pendingFrame = null;
    this.#inFlight = null;
    this.#busy = false;
    this.presence.clear();
  }

  /**
   * Sends what is pending to everyone, then again if more arrived meanwhile. The hot loop of
   * a full room: at 500 phones, WebSocket sends are about half the room's CPU (profiled).
   * No per-socket readyState check (a native call each): a socket closing under us throws,
   * and safeSend swallows that.
   */
  async #fanOut(generation: number): Promise<void> {
    try {
      while (this.#pending.length > 0 && generation === this.#generation) {
        const frame = this.#pendingFrame ?? frameOf(this.#pending);
        this.#pending = [];
        this.#pendingFrame = null;
        this.#inFlight = frame;
        // Sockets that connect during the fan-out sync from the doc, which already holds this update.
        const sockets = this.ctx.getWebSockets();
        const whoIsWho = this.#whoIsWhoSockets();
        const slice = Math.max(1, this.timing().fanOutSlice);
        for (let start = 0; start < sockets.length; start += slice) {
          if (start > 0) {
            await yieldToEvents();
            if (generation !== this.#generation) return;
          }
          const end = Math.min(sockets.length, start + slice);
          for (let i = start; i < end; i++) {
            const ws = sockets[i]!;
            safeSend(ws, whoIsWho.has(ws) ? frame.full : frame.room);
          }
        }
        this.#inFlight = null;
      }
    } finally {
      if (generation === this.#generation) {
        this.#inFlight = null;
        this.#busy = false;
      }
    }
  }

  #sendPresence(): void {
    this.#presenceTimer = null;
    const changes = this.presence.takeChanges();
    if (!changes) return;
    const full = awarenessFrame(changes.full);
    const room = awarenessFrame(changes.room);
    const whoIsWho = this.#whoIsWhoSockets();
    for (const ws of this.ctx.getWebSockets()) safeSend(ws, whoIsWho.has(ws) ? full : room);
  }
}

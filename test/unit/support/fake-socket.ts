/**
 * A socket the unit tests drive by hand, for both the client core (party/model/client.ts)
 * and the browser's RoomConnection: what the client sends is kept in `sent`, and the
 * room's side (open, a message, a binary frame, hello, ack, a drop) is a method call.
 */
import type { WebSocketLike } from "../../../party/model/client";
import { CUSTOM_PREFIX } from "../../../party/model/protocol";

export class FakeSocket implements WebSocketLike {
  binaryType = "blob";
  readyState = 0;
  sent: Array<string | Uint8Array> = [];
  closed: { code?: number; reason?: string } | null = null;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(readonly url: string) {}

  send(data: string | Uint8Array): void {
    if (this.readyState !== 1) throw new Error("not open");
    this.sent.push(data);
  }
  close(code?: number, reason?: string): void {
    this.readyState = 3;
    this.closed = { code, reason };
  }
  // ---- the room's side ----
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  /** A JSON message from the room. */
  says(message: unknown): void {
    this.onmessage?.({ data: `${CUSTOM_PREFIX}${JSON.stringify(message)}` });
  }
  /** A binary (Yjs) frame from the room. */
  sends(bytes: Uint8Array): void {
    this.onmessage?.({ data: bytes.slice().buffer });
  }
  hello(serverTime = 1_000_000): void {
    this.says({
      type: "hello",
      you: { role: "participant", id: "p1", name: "Blue Heron", group: "community" },
      serverTime,
    });
  }
  ack(id: string, result: Record<string, unknown> = {}): void {
    this.says({ type: "ack", id, ok: true, result });
  }
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code, reason: "" });
  }
  /** The commands sent so far, in order. */
  commands(): Array<{ id: string; name: string; args: unknown }> {
    return this.sent
      .filter((f): f is string => typeof f === "string")
      .map((f) => JSON.parse(f.slice(CUSTOM_PREFIX.length)) as { id: string; name: string; args: unknown });
  }
  /** The ids of the commands sent so far, in order. */
  commandIds(): string[] {
    return this.commands().map((c) => c.id);
  }
}

/**
 * A minimal room client over the Worker's real handoff (ticket → WebSocket), for
 * tests of roles the Worker establishes (tables #13: hosts, seated participants). It reads
 * the room through the protocol module and settles acks with the clients' shared AckWaiters
 * (party/model/peer.ts). Every wait times out.
 */

import type { CommandFailure } from "../../../party/model/client";
import { AckWaiters } from "../../../party/model/peer";
import { encodeCommand, type ReadAck, readServerMessage } from "../../../party/model/protocol";
import { type CreatedWorkshop, call, createWorkshop, json } from "../api-client";

const WAIT_MS = 5000;

/** An ack as protocol.ts reads it, with `result` and `error` readable without narrowing on `ok` first. */
export type Ack = ReadAck & { result?: Record<string, unknown>; error?: CommandFailure };

export type Message = Record<string, unknown> & { type: string };

export async function connectThroughWorker(workshopId: string, token: string) {
  const { body } = await json<{ ticket: string }>("/api/tickets", { method: "POST", token });
  const res = await call(`/parties/workshop-room/${workshopId}?ticket=${body.ticket}`, {
    headers: { Upgrade: "websocket" },
  });
  if (res.status !== 101 || !res.webSocket) throw new Error(`handoff failed: ${res.status}`);
  const ws = res.webSocket;
  // Read through the same protocol module and ack bookkeeping as every other client.
  const acks = new AckWaiters<Ack>();
  const messages: Message[] = [];
  ws.addEventListener("message", (event) => {
    if (typeof event.data !== "string") return;
    const msg = readServerMessage(event.data);
    if (!msg) return;
    messages.push(msg);
    if (msg.type === "ack") acks.settle(msg.id, msg);
  });
  ws.accept();
  let n = 0;
  return {
    ws,
    messages,
    /** the first message of a kind, waiting for it */
    async first(type: string, kind?: string): Promise<Message> {
      return eventually(
        async () => messages.find((m) => m.type === type && (kind === undefined || m.kind === kind)),
        `a ${type} message`,
        WAIT_MS,
      );
    },
    command(name: string, args: Record<string, unknown>): Promise<Ack> {
      n += 1;
      const id = `cmd-${n}-${crypto.randomUUID().slice(0, 8)}`;
      const acked = acks.wait(id, WAIT_MS, name);
      ws.send(encodeCommand(id, name, args));
      return acked;
    },
    /** Adds an activity (the facilitator's `activity.add`) and returns its id; throws if refused. */
    async addActivity(kind: string, title: string, config: Record<string, unknown>): Promise<string> {
      const ack = await this.command("activity.add", { kind, title, config });
      if (!ack.ok) throw new Error(`activity.add refused: ${ack.error?.code}`);
      return ack.result?.activityId as string;
    },
    close: () => ws.close(1000, "done"),
  };
}

/** A fresh workshop and its facilitator, connected through the Worker: the usual start of a live test. */
export async function workshopWithFacilitator(body: Record<string, unknown> = {}) {
  const w: CreatedWorkshop = await createWorkshop(body);
  return { w, facilitator: await connectThroughWorker(w.id, w.facilitatorToken) };
}

export async function eventually<T>(read: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

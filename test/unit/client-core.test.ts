/**
 * The client core both the browser and Node tooling run (party/model/client.ts): a fresh
 * ticket for every socket, jittered back-off, unanswered commands resent with the same ids
 * after a drop (and answered once), and the timeouts that find a silently dead socket.
 * Driven with fake sockets, a fake ticket endpoint and the core's own timers faked, so
 * nothing here waits for real time.
 */
import { describe, expect, it, vi } from "vitest";
import {
  type ClientOptions,
  type CommandOutcome,
  MemoryQueue,
  type QueuedCommand,
  RoomClientCore,
  retryDelay,
  SILENCE_MS,
  type Timers,
} from "../../party/model/client";
import { CloseCode } from "../../party/model/protocol";
import { FakeSocket } from "./support/fake-socket";

/** Timers the test moves by hand: the core arms only these. */
class FakeTimers implements Timers {
  now = 0;
  #next = 1;
  readonly #due = new Map<number, { at: number; run: () => void }>();
  setTimeout(run: () => void, ms: number): number {
    const id = this.#next++;
    this.#due.set(id, { at: this.now + ms, run });
    return id;
  }
  clearTimeout(timer: unknown): void {
    this.#due.delete(timer as number);
  }
  /** Runs everything due within `ms`, in order. */
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      const [id, first] = [...this.#due].sort(([, a], [, b]) => a.at - b.at)[0] ?? [];
      if (id === undefined || !first || first.at > until) break;
      this.#due.delete(id);
      this.now = first.at;
      first.run();
      await settle();
    }
    this.now = until;
  }
  pending(): number {
    return this.#due.size;
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

function setup(overrides: Partial<ClientOptions> = {}) {
  const timers = new FakeTimers();
  const sockets: FakeSocket[] = [];
  const tickets: string[] = [];
  const answers: Array<{ id: string; outcome: CommandOutcome; queued: QueuedCommand | undefined }> = [];
  const states: string[] = [];
  const queue = new MemoryQueue();
  let refuseTicket: number | null | "network" = null;
  const core = new RoomClientCore({
    fetchTicket: async () => {
      if (refuseTicket === "network") throw new TypeError("fetch failed");
      if (refuseTicket !== null) throw Object.assign(new Error("refused"), { status: refuseTicket });
      const ticket = `t${tickets.length + 1}`;
      tickets.push(ticket);
      return ticket;
    },
    socketUrl: (ticket) => `ws://room/w1?ticket=${ticket}`,
    openSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    queue,
    timers,
    now: () => 1_000,
    random: () => 0.5,
    events: {
      answer: (id, outcome, queued) => answers.push({ id, outcome, queued }),
      state: (state) => states.push(state),
    },
    ...overrides,
  });
  const last = () => sockets.at(-1)!;
  return {
    core,
    timers,
    sockets,
    tickets,
    answers,
    states,
    queue,
    last,
    refuseTickets: (how: number | null | "network") => {
      refuseTicket = how;
    },
  };
}

/** Started, the first socket open and greeted: online. */
async function online(made = setup()) {
  made.core.start();
  await settle();
  made.last().open();
  made.last().hello();
  return made;
}

const command = (id: string): QueuedCommand => ({ id, name: "card.add", args: { text: id }, createdAt: 1_000 });

describe("client core", () => {
  it("opens each socket with a ticket of its own and is online once the room says hello", async () => {
    const { core, sockets, tickets, states } = setup();
    core.start();
    await settle();
    expect(tickets).toEqual(["t1"]);
    expect(sockets[0]!.url).toMatch(/^ws:\/\/room\/w1\?ticket=t1&sv=/);
    expect(core.state).toBe("connecting");
    sockets[0]!.open();
    sockets[0]!.hello(6_000);
    expect(core.state).toBe("online");
    expect(core.clockOffset).toBe(5_000);
    expect(states).toEqual(["online"]);
    core.stop();
    expect(sockets[0]!.closed?.code).toBe(1000);
    expect(core.state).toBe("closed");
  });

  it("reconnects after a drop with a fresh ticket, after a jittered back-off", async () => {
    const { core, sockets, tickets, timers, last } = await online();
    last().drop();
    expect(core.state).toBe("offline");
    // Attempt 0: a 500 ms window, half fixed and half jitter (random 0.5 → 375 ms).
    expect(retryDelay(0, () => 0.5)).toBe(375);
    await timers.advance(374);
    expect(sockets).toHaveLength(1);
    await timers.advance(1);
    expect(tickets).toEqual(["t1", "t2"]);
    expect(sockets).toHaveLength(2);
    expect(last().url).toContain("ticket=t2");
    // Refused again before hello: the back-off doubles.
    last().drop();
    await timers.advance(retryDelay(1, () => 0.5) - 1);
    expect(sockets).toHaveLength(2);
    await timers.advance(1);
    expect(last().url).toContain("ticket=t3");
    last().open();
    last().hello();
    expect(core.state).toBe("online");
    expect(sockets).toHaveLength(3);
    core.stop();
  });

  it("resends a command dropped before its ack with the same id, and it is answered once", async () => {
    const { core, sockets, timers, answers, queue, last } = await online();
    const outcome = core.waitFor("c1");
    core.enqueue(command("c1"));
    expect(sockets[0]!.commandIds()).toEqual(["c1"]);
    last().drop();
    await timers.advance(375);
    // Nothing is sent before the room says hello on the new socket.
    last().open();
    expect(last().commandIds()).toEqual([]);
    last().hello();
    expect(last().commandIds()).toEqual(["c1"]);
    // The room had applied the first copy: it answers the replay from its log.
    last().ack("c1", { cardId: "card-1" });
    await expect(outcome).resolves.toEqual({ ok: true, result: { cardId: "card-1" } });
    expect(queue.list()).toEqual([]);
    // A second answer for the same id (the original's, arriving late) finds nothing queued.
    last().ack("c1", { cardId: "card-1" });
    expect(answers.filter((a) => a.queued !== undefined).map((a) => a.id)).toEqual(["c1"]);
    // Reconnecting again resends nothing: the answered command has left the queue.
    last().drop();
    await timers.advance(375);
    last().open();
    last().hello();
    expect(last().commandIds()).toEqual([]);
    core.stop();
  });

  it("sends commands made while offline once the room says hello, oldest first", async () => {
    const { core, sockets, timers, last } = await online();
    last().drop();
    core.enqueue(command("c1"));
    core.enqueue(command("c2"));
    expect(sockets[0]!.commandIds()).toEqual([]);
    await timers.advance(375);
    last().open();
    last().hello();
    expect(last().commandIds()).toEqual(["c1", "c2"]);
    core.stop();
  });

  it("treats a socket that never says hello as dead, and reconnects", async () => {
    const { core, sockets, timers, last } = setup();
    core.start();
    await settle();
    last().open();
    await timers.advance(SILENCE_MS - 1);
    expect(sockets[0]!.closed).toBeNull();
    await timers.advance(1);
    expect(sockets[0]!.closed).toEqual({ code: 4000, reason: "no hello" });
    await timers.advance(375);
    expect(sockets).toHaveLength(2);
    core.stop();
  });

  it("treats a socket that answers no command in time as dead: reconnects and resends", async () => {
    const { core, sockets, timers, last } = await online();
    core.enqueue(command("c1"));
    await timers.advance(SILENCE_MS - 1);
    expect(sockets[0]!.closed).toBeNull();
    await timers.advance(1);
    expect(sockets[0]!.closed).toEqual({ code: 4000, reason: "no ack" });
    expect(core.state).toBe("offline");
    await timers.advance(375);
    last().open();
    last().hello();
    expect(last().commandIds()).toEqual(["c1"]);
    core.stop();
  });

  it("an answer gives the rest of the queue a fresh window", async () => {
    const { core, sockets, timers, last } = await online();
    core.enqueue(command("c1"));
    core.enqueue(command("c2"));
    await timers.advance(SILENCE_MS - 10);
    last().ack("c1");
    await timers.advance(SILENCE_MS - 10);
    expect(sockets[0]!.closed).toBeNull();
    last().ack("c2");
    await timers.advance(SILENCE_MS * 2);
    expect(sockets[0]!.closed).toBeNull();
    expect(timers.pending()).toBe(0);
    core.stop();
  });

  it("rejects a caller that gives up waiting, and still resends the command", async () => {
    const { core, queue, last } = await online();
    // (A caller's own give-up time runs on the runtime's timers, faked here.)
    vi.useFakeTimers();
    try {
      const outcome = core.waitFor("c1", 1000, "card.add c1");
      core.enqueue(command("c1"));
      const rejected = expect(outcome).rejects.toThrow("card.add c1: no ack within 1000 ms");
      await vi.advanceTimersByTimeAsync(1000);
      await rejected;
    } finally {
      vi.useRealTimers();
    }
    expect(queue.list().map((c) => c.id)).toEqual(["c1"]);
    expect(last().commandIds()).toEqual(["c1"]);
    core.stop();
  });

  it("stops for good when the person is removed, answering what was queued", async () => {
    const { core, sockets, timers, answers, queue, last } = await online();
    const outcome = core.waitFor("c1");
    core.enqueue(command("c1"));
    last().drop(CloseCode.removed);
    await expect(outcome).resolves.toEqual({ ok: false, error: { code: "closed", message: "removed" } });
    expect(answers.map((a) => a.queued?.id)).toEqual(["c1"]);
    expect(queue.list()).toEqual([]);
    expect([core.state, core.closeReason]).toEqual(["closed", "removed"]);
    await timers.advance(60_000);
    expect(sockets).toHaveLength(1);
  });

  it("stops when the ticket endpoint refuses the token, and retries when the network fails", async () => {
    const made = setup();
    made.refuseTickets("network");
    made.core.start();
    await settle();
    expect(made.core.state).toBe("offline");
    made.refuseTickets(null);
    await made.timers.advance(375);
    expect(made.sockets).toHaveLength(1);
    made.last().drop();
    made.refuseTickets(401);
    await made.timers.advance(retryDelay(1, () => 0.5));
    expect([made.core.state, made.core.closeReason]).toEqual(["closed", "unauthorised"]);
  });

  it("gives up after five refused sockets in a row (4401)", async () => {
    const { core, sockets, timers, last } = setup();
    core.start();
    await settle();
    for (let i = 0; i < 5; i++) {
      last().drop(CloseCode.unauthorised);
      await timers.advance(retryDelay(i, () => 0.5));
    }
    expect([core.state, core.closeReason]).toEqual(["closed", "unauthorised"]);
    expect(sockets).toHaveLength(5);
  });

  it("reconnects at once when the device comes back online", async () => {
    const { core, sockets, last } = await online();
    core.drop("device offline");
    expect(sockets[0]!.closed).toEqual({ code: 4000, reason: "device offline" });
    core.reconnectNow();
    await settle();
    expect(sockets).toHaveLength(2);
    last().open();
    last().hello();
    expect(core.state).toBe("online");
    core.stop();
  });
});

describe("reconnect back-off", () => {
  it("doubles with each attempt, jittered within the upper half, and caps at 30 s", () => {
    expect(retryDelay(0, () => 0)).toBe(250);
    expect(retryDelay(0, () => 1)).toBe(500);
    expect(retryDelay(3, () => 0)).toBe(2000);
    expect(retryDelay(3, () => 0.5)).toBe(3000);
    expect(retryDelay(20, () => 0)).toBe(15_000);
    expect(retryDelay(20, () => 1)).toBe(30_000);
  });
});

/** The ack bookkeeping every room client shares (party/model/peer.ts): browser, Node tooling, tests. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { AckWaiters } from "../../party/model/peer";

describe("AckWaiters", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("hands the room's answer to everyone waiting for that command, once", async () => {
    const acks = new AckWaiters<string>();
    const first = acks.wait("c1");
    const second = acks.wait("c1");
    const other = acks.wait("c2");
    expect(acks.settle("c1", "saved")).toBe(true);
    await expect(first).resolves.toBe("saved");
    await expect(second).resolves.toBe("saved");
    // Answered commands are forgotten: a replayed ack has nobody to settle.
    expect(acks.settle("c1", "again")).toBe(false);
    expect(acks.settle("c2", "other")).toBe(true);
    await expect(other).resolves.toBe("other");
  });

  it("says nobody waited for an ack it never asked for (another tab's command)", () => {
    expect(new AckWaiters<string>().settle("unknown", "x")).toBe(false);
  });

  it("gives up after the timeout, and a late ack then settles nothing", async () => {
    vi.useFakeTimers();
    const acks = new AckWaiters<string>();
    const waiting = acks.wait("c1", 1000, "card.add c1");
    const rejected = expect(waiting).rejects.toThrow("card.add c1: no ack within 1000 ms");
    await vi.advanceTimersByTimeAsync(1000);
    await rejected;
    expect(acks.settle("c1", "late")).toBe(false);
  });

  it("keeps waiting without a timeout, and rejects everyone when the socket closes", async () => {
    vi.useFakeTimers();
    const acks = new AckWaiters<string>();
    const a = acks.wait("a");
    const b = acks.wait("b", 60_000);
    await vi.advanceTimersByTimeAsync(59_000);
    acks.failAll((id) => new Error(`${id}: socket closed`));
    await expect(a).rejects.toThrow("a: socket closed");
    await expect(b).rejects.toThrow("b: socket closed");
    // No timer is left to fire after the close.
    expect(vi.getTimerCount()).toBe(0);
  });
});

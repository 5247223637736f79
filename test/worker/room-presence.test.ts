/** Presence frames are standard y-protocols awareness updates, readable by a stock Awareness. */
import { describe, expect, it } from "vitest";
import { Awareness, applyAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { PresenceRegistry } from "../../party/presence";
import { facilitator, participant } from "./support/fixtures";

function stockPeer() {
  const awareness = new Awareness(new Y.Doc());
  // A stock peer would time out states after 30 s; irrelevant here and it keeps the test's timers clean.
  clearInterval((awareness as unknown as { _checkInterval: ReturnType<typeof setInterval> })._checkInterval);
  awareness.setLocalState(null);
  return awareness;
}

describe("server-written presence", () => {
  it("round-trips through y-protocols: join, rename, leave and come back", () => {
    const registry = new PresenceRegistry();
    const peer = stockPeer();
    const apply = (update: { full: Uint8Array } | null) => {
      if (update) applyAwarenessUpdate(peer, update.full, "room");
    };
    const states = () => [...peer.getStates().values()].map((s) => `${s.id}:${s.name}`).sort();

    const p1Id = registry.show(participant(1));
    registry.show(facilitator);
    apply(registry.takeChanges());
    expect(states()).toEqual(["p1:Participant 1", "tok-fac-1:Facilitator"]);

    // Only changes are sent: nothing changed, nothing to send.
    registry.show(participant(1));
    expect(registry.takeChanges()).toBeNull();

    registry.show({ ...participant(1), name: "Sam" });
    apply(registry.takeChanges());
    expect(states()).toEqual(["p1:Sam", "tok-fac-1:Facilitator"]);

    registry.hide("p1");
    apply(registry.takeChanges());
    expect(states()).toEqual(["tok-fac-1:Facilitator"]);

    // Coming back in the same millisecond still wins over the removal (newer clock, same id).
    expect(registry.show(participant(1))).toBe(p1Id);
    apply(registry.takeChanges());
    expect(states()).toEqual(["p1:Participant 1", "tok-fac-1:Facilitator"]);

    // A late joiner gets everyone in one frame.
    const late = stockPeer();
    applyAwarenessUpdate(late, registry.encodeAll(true) ?? new Uint8Array(), "room");
    expect([...late.getStates().values()].map((s) => s.id).sort()).toEqual(["p1", "tok-fac-1"]);
  });

  it("gives every actor their own client id, even when their ids hash alike", () => {
    const registry = new PresenceRegistry();
    const ids = new Set<number>();
    for (let i = 0; i < 2000; i++) ids.add(registry.show(participant(i)));
    expect(ids.size).toBe(2000);
    // A forced collision: the preferred id of p0 handed to a newcomer is probed past.
    const taken = registry.clientIdFor("p0");
    expect(registry.show(participant(99999), taken)).not.toBe(taken);
  });
});

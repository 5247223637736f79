/**
 * `sv=` in the WebSocket address (perf #17): a phone names its state vector and the room sends
 * what it lacks with its welcome, a round trip sooner. The Worker passes it on only when it
 * reads as a state vector (and `deflate` only when it is exactly "1", deflated-frames.test.ts;
 * every other client-chosen parameter is dropped); the answer is the same redacted
 * replica a phone's own sync step 1 gets, never the room's doc with who is who.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { roots } from "../../party/model/doc";
import { stateVectorParam } from "../../party/model/frames";
import { RoomClient } from "../worker/support/room-client";
import { handoff, joinAs, newWorkshop, redTeam, ticketFor } from "./support/harness";

const team = redTeam();

async function open(workshopId: string, token: string, query: string): Promise<RoomClient> {
  const res = await handoff(workshopId, await ticketFor(token), query);
  expect(res.status).toBe(101);
  if (!res.webSocket) throw new Error("no socket");
  return team.track(RoomClient.adopt(res.webSocket));
}

/** Whether the room sent a sync step 2 (message 0, step 1), which the client applies to its doc. */
const gotStep2 = (client: RoomClient): boolean => client.frames.some((f) => f[0] === 0 && f[1] === 1);

describe("the state vector in the address", () => {
  it("brings the phone its redacted doc with the welcome, before it sends anything", async () => {
    const { w, mapId } = await team.mapRoom();
    const { joined: author, phone: writer } = await team.participant(w, "community", "Named Author");
    await writer.ok("card.add", { activityId: mapId, lane: "day", kind: "barrier", text: "No bus after six" });

    const phone = await open(
      w.id,
      (await joinAs(w)).token,
      `&sv=${stateVectorParam(Y.encodeStateVector(new Y.Doc()))}`,
    );
    // The phone sent nothing: the room answered the address.
    await phone.waitFor(() => gotStep2(phone), "sync step 2 with the welcome");
    const cards = [...roots(phone.doc).cards.values()];
    expect(cards.map((c) => c.text)).toEqual(["No bus after six"]);
    // The replica, as a phone's own sync step 1 would get: no id, no name.
    const text = JSON.stringify(phone.json());
    expect(text).not.toContain(author.participantId);
    expect(text).not.toContain("Named Author");
  });

  it("is dropped when it is not a state vector, or too long; the connection works as before", async () => {
    const w = await newWorkshop();
    const token = (await joinAs(w)).token;
    for (const sv of ["%00%01", "not*base64", "A".repeat(600), "_w"]) {
      const phone = await open(w.id, token, `&sv=${sv}`);
      await phone.waitFor(() => phone.find((m) => m.type === "hello"), "hello");
      // Nothing was pushed for it, so the phone asks as before and is answered.
      await phone.synced();
      expect(roots(phone.doc).workshop.get("id")).toBe(w.id);
      phone.close();
    }
  });
});

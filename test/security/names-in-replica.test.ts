/**
 * Attack: read who is who off another phone's replica. With names off, the shared doc used to
 * carry chosen names and participant ids on cards, comments, supports, the participants map and
 * presence: any phone (or anyone who picks one up and reads its cached doc) could tell who wrote
 * and supported what. A participant's replica holds no participant id and no name unless names
 * are shown, and a phone learns its own cards and supports only through its private `mine`.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { participant } from "../worker/support/fixtures";
import {
  joinAs,
  json,
  newWorkshop,
  openMap,
  openVote,
  privateMessages,
  type RoomClient,
  redTeam,
  tokenOf,
} from "./support/harness";

const team = redTeam();

/** Everything a socket received as binary (sync steps, updates, presence), as text to search. */
const received = (client: RoomClient) => client.frames.map((f) => new TextDecoder("latin1").decode(f)).join("\n");
/** The replica's whole state, as the phone would cache it. */
const replicaState = (client: RoomClient) => new TextDecoder("latin1").decode(Y.encodeStateAsUpdate(client.doc));
const presence = (client: RoomClient) => JSON.stringify([...client.presence.values()]);

type Mine = {
  participantId: string;
  participant: { name: string; group: string } | null;
  cards: string[];
  comments: string[];
  supports: string[];
};
const lastMine = (client: RoomClient) => privateMessages(client, "mine").at(-1) as unknown as Mine | undefined;

/** A map with cards, a comment and supports from two named people, watched by a third phone. */
async function busyRoom(body: Record<string, unknown> = {}) {
  const w = await newWorkshop(body);
  const fac = await team.facilitator(w);
  const mapId = await openMap(fac);
  const amina = await joinAs(w, "community", "Amina Quarshie");
  const bryn = await joinAs(w, "statutory", "Bryn Oduya");
  const watcher = await joinAs(w, "voluntary");
  const observer = await team.connect(w.id, watcher.token);
  const a = await team.connect(w.id, amina.token);
  const b = await team.connect(w.id, bryn.token);
  const { cardId } = await a.ok("card.add", { activityId: mapId, lane: "day", kind: "barrier", text: "no ramp" });
  await b.ok("card.support", { cardId, on: true });
  const { commentId } = await b.ok("comment.add", { cardId, text: "same at the surgery" });
  // Ballots and a revealed result: a tally must not name its voters either.
  const voteId = await openVote(fac);
  await a.ok("ballot.submit", { activityId: voteId, ballot: { allocations: { o1: 2, o2: 1 } } });
  await b.ok("ballot.submit", { activityId: voteId, ballot: { allocations: { o3: 3 } } });
  await fac.ok("results.reveal", { activityId: voteId });
  await fac.ok("activity.open", { activityId: mapId });
  await fac.ok("card.add", { activityId: mapId, lane: "day", kind: "barrier", text: "from the floor" });
  // The facilitator's card is the last change: once the observer has it, it has everything before.
  await observer.waitFor(
    () =>
      Object.values(observer.json().cards as Record<string, { text: string }>).some((c) => c.text === "from the floor"),
    "the last card",
  );
  await observer.waitFor(() => observer.presence.size >= 4, "everyone's presence");
  return {
    w,
    fac,
    mapId,
    amina,
    bryn,
    watcher,
    observer,
    a,
    b,
    cardId: cardId as string,
    commentId: commentId as string,
  };
}

describe("names and ids in another phone's replica", () => {
  it("a phone's replica holds no participant id or name with names off", async () => {
    const room = await busyRoom();
    const secrets = [room.amina.participantId, room.bryn.participantId, "Amina Quarshie", "Bryn Oduya"];
    // The generated pseudonyms are names too.
    const pseudonyms = [room.a, room.b].map(
      (c) => (c.find((m) => m.type === "hello") as { you: { name: string } }).you.name,
    );
    for (const secret of [...secrets, ...pseudonyms]) {
      expect(received(room.observer), "what the phone received").not.toContain(secret);
      expect(replicaState(room.observer), "the phone's replica").not.toContain(secret);
      expect(presence(room.observer), "presence").not.toContain(secret);
    }
    // A phone that joins later gets the same from its first sync.
    const late = await team.connect(room.w.id, (await joinAs(room.w)).token);
    for (const secret of [...secrets, ...pseudonyms]) expect(received(late)).not.toContain(secret);
    // Supports are a count; the group a card is credited to stays (results and voice use it).
    const card = (room.observer.json().cards as Record<string, { supports: unknown[]; group: string }>)[room.cardId]!;
    expect(card.supports).toHaveLength(1);
    expect(card.group).toBe("community");
  });

  it("the phone's replica shows chosen names, never ids, when names are shown", async () => {
    const room = await busyRoom({ showNames: true });
    const cards = room.observer.json().cards as Record<string, { authorName: string }>;
    expect(cards[room.cardId]!.authorName).toBe("Amina Quarshie");
    for (const id of [room.amina.participantId, room.bryn.participantId]) {
      expect(received(room.observer)).not.toContain(id);
      expect(replicaState(room.observer)).not.toContain(id);
    }
  });

  it("a socket with a spoofed r:facilitator tag still gets the phone's replica", async () => {
    const room = await busyRoom();
    // Straight to the room, as if the Worker let `_pk` through: the tag says facilitator, the actor does not.
    const spy = await team.connectToRoom(room.w.id, participant(66), "_pk=r%3Afacilitator");
    await room.a.ok("card.add", { activityId: room.mapId, lane: "day", kind: "barrier", text: "after the spy" });
    await spy.waitFor(
      () => Object.values(spy.json().cards as Record<string, { text: string }>).some((c) => c.text === "after the spy"),
      "the card after the spy came",
    );
    for (const secret of [room.amina.participantId, room.bryn.participantId, "Amina Quarshie"])
      expect(received(spy)).not.toContain(secret);
  });

  it("facilitators still see who is who", async () => {
    const room = await busyRoom();
    await room.fac.waitFor(() => (room.fac.json().comments as Record<string, unknown>)[room.commentId], "the comment");
    const card = (room.fac.json().cards as Record<string, { authorId: string; supports: string[] }>)[room.cardId]!;
    expect(card.authorId).toBe(room.amina.participantId);
    expect(card.supports).toEqual([room.bryn.participantId]);
    // Presence travels on its own timer: wait for it rather than read it once.
    await room.fac.waitFor(() => presence(room.fac).includes("Amina Quarshie") || undefined, "Amina's presence");
  });
});

describe("the private mine channel", () => {
  it("a kiosk learns each turn's own cards and supports, and nobody else's", async () => {
    const room = await busyRoom();
    const minted = await json<{ token: string }>(`/api/workshops/${room.w.id}/tokens`, {
      method: "POST",
      token: room.w.facilitatorToken,
      body: { role: "kiosk" },
    });
    const kiosk = await team.connect(room.w.id, minted.body.token);
    const turn = { group: "community", turn: "turn-0001" };
    const { cardId } = await kiosk.ok("card.add", {
      activityId: room.mapId,
      lane: "day",
      kind: "barrier",
      text: "kiosk card",
      onBehalfOf: turn,
    });
    await kiosk.ok("card.support", { cardId: room.cardId, on: true, onBehalfOf: turn });
    const own = privateMessages(kiosk, "mine").at(-1) as unknown as Mine;
    expect(own.participantId.endsWith("-turn-0001")).toBe(true);
    expect(own).toMatchObject({ cards: [cardId], supports: [room.cardId] });
    expect(JSON.stringify(privateMessages(kiosk, "mine"))).not.toContain(room.amina.participantId);
    for (const secret of [room.amina.participantId, "Amina Quarshie"]) expect(received(kiosk)).not.toContain(secret);
  });

  it("each phone learns its own cards, comments and supports, privately", async () => {
    const room = await busyRoom();
    await room.a.waitFor(() => lastMine(room.a)?.cards.includes(room.cardId), "Amina's mine");
    expect(lastMine(room.a)).toMatchObject({ participantId: room.amina.participantId, supports: [], comments: [] });
    await room.b.waitFor(() => lastMine(room.b)?.comments.includes(room.commentId), "Bryn's mine");
    expect(lastMine(room.b)).toMatchObject({ cards: [], supports: [room.cardId] });
    // Withdrawing support is known at once, before the ack.
    await room.b.ok("card.support", { cardId: room.cardId, on: false });
    expect(lastMine(room.b)?.supports).toEqual([]);
    // A phone that reconnects (or reloads from its cached doc) is told again on connecting.
    const again = await team.connect(room.w.id, room.amina.token);
    expect(lastMine(again)).toMatchObject({ participantId: room.amina.participantId, cards: [room.cardId] });
    expect(lastMine(again)?.participant).toMatchObject({ name: "Amina Quarshie", group: "community" });
  });

  it("a phone cannot learn another's mine-list", async () => {
    const room = await busyRoom();
    // Another participant, one connecting with someone's id as its connection id, a host, another workshop.
    const spy = await team.connect(
      room.w.id,
      (await joinAs(room.w)).token,
      `&_pk=${encodeURIComponent(`a:${room.amina.participantId}`)}`,
    );
    const forged = await team.connectToRoom(
      room.w.id,
      participant(77),
      `_pk=${encodeURIComponent(`a:${room.amina.participantId}`)}`,
    );
    const other = await newWorkshop();
    const elsewhere = await team.phone(other);
    const { cardId: lateId } = await room.a.ok("card.add", {
      activityId: room.mapId,
      lane: "day",
      kind: "barrier",
      text: "late card",
    });
    await room.a.waitFor(() => lastMine(room.a)?.cards.includes(lateId as string), "Amina's own mine");
    // The card reaches every replica after Amina's mine was sent: wait for it, then look.
    const watchers = [spy, forged, room.observer, room.b, room.fac];
    for (const c of watchers)
      await c.waitFor(
        () => Object.values(c.json().cards as Record<string, { text: string }>).some((x) => x.text === "late card"),
        "the late card",
      );
    for (const c of [...watchers, elsewhere]) {
      const about = privateMessages(c, "mine").map((m) => m.participantId);
      expect(about).not.toContain(room.amina.participantId);
      expect(JSON.stringify(privateMessages(c, "mine"))).not.toContain(lateId as string);
    }
    // Those who see who is who learn it from the doc, not from anyone's mine.
    const screen = await team.connect(room.w.id, tokenOf(room.w, "screen"));
    expect(privateMessages(screen, "mine")).toEqual([]);
    expect(privateMessages(room.fac, "mine")).toEqual([]);
  });
});

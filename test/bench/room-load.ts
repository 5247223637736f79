/**
 * The load on Coproduce: N phones join one room through the real HTTP join + ticket
 * flow, then add cards (paced edits, timed to every other phone), support cards and
 * submit ballots, each command timed to its ack.
 */
import { type CreatedWorkshop, createWorkshop, getTicket, joinAsParticipant } from "../../scripts/lib/api";
import { connectRoom, openSocket, RoomClient, roomUrl } from "../../scripts/lib/room-client";
import { labelled } from "../support/activities";
import { EditTracker, editText, paced } from "./edits";
import { pool, Samples, sleep } from "./stats";

export interface RoomLoadOptions {
  baseUrl: string;
  organiserToken: string;
  clients: number;
  editsPerSecond: number;
  seconds: number;
  log: (line: string) => void;
}

export interface RoomLoadResult {
  joined: number;
  joinErrors: string[];
  joinTime: Samples;
  /** from opening the WebSocket (ticket in hand) to synced: comparable with the reference */
  connectTime: Samples;
  joinWallMs: number;
  ack: { cards: Samples; supports: Samples; ballots: Samples };
  commandErrors: string[];
  edits: EditTracker;
  /** bytes each phone read off the wire (TCP, after any WebSocket extension) while the edits went round, median */
  wireBytesPerPhone: number;
  /** the WebSocket extensions the room took up, as the phones saw them ("" for none) */
  extensions: string;
  unexpectedCloses: number;
}

/** Bytes this client's TCP socket has read so far (ws keeps the net.Socket as `_socket`). */
function wireBytes(phone: RoomClient): number {
  return (phone.socket as unknown as { _socket?: { bytesRead: number } })._socket?.bytesRead ?? 0;
}

const GROUPS = ["community", "voluntary", "statutory", "other"];

async function setUpWorkshop(baseUrl: string, organiserToken: string) {
  const workshop: CreatedWorkshop = await createWorkshop(baseUrl, organiserToken, {
    title: `Bench ${Date.now()}`,
    // The bench fills one room past the default cap of 500 participants.
    maxParticipants: 5000,
  });
  const facilitator = await connectRoom({ baseUrl, token: workshop.facilitatorToken });
  const map = await facilitator.command<{ activityId: string }>("activity.add", {
    kind: "map",
    title: "Bench map",
    config: {
      lanes: labelled({ before: "Before", during: "During", after: "After" }),
      kinds: [{ id: "note", label: "Note", color: "#336699" }],
    },
  });
  const vote = await facilitator.command<{ activityId: string }>("activity.add", {
    kind: "vote",
    title: "Bench vote",
    config: {
      method: "dots",
      dots: 5,
      maxPerOption: 3,
      options: ["a", "b", "c", "d", "e"].map((id) => ({ id, label: `Option ${id}` })),
    },
  });
  await facilitator.command("activity.open", { activityId: map.activityId });
  return { workshop, facilitator, mapId: map.activityId, voteId: vote.activityId };
}

export async function runRoomLoad(o: RoomLoadOptions): Promise<RoomLoadResult> {
  const { workshop, facilitator, mapId, voteId } = await setUpWorkshop(o.baseUrl, o.organiserToken);
  const joinTime = new Samples();
  const connectTime = new Samples();
  const joinErrors: string[] = [];
  const phones: RoomClient[] = [];
  let unexpectedCloses = 0;
  let closing = false;

  o.log(`joining ${o.clients} phones (HTTP join → ticket → WebSocket → sync)…`);
  const joinStart = performance.now();
  const joins = await pool(
    25,
    Array.from({ length: o.clients }, (_, i) => async () => {
      const t0 = performance.now();
      const joined = await joinAsParticipant(o.baseUrl, workshop.joinCode, { group: GROUPS[i % GROUPS.length]! });
      const ticket = await getTicket(o.baseUrl, joined.token);
      const t1 = performance.now();
      const socket = await openSocket(roomUrl(o.baseUrl, ticket.workshopId, ticket.ticket), 60_000);
      // followDoc off: the phones' docs stay as first synced; edits are timed from raw frames.
      const phone = new RoomClient(socket, ticket.workshopId, false);
      phone.startSync();
      await phone.waitForSync(60_000);
      const t2 = performance.now();
      joinTime.add(t2 - t0);
      connectTime.add(t2 - t1);
      phone.closed.then(() => {
        if (!closing) unexpectedCloses++;
      });
      return phone;
    }),
  );
  const joinWallMs = performance.now() - joinStart;
  for (const r of joins) {
    if (r.status === "fulfilled") phones.push(r.value);
    else joinErrors.push(String(r.reason instanceof Error ? r.reason.message : r.reason).slice(0, 200));
  }
  o.log(`${phones.length} joined in ${(joinWallMs / 1000).toFixed(1)} s; ${joinErrors.length} failed`);

  const edits = new EditTracker(phones.length);
  phones.forEach((phone, i) => {
    phone.onBinaryFrame = edits.frames(i);
  });

  const ack = { cards: new Samples(), supports: new Samples(), ballots: new Samples() };
  const commandErrors: string[] = [];
  const cardIds: string[] = [];
  const inFlight: Promise<void>[] = [];
  const timed = (
    samples: Samples,
    phone: RoomClient,
    name: string,
    args: unknown,
    onOk?: (r: Record<string, unknown>) => void,
  ) => {
    const t0 = performance.now();
    inFlight.push(
      phone.send(name, args, { timeoutMs: 30_000 }).then(
        (a) => {
          samples.add(performance.now() - t0);
          if (a.ok) onOk?.(a.result);
          else commandErrors.push(`${name}: ${a.error.code}`);
        },
        (err: Error) => {
          commandErrors.push(`${name}: ${err.message}`);
        },
      ),
    );
  };

  const editCount = Math.round(o.editsPerSecond * o.seconds);
  const wireBefore = phones.map(wireBytes);
  o.log(`${editCount} card edits at ${o.editsPerSecond}/s from random phones…`);
  await paced(editCount, o.editsPerSecond, (seq) => {
    const from = Math.floor(Math.random() * phones.length);
    edits.sent(seq, from);
    const lane = ["before", "during", "after"][seq % 3];
    timed(ack.cards, phones[from]!, "card.add", { activityId: mapId, lane, kind: "note", text: editText(seq) }, (r) => {
      if (typeof r.cardId === "string") cardIds.push(r.cardId);
    });
  });
  await Promise.all(inFlight.splice(0));
  const deadline = performance.now() + 15_000;
  while (edits.missing() > 0 && performance.now() < deadline) await sleep(100);
  o.log(`edits delivered; ${edits.missing()} deliveries missing`);
  const wire = phones.map((p, i) => wireBytes(p) - wireBefore[i]!).sort((a, b) => a - b);
  const wireBytesPerPhone = wire[Math.floor(wire.length / 2)] ?? 0;

  if (cardIds.length > 0) {
    o.log(`every phone supports a card (50/s)…`);
    await paced(phones.length, 50, (i) => {
      timed(ack.supports, phones[i]!, "card.support", { cardId: cardIds[i % cardIds.length], on: true });
    });
    await Promise.all(inFlight.splice(0));
  }

  await facilitator.command("activity.close", { activityId: mapId });
  await facilitator.command("activity.open", { activityId: voteId });
  o.log(`every phone submits a ballot (50/s)…`);
  await paced(phones.length, 50, (i) => {
    const options = ["a", "b", "c", "d", "e"];
    const first = options[i % 5]!;
    const second = options[(i + 2) % 5]!;
    timed(ack.ballots, phones[i]!, "ballot.submit", {
      activityId: voteId,
      ballot: { allocations: { [first]: 3, [second]: 2 } },
    });
  });
  await Promise.all(inFlight.splice(0));

  closing = true;
  await Promise.all([...phones, facilitator].map((p) => p.close()));
  return {
    joined: phones.length,
    joinErrors,
    joinTime,
    connectTime,
    joinWallMs,
    ack,
    commandErrors,
    edits,
    wireBytesPerPhone,
    extensions: phones[0]?.socket.extensions ?? "",
    unexpectedCloses,
  };
}

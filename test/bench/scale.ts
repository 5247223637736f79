/**
 * The scale fixture: a 3-hour, 200-person workshop built through the real API and
 * commands (three service maps with thousands of cards, supports and comments, two
 * votes, feedback), then measured: the Y.Doc's size, what a phone downloads to join
 * (gzipped), and how long the room takes to wake from storage after a restart, timed from
 * outside (connect times: workerd's clocks stand still while the room computes, so the room
 * cannot time itself).
 */
import { gzipSync } from "node:zlib";
import * as v from "valibot";
import * as Y from "yjs";
import { ArchivedActivitySchema } from "../../party/model/archive";
import { roots } from "../../party/model/doc";
import { createWorkshop, getTicket, joinAsParticipant } from "../../scripts/lib/api";
import { connectRoom, openSocket, RoomClient, roomUrl } from "../../scripts/lib/room-client";
import { cardKinds, feedbackItems, labelled } from "../support/activities";
import type { BenchApp, RoomFigures } from "./miniflare-app";
import { pool, Samples } from "./stats";

export interface ScaleOptions {
  people: number;
  cardsPerPersonPerMap: number;
  supportsPerPersonPerMap: number;
  commentsPerPersonPerMap: number;
  organiserToken: string;
  /** restarts the app on the same state */
  restart: () => Promise<BenchApp>;
  app: BenchApp;
  log: (line: string) => void;
}

/** The 3-hour workshop's shape per person and map: what `npm run bench` and the wake probe both build. */
export const WORKSHOP_SHAPE = {
  cardsPerPersonPerMap: 4,
  supportsPerPersonPerMap: 8,
  commentsPerPersonPerMap: 2,
} as const;

export interface ScaleResult {
  /** the workshop built, so a tool can wake it again (test/bench/wake-probe.ts) */
  workshop: { id: string; facilitatorToken: string };
  people: number;
  commands: number;
  commandErrors: number;
  /** why commands were refused or lost: "name: code" → count (empty when none were) */
  errorCodes: Map<string, number>;
  buildSeconds: number;
  /** `archived`: closed activities whose cards, comments and links are out of the live doc */
  counts: {
    cards: number;
    comments: number;
    supports: number;
    activities: number;
    participants: number;
    archived: number;
  };
  docBytes: number;
  joinSyncBytes: number;
  joinSyncGzip: number;
  coldConnect: Samples;
  warmConnect: Samples;
  /** the same, for a new empty workshop woken by the same restarts: the cost of starting any room */
  emptyCold: Samples;
  emptyWarm: Samples;
  /** The room's own figures before the restarts (its `state()`). */
  room: RoomFigures;
}

const GROUPS = ["community", "voluntary", "statutory", "other"];
const MAP_CONFIG = {
  lanes: labelled({ before: "Before", during: "During", after: "After" }),
  kinds: cardKinds({ works: ["What works", "#2e7d32"], gap: ["Gap", "#c62828"], idea: ["Idea", "#1565c0"] }),
};

/** Time from opening the WebSocket (ticket already in hand) until the doc is synced. */
export async function timeConnect(baseUrl: string, token: string): Promise<{ ms: number; client: RoomClient }> {
  const ticket = await getTicket(baseUrl, token);
  const t0 = performance.now();
  const socket = await openSocket(roomUrl(baseUrl, ticket.workshopId, ticket.ticket), 60_000);
  const client = new RoomClient(socket, ticket.workshopId);
  client.startSync();
  await client.waitForSync(60_000);
  return { ms: performance.now() - t0, client };
}

export async function runScale(o: ScaleOptions): Promise<ScaleResult> {
  let app = o.app;
  const started = performance.now();
  const workshop = await createWorkshop(app.baseUrl, o.organiserToken, {
    title: `Bench scale ${Date.now()}`,
    maxParticipants: 5000,
  });
  const facilitator = await connectRoom({ baseUrl: app.baseUrl, token: workshop.facilitatorToken });
  const maps: string[] = [];
  for (const title of ["Journey today", "Assets and gaps", "Ideas for the new service"]) {
    maps.push(
      (await facilitator.command<{ activityId: string }>("activity.add", { kind: "map", title, config: MAP_CONFIG }))
        .activityId,
    );
  }
  const options = Array.from({ length: 12 }, (_, i) => ({ id: `o${i}`, label: `Priority ${i + 1}` }));
  const votes = [
    (
      await facilitator.command<{ activityId: string }>("activity.add", {
        kind: "vote",
        title: "Dots",
        config: { method: "dots", options },
      })
    ).activityId,
    (
      await facilitator.command<{ activityId: string }>("activity.add", {
        kind: "vote",
        title: "Top three",
        config: { method: "rank", options, topK: 3 },
      })
    ).activityId,
  ];
  const feedback = (
    await facilitator.command<{ activityId: string }>("activity.add", {
      kind: "feedback",
      title: "Feedback",
      config: {
        items: feedbackItems({ heard: ["likert", "I felt heard"], better: ["text", "Better next time"] }),
      },
    })
  ).activityId;

  o.log(`scale: ${o.people} people join…`);
  const joined = await pool(
    25,
    Array.from({ length: o.people }, (_, i) => async () => {
      const person = await joinAsParticipant(app.baseUrl, workshop.joinCode, { group: GROUPS[i % GROUPS.length]! });
      // followDoc off: 200 docs each applying every update would measure this process, not the room.
      return connectRoom({ baseUrl: app.baseUrl, token: person.token, followDoc: false, timeoutMs: 60_000 });
    }),
  );
  const phones = joined.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  let commands = 0;
  let commandErrors = 0;
  const errorCodes = new Map<string, number>();
  const send = async (phone: RoomClient, name: string, args: unknown) => {
    commands++;
    const ack = await phone.send(name, args, { timeoutMs: 60_000 }).catch(() => null);
    if (!ack?.ok) {
      commandErrors++;
      const why = `${name}: ${ack ? ack.error.code : "no ack"}`;
      errorCodes.set(why, (errorCodes.get(why) ?? 0) + 1);
    }
    return ack?.ok ? ack.result : null;
  };

  for (const [m, mapId] of maps.entries()) {
    await facilitator.command("activity.open", { activityId: mapId });
    o.log(`scale: map ${m + 1}/${maps.length}: cards…`);
    const cardIds: string[] = [];
    await Promise.all(
      phones.map(async (phone, i) => {
        for (let c = 0; c < o.cardsPerPersonPerMap; c++) {
          const r = await send(phone, "card.add", {
            activityId: mapId,
            lane: MAP_CONFIG.lanes[(i + c) % 3]!.id,
            kind: MAP_CONFIG.kinds[c % 3]!.id,
            text: `Person ${i} says: a realistic sentence about the service, number ${c}, with a little detail.`,
          });
          if (typeof r?.cardId === "string") cardIds.push(r.cardId);
        }
      }),
    );
    o.log(`scale: map ${m + 1}/${maps.length}: supports and comments…`);
    await Promise.all(
      phones.map(async (phone, i) => {
        for (let s = 0; s < o.supportsPerPersonPerMap; s++) {
          await send(phone, "card.support", { cardId: cardIds[(i * 7 + s * 13) % cardIds.length], on: true });
        }
        for (let c = 0; c < o.commentsPerPersonPerMap; c++) {
          await send(phone, "comment.add", {
            cardId: cardIds[(i * 11 + c) % cardIds.length],
            text: `A comment from person ${i}.`,
          });
        }
      }),
    );
    await facilitator.command("activity.close", { activityId: mapId });
  }
  o.log("scale: votes and feedback…");
  for (const [v, voteId] of votes.entries()) {
    await facilitator.command("activity.open", { activityId: voteId });
    await Promise.all(
      phones.map((phone, i) =>
        send(phone, "ballot.submit", {
          activityId: voteId,
          ballot:
            v === 0
              ? { allocations: { [`o${i % 12}`]: 3, [`o${(i + 5) % 12}`]: 2 } }
              : { order: [`o${i % 12}`, `o${(i + 1) % 12}`, `o${(i + 4) % 12}`] },
        }),
      ),
    );
    await facilitator.command("activity.close", { activityId: voteId });
    await facilitator.command("results.reveal", { activityId: voteId });
  }
  await facilitator.command("activity.open", { activityId: feedback });
  await Promise.all(
    phones.map((phone, i) =>
      send(phone, "feedback.submit", { activityId: feedback, answers: { heard: 1 + (i % 5), better: "More time." } }),
    ),
  );
  await facilitator.command("activity.close", { activityId: feedback });
  const buildSeconds = (performance.now() - started) / 1000;
  o.log(
    `scale: ${commands} commands in ${buildSeconds.toFixed(0)} s, ${commandErrors} refused or lost${errorCodes.size ? ` (${[...errorCodes].map(([why, n]) => `${why} × ${n}`).join("; ")})` : ""}`,
  );
  await Promise.all([...phones, facilitator].map((p) => p.close()));

  // What a phone downloads to join: the full state as one sync update.
  const reader = await connectRoom({ baseUrl: app.baseUrl, token: workshop.facilitatorToken });
  const state = Y.encodeStateAsUpdate(reader.doc);
  const r = roots(reader.doc);
  // Closed maps' cards left the live doc (docs/performance.md): count them from their archives too.
  const cards = [...r.cards.values()];
  let comments = r.comments.size;
  for (const activityId of r.archived.keys()) {
    const res = await fetch(`${app.baseUrl}/api/workshops/${workshop.id}/activities/${activityId}/archive`, {
      headers: { authorization: `Bearer ${workshop.facilitatorToken}` },
    });
    if (!res.ok) throw new Error(`archive of ${activityId}: ${res.status} ${await res.text()}`);
    const archived = v.parse(ArchivedActivitySchema, await res.json());
    cards.push(...Object.values(archived.cards));
    comments += Object.keys(archived.comments).length;
  }
  const counts = {
    cards: cards.length,
    comments,
    supports: cards.reduce((n, c) => n + (c.supports?.length ?? 0), 0),
    activities: r.activities.size,
    participants: r.participants.size,
    archived: r.archived.size,
  };
  await reader.close();
  const room = await app.roomState(workshop.id);

  // The same restarts wake a new, empty workshop too: what starting any room costs on this
  // machine (workerd opening a Durable Object and its SQLite), beside what this room adds.
  const empty = await createWorkshop(app.baseUrl, o.organiserToken, { title: `Bench empty ${Date.now()}` });
  await (await timeConnect(app.baseUrl, empty.facilitatorToken)).client.close();
  const coldConnect = new Samples();
  const warmConnect = new Samples();
  const emptyCold = new Samples();
  const emptyWarm = new Samples();
  const restarts = 5;
  for (let i = 0; i < restarts; i++) {
    o.log(`scale: restart ${i + 1}/${restarts} to time the room waking from storage…`);
    app = await o.restart();
    // Which room wakes first alternates, so neither always pays for the other's warm-up.
    const order = i % 2 === 0 ? (["big", "empty"] as const) : (["empty", "big"] as const);
    for (const which of order) {
      const token = which === "big" ? workshop.facilitatorToken : empty.facilitatorToken;
      const cold = await timeConnect(app.baseUrl, token);
      const warm = await timeConnect(app.baseUrl, token);
      (which === "big" ? coldConnect : emptyCold).add(cold.ms);
      (which === "big" ? warmConnect : emptyWarm).add(warm.ms);
      await Promise.all([cold.client.close(), warm.client.close()]);
    }
  }

  return {
    workshop: { id: workshop.id, facilitatorToken: workshop.facilitatorToken },
    people: phones.length,
    commands,
    commandErrors,
    errorCodes,
    buildSeconds,
    counts,
    docBytes: state.byteLength,
    joinSyncBytes: state.byteLength,
    joinSyncGzip: gzipSync(state).byteLength,
    coldConnect,
    warmConnect,
    emptyCold,
    emptyWarm,
    room,
  };
}

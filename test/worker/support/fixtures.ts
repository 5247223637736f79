/** Workshops and actors for room tests. */
import type { RoomInit } from "../../../party/model/apply";
import { DEFAULT_GROUPS } from "../../../party/model/default-groups";
import type { Actor } from "../../../party/model/protocol";
import type { RoomTuning } from "../../../party/room";
import { mapConfig, THREE_OPTIONS, voteConfig } from "../../support/activities";
import { type RoomClient, roomStub, tuneRoom } from "./room-client";

let counter = 0;

/** A fresh workshop id per test, so tests share nothing. */
export function workshopId(label: string): string {
  counter += 1;
  return `${label}-${counter}-${crypto.randomUUID().slice(0, 8)}`;
}

export function roomInit(id: string): RoomInit {
  return {
    id,
    title: "Getting to the GP",
    purpose: "Map how people reach primary care",
    joinCode: "ABC234",
    groups: DEFAULT_GROUPS,
    showNames: false,
    language: "en",
    activities: [
      {
        kind: "map",
        title: "What helps and what gets in the way",
        config: mapConfig(
          { before: "Before", during: "During" },
          { helps: ["Helps", "#2a9d8f"], barrier: ["Barrier", "#e76f51"] },
          { prompt: "Add what you see" },
        ),
      },
      {
        kind: "vote",
        title: "What matters most",
        config: voteConfig("dots", THREE_OPTIONS, { dots: 5, maxPerOption: 3 }),
      },
    ],
  } as RoomInit;
}

export async function createRoom(label: string): Promise<string> {
  const id = workshopId(label);
  const stub = await roomStub(id);
  const outcome = await stub.init(roomInit(id));
  if (!outcome.ok) throw new Error(`could not create ${id}: ${outcome.message}`);
  return id;
}

/**
 * A fresh room (roomInit's map then vote) with its facilitator joined through `join`
 * (a suite's `roomClients().join`, which closes the socket after the suite) and the map open;
 * `tuning`, if given, is set before anyone joins.
 */
export async function liveMap(
  join: (id: string, actor: Actor) => Promise<RoomClient>,
  label: string,
  tuning?: Partial<RoomTuning>,
) {
  const id = await createRoom(label);
  if (tuning) await tuneRoom(id, tuning);
  const fac = await join(id, facilitator);
  const [mapId, voteId] = agendaOf(fac);
  if (!mapId || !voteId) throw new Error("fixture agenda is missing its map or vote");
  await fac.ok("activity.open", { activityId: mapId });
  return { id, fac, mapId, voteId };
}

export const facilitator: Actor = { role: "facilitator", id: "tok-fac-1", name: "Facilitator", group: "" };
export const screen: Actor = { role: "screen", id: "tok-screen-1", name: "Screen", group: "" };
export const evaluator: Actor = { role: "evaluator", id: "tok-eval-1", name: "Evaluator", group: "" };

export function participant(n: number, group = "community"): Actor {
  return { role: "participant", id: `p${n}`, name: `Participant ${n}`, group };
}

/** Activity ids in agenda order, as a client sees them. */
export function agendaOf(doc: { json(): Record<string, unknown> }): string[] {
  const workshop = doc.json().workshop as { agenda?: string[] };
  return workshop.agenda ?? [];
}

/** Workshops and actors for room tests. */
import type { RoomInit } from "../../../party/model/apply";
import { DEFAULT_GROUPS } from "../../../party/model/commands";
import type { Actor } from "../../../party/model/protocol";
import { roomStub } from "./room-client";

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
        config: {
          prompt: "Add what you see",
          lanes: [
            { id: "before", label: "Before" },
            { id: "during", label: "During" },
          ],
          kinds: [
            { id: "helps", label: "Helps", color: "#2a9d8f" },
            { id: "barrier", label: "Barrier", color: "#e76f51" },
          ],
        },
      },
      {
        kind: "vote",
        title: "What matters most",
        config: {
          method: "dots",
          options: [
            { id: "o1", label: "Evening appointments" },
            { id: "o2", label: "Interpreters" },
            { id: "o3", label: "Transport" },
          ],
          dots: 5,
          maxPerOption: 3,
        },
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

/**
 * A participant streaming card.add commands with client-made ids, as a phone does,
 * keeping the record the fault suite judges by: which ids were acknowledged (and
 * the card each created), which were refused, and which are still unacknowledged.
 * The sender is a RoomSession (the client core phones run: it resends what was not
 * answered after reconnecting, with the same id) or a plain RoomClient (one socket).
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { CommandOutcome } from "../../party/model/client";
import { type CreatedWorkshop, createWorkshop } from "../../scripts/lib/api";
import {
  applyMigrations,
  makeTempDir,
  type RunningApp,
  randomToken,
  removeDir,
  snapshotSources,
  startApp,
} from "../../scripts/lib/app";
import { connectRoom, type RoomClient } from "../../scripts/lib/room-client";

/** wrangler's output is shown only with COPRODUCE_FAULT_VERBOSE=1. */
export const quiet = process.env.COPRODUCE_FAULT_VERBOSE === "1" ? undefined : () => {};

/** A snapshot of the app's sources with its own state on disk, migrated; start (and restart) it on that state. */
export interface FaultApp {
  persistTo: string;
  organiserToken: string;
  /** Starts the app on the state, on `port` when given (a restart keeps its address). */
  start(port?: number): Promise<RunningApp>;
  /** Deletes the snapshot and the state (stop the app first). */
  remove(): Promise<void>;
}

export async function prepareApp(prefix: string): Promise<FaultApp> {
  const dir = await makeTempDir(prefix);
  const persistTo = path.join(dir, "state");
  const assetsDir = path.join(dir, "web");
  await mkdir(assetsDir, { recursive: true });
  const organiserToken = randomToken();
  const root = await snapshotSources(path.join(dir, "src"));
  await applyMigrations({ persistTo, root, onOutput: quiet });
  return {
    persistTo,
    organiserToken,
    start: (port) =>
      startApp({ root, persistTo, assetsDir, organiserToken, onOutput: quiet, ...(port ? { port } : {}) }),
    remove: () => removeDir(dir),
  };
}

/** A new workshop with one open map activity (lane "now", kind "note"), and its facilitator's connection. */
export async function workshopWithMap(
  app: RunningApp,
  organiserToken: string,
  titles: { workshop: string; activity: string },
): Promise<{ workshop: CreatedWorkshop; facilitator: RoomClient; activityId: string }> {
  const workshop = await createWorkshop(app.baseUrl, organiserToken, { title: titles.workshop });
  const facilitator = await connectRoom({ baseUrl: app.baseUrl, token: workshop.facilitatorToken });
  const { activityId } = await facilitator.command<{ activityId: string }>("activity.add", {
    kind: "map",
    title: titles.activity,
    config: { lanes: [{ id: "now", label: "Now" }], kinds: [{ id: "note", label: "Note", color: "#336699" }] },
  });
  await facilitator.command("activity.open", { activityId });
  return { workshop, facilitator, activityId };
}

/** What sends the cards: a RoomSession or a RoomClient. */
export interface CardSender {
  send(name: string, args: unknown, options: { id: string; timeoutMs: number }): Promise<CommandOutcome>;
  /** false once a plain socket has closed (a session is never "closed" by a drop) */
  readonly isOpen?: boolean;
}

export type Outcome = { state: "unacked" } | { state: "acked"; cardId: string } | { state: "refused"; code: string };

export interface Ledger {
  /** command id → outcome; insertion order is send order */
  outcomes: Map<string, Outcome>;
  /** acks that arrived for an id already acknowledged with a different card: applied twice */
  conflicts: string[];
  /** ids sent more than once (resent after a reconnect), with the round of each resend */
  resent: Map<string, number[]>;
  /** who sent each id: a resend must come from the same participant, as a phone's queue does */
  sender: Map<string, number>;
}

export function newLedger(): Ledger {
  return { outcomes: new Map(), conflicts: [], resent: new Map(), sender: new Map() };
}

export function cardText(commandId: string): string {
  return `fault ${commandId}`;
}

/**
 * Sends one card.add with `id` and records what came back; no answer within `timeoutMs`
 * (a plain socket lost, or a session that could not get back in time) leaves it unacked.
 */
export async function sendCard(
  client: CardSender,
  who: number,
  ledger: Ledger,
  activityId: string,
  id: string,
  timeoutMs = 20_000,
): Promise<void> {
  const sender = ledger.sender.get(id);
  if (sender !== undefined && sender !== who) throw new Error(`${id} was sent by participant ${sender}, not ${who}`);
  ledger.sender.set(id, who);
  if (!ledger.outcomes.has(id)) ledger.outcomes.set(id, { state: "unacked" });
  try {
    const ack = await client.send(
      "card.add",
      { activityId, lane: "now", kind: "note", text: cardText(id) },
      { id, timeoutMs },
    );
    const before = ledger.outcomes.get(id);
    if (ack.ok) {
      const cardId = ack.result.cardId;
      if (typeof cardId !== "string") throw new Error(`card.add ${id} acked without a cardId: ${JSON.stringify(ack)}`);
      if (before?.state === "acked" && before.cardId !== cardId) ledger.conflicts.push(id);
      ledger.outcomes.set(id, { state: "acked", cardId });
    } else {
      ledger.outcomes.set(id, { state: "refused", code: ack.error.code });
    }
  } catch {
    // No ack: the runtime died or the socket dropped. The id stays unacked and is resent later.
  }
}

/**
 * Streams commands from `client` until `stop()` is called: one every `intervalMs`, up to
 * `window` in flight, like a phone with a queue. Resolves when every send has settled.
 */
export function streamCards(
  client: CardSender,
  who: number,
  ledger: Ledger,
  activityId: string,
  nextId: () => string,
  options: { intervalMs: number; window: number; maxPerPerson?: number; timeoutMs?: number },
): { stop: () => Promise<void> } {
  let stopped = false;
  const inFlight = new Set<Promise<void>>();
  // A person's own quota (safety #12) is not what this suite tests: stay under it.
  const sentByThem = () => [...ledger.sender.values()].filter((sender) => sender === who).length;
  const loop = (async () => {
    while (!stopped && client.isOpen !== false) {
      if (inFlight.size < options.window && sentByThem() < (options.maxPerPerson ?? Number.POSITIVE_INFINITY)) {
        const p = sendCard(client, who, ledger, activityId, nextId(), options.timeoutMs).finally(() =>
          inFlight.delete(p),
        );
        inFlight.add(p);
      }
      await new Promise((r) => setTimeout(r, options.intervalMs));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      await Promise.all(inFlight);
    },
  };
}

export { seededRandom } from "../support/random";

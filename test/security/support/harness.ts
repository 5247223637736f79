/**
 * The red-team harness: act as any role through the real front door (the Worker's
 * join, ticket and WebSocket handoff), then try what an attacker would. Every
 * attack test in test/security/ is written with these helpers; see README.md.
 */
import { expect } from "vitest";
import { ACTOR_HEADER, type Ack, type Actor, ROOM_PARTY } from "../../../party/model/protocol";
import { BARRIER_KINDS, BARRIER_LANES, mapConfig, THREE_OPTIONS, voteConfig } from "../../support/activities";
import {
  type CreatedWorkshop,
  call,
  createWorkshop,
  freshIp,
  type Joined,
  joinWorkshop,
  json,
  ORGANISER,
} from "../../worker/api-client";
import { type Json, RoomClient, roomClients, roomStub } from "../../worker/support/room-client";

export { call, createWorkshop, env, freshIp, json, sha256Hex } from "../../worker/api-client";
export type { CreatedWorkshop, Joined, Json, RoomClient };

/** Roles a workshop hands out at creation; participants come from `joinAs`. */
export type MintedRole = "facilitator" | "screen" | "evaluator";

export function tokenOf(w: CreatedWorkshop, role: MintedRole): string {
  return { facilitator: w.facilitatorToken, screen: w.screenToken, evaluator: w.evaluatorToken }[role];
}

/** A new workshop made by the organiser (defaults: no names shown, four default groups). */
export function newWorkshop(body: Record<string, unknown> = {}): Promise<CreatedWorkshop> {
  return createWorkshop({ title: "Red team", ...body });
}

export interface Programme {
  id: string;
  evaluatorToken: string;
  evaluatorTokenId: string;
}

/** A new programme made by the organiser, with its programme-wide evaluator link's token. */
export async function newProgramme(title = "Red team programme"): Promise<Programme> {
  const { status, body } = await json<Programme>("/api/programmes", { token: ORGANISER, body: { title } });
  expect(status).toBe(201);
  return body;
}

/** Joins as a participant from a fresh address. */
export function joinAs(w: CreatedWorkshop, group = "community", name?: string): Promise<Joined> {
  return joinWorkshop(w.joinCode, name ? { group, name } : { group }, freshIp());
}

/** Trades a token for a WebSocket ticket; throws unless the Worker issues one. */
export async function ticketFor(token: string, workshopId?: string): Promise<string> {
  const { status, body } = await json<{ ticket: string }>("/api/tickets", {
    method: "POST",
    token,
    body: workshopId ? { workshopId } : {},
  });
  if (status !== 200) throw new Error(`ticket refused: ${status} ${JSON.stringify(body)}`);
  return body.ticket;
}

/** Opens the WebSocket handoff with a ticket and any extra query a test wants to smuggle in. */
export async function handoff(workshopId: string, ticket: string, query = ""): Promise<Response> {
  return call(`/parties/workshop-room/${workshopId}?ticket=${encodeURIComponent(ticket)}${query}`, {
    headers: { Upgrade: "websocket" },
  });
}

/**
 * The socket clients a test file opens through the Worker, closed after every test.
 * `connect(workshopId, token)` mints a ticket, goes through the handoff and waits for
 * the hello and the first sync, like a phone or laptop does.
 */
export function redTeam() {
  const clients = roomClients();
  const connect = async (workshopId: string, token: string, query = ""): Promise<RoomClient> => {
    const res = await handoff(workshopId, await ticketFor(token), query);
    if (res.status !== 101 || !res.webSocket) throw new Error(`handoff failed: ${res.status} ${await res.text()}`);
    const client = clients.track(RoomClient.adopt(res.webSocket));
    await client.waitFor(() => client.find((m) => m.type === "hello"), "hello");
    await client.synced();
    return client;
  };
  /**
   * Straight to the room with a forged actor header and any query: what a hole in the
   * Worker's handoff would let through. Use it to prove the room's own checks.
   */
  const connectToRoom = async (workshopId: string, actor: Actor, query = ""): Promise<RoomClient> => {
    const stub = await roomStub(workshopId);
    const res = await stub.fetch(`http://room.test/parties/${ROOM_PARTY}/${workshopId}?${query}`, {
      headers: { Upgrade: "websocket", [ACTOR_HEADER]: JSON.stringify(actor) },
    });
    if (!res.webSocket) throw new Error(`room refused the upgrade: ${res.status}`);
    const client = clients.track(RoomClient.adopt(res.webSocket));
    await client.waitFor(() => client.find((m) => m.type === "hello"), "hello");
    await client.synced();
    return client;
  };
  /** The workshop's facilitator, through the front door. */
  const facilitator = (w: CreatedWorkshop): Promise<RoomClient> => connect(w.id, tokenOf(w, "facilitator"));
  /** Someone joined in `group` (and named, if given), and their phone through the front door. */
  const participant = async (
    w: CreatedWorkshop,
    group = "community",
    name?: string,
  ): Promise<{ joined: Joined; phone: RoomClient }> => {
    const joined = await joinAs(w, group, name);
    return { joined, phone: await connect(w.id, joined.token) };
  };
  /** The phone of someone joined in `group` (and named, if given), when the test needs only that. */
  const phone = async (w: CreatedWorkshop, group = "community", name?: string): Promise<RoomClient> =>
    (await participant(w, group, name)).phone;
  /** A new workshop with its facilitator connected and a map open: where most attacks on cards start. */
  const mapRoom = async (): Promise<{ w: CreatedWorkshop; fac: RoomClient; mapId: string }> => {
    const w = await newWorkshop();
    const fac = await facilitator(w);
    return { w, fac, mapId: await openMap(fac) };
  };
  return { ...clients, connect, connectToRoom, facilitator, participant, phone, mapRoom };
}

/** Expects a command to be refused with `code`. */
export async function expectRefused(client: RoomClient, name: string, args: Json, code: string): Promise<void> {
  const ack: Ack = await client.command(name, args);
  expect(ack.ok, `${name} should be refused with ${code}`).toBe(false);
  if (!ack.ok) expect(ack.error.code).toBe(code);
}

/** Expects an HTTP refusal in the API's one error shape. */
export async function expectHttpError(res: Response, status: number, code: string): Promise<void> {
  const body = (await res.json()) as { error?: { code?: string } };
  expect({ status: res.status, code: body.error?.code }).toEqual({ status, code });
}

/** Private messages a client received, of one kind. */
export function privateMessages(client: RoomClient, kind: string): Json[] {
  return client.messages.filter((m) => m.type === "private" && m.kind === kind);
}

/** A map activity, added and opened by the facilitator; returns its id. */
export function openMap(fac: RoomClient, mode: "open" | "silent" = "open"): Promise<string> {
  return openActivity(fac, "map", "Getting there", mapConfig(BARRIER_LANES, BARRIER_KINDS, { mode }));
}

/** A dots vote over three options, added and opened by the facilitator; returns its id. */
export function openVote(fac: RoomClient, config: Json = {}): Promise<string> {
  return openActivity(
    fac,
    "vote",
    "What matters most",
    voteConfig("dots", THREE_OPTIONS, { dots: 3, maxPerOption: 3, ...config }),
  );
}

/** Adds an activity and opens it (the facilitator's two commands); returns its id. */
export async function openActivity(fac: RoomClient, kind: string, title: string, config: Json): Promise<string> {
  const { activityId } = await fac.ok("activity.add", { kind, title, config });
  await fac.ok("activity.open", { activityId });
  return activityId as string;
}

/** A marker no other test uses, for "is it anywhere?" searches. */
export function marker(label: string): string {
  return `${label}-${crypto.randomUUID().replaceAll("-", "")}`;
}

/** Polls D1 until `read` returns something; for what reaches D1 through the room's outbox. */
export async function eventually<T>(read: () => Promise<T | undefined | null>, what: string, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined && value !== null) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The room's counters (commands logged, outbox, connections). */
export async function roomState(workshopId: string) {
  return (await roomStub(workshopId)).state();
}

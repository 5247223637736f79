/** Calls into a workshop's room (Durable Object RPC via partyserver). */
import { getServerByName } from "partyserver";
import type { RoomInit } from "../party/model/apply";
import type { ArchiveReader } from "../party/room";
import type { Env } from "./env";
import { ApiError } from "./errors";

/** Sets up a new workshop's room with its agenda; the room validates `init` itself. */
export async function initRoom(env: Env, init: RoomInit): Promise<void> {
  const stub = await getServerByName(env.WorkshopRoom, init.id);
  const outcome = await stub.init(init);
  if (!outcome.ok) {
    throw outcome.code === "bad_request"
      ? new ApiError(400, "bad_request", outcome.message)
      : new ApiError(500, "internal", `The workshop room could not be set up: ${outcome.message}`);
  }
}

/** Whether the room takes new participants now (the room, not D1, is the authority). */
export async function roomAdmission(env: Env, workshopId: string) {
  const stub = await getServerByName(env.WorkshopRoom, workshopId);
  return stub.admission();
}

/** Closes the live sockets of a revoked link's actor (close code 4401). */
export async function closeRevokedSessions(env: Env, workshopId: string, actorId: string): Promise<number> {
  const stub = await getServerByName(env.WorkshopRoom, workshopId);
  return stub.revoke(actorId);
}

/** session (#19): closes an actor's live sockets (4403) without revoking its link. */
export async function disconnectActor(env: Env, workshopId: string, actorId: string): Promise<number> {
  const stub = await getServerByName(env.WorkshopRoom, workshopId);
  return stub.disconnect(actorId);
}

/** Erases a room's storage and closes its connections. */
export async function eraseRoom(env: Env, workshopId: string): Promise<void> {
  const stub = await getServerByName(env.WorkshopRoom, workshopId);
  await stub.erase();
}

/**
 * A closed activity's archived cards, comments and links; null when it has none archived,
 * "departed" when the reading participant was removed or withdrew (the room knows first).
 */
export async function roomArchive(env: Env, workshopId: string, activityId: string, reader: ArchiveReader) {
  const stub = await getServerByName(env.WorkshopRoom, workshopId);
  return stub.archived(activityId, reader);
}

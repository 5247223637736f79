/**
 * Everything an e2e test needs: the running app (from global-setup via inject),
 * API calls, the Node room client, Chromium and axe.
 *
 *   import { app, createWorkshop, connectRoom, launchBrowser, runAxe } from "./support";
 *   const { baseUrl, organiserToken } = app();
 */
import { inject } from "vitest";
import {
  type CreatedWorkshop,
  createWorkshop,
  type Joined,
  type JoinRequest,
  joinAsParticipant,
  type WorkshopRequest,
} from "../../../scripts/lib/api";
import { type ConnectOptions, connectRoom, type RoomClient } from "../../../scripts/lib/room-client";

export * from "../../../scripts/lib/api";
export * from "../../../scripts/lib/room-client";
export * from "./axe";
export * from "./browser";

export interface AppContext {
  baseUrl: string;
  organiserToken: string;
}

/** The app started by global-setup for this run. */
export function app(): AppContext {
  return { baseUrl: inject("baseUrl"), organiserToken: inject("organiserToken") };
}

/** A link from the API (absolute or a path) as an absolute URL on the running app. */
export function absolute(link: string): string {
  return new URL(link, app().baseUrl).toString();
}

let counter = 0;

/** Creates a workshop on the running app; the title is made unique unless given. */
export function newWorkshop(body: Partial<WorkshopRequest> = {}): Promise<CreatedWorkshop> {
  const { baseUrl, organiserToken } = app();
  counter++;
  return createWorkshop(baseUrl, organiserToken, { title: `E2E workshop ${counter} ${Date.now()}`, ...body });
}

/** Joins the workshop as a participant through the real join flow. */
export function join(joinCode: string, body: Partial<JoinRequest> = {}): Promise<Joined> {
  return joinAsParticipant(app().baseUrl, joinCode, { group: "community", ...body });
}

/** Connects a Node room client with any token (facilitator, participant, screen, evaluator). */
export function connect(token: string, options: Partial<ConnectOptions> = {}): Promise<RoomClient> {
  return connectRoom({ baseUrl: app().baseUrl, token, ...options });
}

/** A facilitator client plus a fresh workshop: the usual start of a room test. */
export async function workshopWithFacilitator(
  body: Partial<WorkshopRequest> = {},
): Promise<{ workshop: CreatedWorkshop; facilitator: RoomClient }> {
  const workshop = await newWorkshop(body);
  const facilitator = await connect(workshop.facilitatorToken);
  return { workshop, facilitator };
}

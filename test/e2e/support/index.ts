/**
 * Everything an e2e test needs: the running app (from global-setup via inject),
 * API calls, the Node room client, Chromium and axe.
 *
 *   import { app, createWorkshop, connectRoom, launchBrowser, runAxe } from "./support";
 *   const { baseUrl, organiserToken } = app();
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
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

import { collectPageErrors, launchBrowser } from "./browser";

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

/** A new page in `context` with its console errors collected, opened on `link` (an API link or a path). */
export async function pageOn(context: BrowserContext, link: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(absolute(link));
  return { page, errors };
}

/** A facilitator client plus a fresh workshop: the usual start of a room test. */
export async function workshopWithFacilitator(
  body: Partial<WorkshopRequest> = {},
): Promise<{ workshop: CreatedWorkshop; facilitator: RoomClient }> {
  const workshop = await newWorkshop(body);
  const facilitator = await connect(workshop.facilitatorToken);
  return { workshop, facilitator };
}

export interface BrowserSuite {
  /** The suite's browser, launched in `beforeAll` (before the file's own `beforeAll`). */
  readonly browser: Browser;
  /** Room clients to close after the suite. */
  clients: RoomClient[];
  /** A fresh workshop and its facilitator's client (closed after the suite). */
  workshop(body?: Partial<WorkshopRequest>): Promise<{ workshop: CreatedWorkshop; facilitator: RoomClient }>;
  /** Someone joined in `group` (and named, if given) with a room client closed after the suite. */
  person(workshop: CreatedWorkshop, group: string, name?: string): Promise<RoomClient>;
}

/**
 * Registers the suite's browser (launched before all its tests) and, after them, runs
 * `beforeClose`, then closes every room client and the browser. Call inside `describe`,
 * before the file's own hooks.
 */
export function useBrowser(beforeClose?: () => Promise<unknown>): BrowserSuite {
  let browser: Browser | undefined;
  const clients: RoomClient[] = [];
  const track = (client: RoomClient) => {
    clients.push(client);
    return client;
  };
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await beforeClose?.();
    await Promise.all(clients.map((c) => c.close()));
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error("the browser is launched in beforeAll");
      return browser;
    },
    clients,
    async workshop(body = {}) {
      const { workshop, facilitator } = await workshopWithFacilitator(body);
      return { workshop, facilitator: track(facilitator) };
    },
    async person(workshop, group, name) {
      const joined = await join(workshop.joinCode, name === undefined ? { group } : { group, name });
      return track(await connect(joined.token));
    },
  };
}

/** Helpers for the API tests: requests go through the Worker's own fetch (SELF). */
import { env, SELF } from "cloudflare:test";

export const ORIGIN = "https://coproduce.test";
export const ORGANISER = "test-organiser-secret-0123456789abcdef";

export interface CallOptions {
  method?: string;
  token?: string;
  body?: unknown;
  /** raw body text (sent as is) */
  raw?: string;
  ip?: string;
  headers?: Record<string, string>;
}

export function call(path: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("Authorization", `Bearer ${options.token}`);
  if (options.ip) headers.set("cf-connecting-ip", options.ip);
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers.set("Content-Type", "application/json");
  return SELF.fetch(`${ORIGIN}${path}`, { method: options.method ?? (body ? "POST" : "GET"), headers, body });
}

/** Calls and reads the JSON body. */
export async function json<T = Record<string, unknown>>(path: string, options: CallOptions = {}) {
  const res = await call(path, options);
  const body = (await res.json()) as T;
  return { status: res.status, body, res };
}

export interface CreatedWorkshop {
  id: string;
  joinCode: string;
  facilitatorToken: string;
  evaluatorToken: string;
  screenToken: string;
  links: { facilitator: string; participant: string; screen: string; evaluator: string };
}

export async function createWorkshop(body: Record<string, unknown> = {}): Promise<CreatedWorkshop> {
  const { status, body: created } = await json<CreatedWorkshop>("/api/workshops", {
    token: ORGANISER,
    body: { title: "Rethinking discharge from hospital", ...body },
  });
  if (status !== 201) throw new Error(`create workshop failed: ${status} ${JSON.stringify(created)}`);
  return created;
}

export interface Joined {
  workshopId: string;
  participantId: string;
  token: string;
  name: string;
  group: string;
}

let nextAddress = 1;
/** A fresh client address, so rate limits of one test do not leak into another. */
export function freshIp(): string {
  nextAddress += 1;
  return `198.51.${Math.floor(nextAddress / 250)}.${nextAddress % 250}`;
}

export async function joinWorkshop(joinCode: string, body: Record<string, unknown> = {}, ip = freshIp()) {
  const { status, body: joined } = await json<Joined>(`/api/join/${joinCode}`, {
    ip,
    body: { group: "community", consent: true, ...body },
  });
  if (status !== 201) throw new Error(`join failed: ${status} ${JSON.stringify(joined)}`);
  return joined;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export { env };

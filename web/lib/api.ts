/**
 * Typed calls to the Worker's HTTP API. Plain fetch plus valibot (hono/client would
 * pull the Worker's types and more code onto the phone path). Every response is
 * validated; every failure becomes an ApiError with the contract's {code, message}.
 */
import * as v from "valibot";
import { Id, ROLES, StakeholderGroup } from "../../party/model/commands";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** True when the request never reached the server (offline, DNS, connection reset). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

const ErrorBody = v.object({ error: v.object({ code: v.string(), message: v.string() }) });

export interface RequestOptions {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  token?: string | null;
  body?: unknown;
  signal?: AbortSignal;
}

/** Calls the API and validates the JSON answer against `schema`. */
export async function apiFetch<T>(
  path: string,
  schema: v.GenericSchema<unknown, T>,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? (options.body === undefined ? "GET" : "POST"),
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
      credentials: "omit",
    });
  } catch (error) {
    throw new ApiError(0, "network", error instanceof Error ? error.message : String(error));
  }
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    // A body that is not JSON: report by status below.
  }
  if (!response.ok) {
    const parsed = v.safeParse(ErrorBody, json);
    if (parsed.success) throw new ApiError(response.status, parsed.output.error.code, parsed.output.error.message);
    throw new ApiError(response.status, "http_error", `HTTP ${response.status}`);
  }
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) throw new ApiError(response.status, "bad_response", v.summarize(parsed.issues));
  return parsed.output;
}

// ---- the calls every role makes ----------------------------------------------------------

/** A response `{ "<key>": [items] }` read as the list itself (the API wraps every list in an object). */
export function listIn<S extends v.GenericSchema>(key: string, item: S) {
  return v.pipe(
    v.object({ [key]: v.array(item) }),
    v.transform((o) => o[key] ?? []),
  );
}

export const TicketResponse = v.object({
  ticket: v.pipe(v.string(), v.minLength(1)),
  workshopId: v.string(),
  role: v.picklist(ROLES),
});
export type TicketResponse = v.InferOutput<typeof TicketResponse>;

/**
 * A single-use, 60-second ticket for opening the room's WebSocket (long-lived
 * tokens never go in a URL). `workshopId` lets programme-wide evaluator tokens say
 * which workshop they want.
 */
export function postTicket(token: string, workshopId: string): Promise<TicketResponse> {
  return apiFetch("/api/tickets", TicketResponse, { method: "POST", token, body: { workshopId } });
}

// ---- joining (participants) -------------------------------------------------------------

export const JoinInfo = v.object({
  workshopId: Id,
  title: v.string(),
  purpose: v.optional(v.string(), ""),
  groups: v.array(StakeholderGroup),
  language: v.optional(v.nullable(v.string()), null),
  status: v.optional(v.string(), "live"),
  consentText: v.optional(v.nullable(v.string()), null),
  showNames: v.optional(v.boolean(), false),
  /** tables (#13): the workshop's tables; empty when it has none */
  tables: v.optional(v.array(v.object({ id: Id, label: v.string() })), []),
  /** everyone counts (#14): the organiser's consent, purpose and title by language: {ur: {consent, purpose, title}} */
  translations: v.optional(v.record(v.string(), v.record(v.string(), v.string())), {}),
});
export type JoinInfo = v.InferOutput<typeof JoinInfo>;

export function getJoinInfo(joinCode: string): Promise<JoinInfo> {
  return apiFetch(`/api/join/${encodeURIComponent(joinCode)}`, JoinInfo);
}

export const Joined = v.object({
  workshopId: Id,
  participantId: Id,
  token: v.pipe(v.string(), v.minLength(1)),
  name: v.optional(v.string(), ""),
  group: v.optional(v.string(), ""),
  /** perf (#17): the room's first single-use ticket (web/lib/room/ticket.ts) */
  ticket: v.optional(v.pipe(v.string(), v.minLength(1))),
});
export type Joined = v.InferOutput<typeof Joined>;

export interface JoinRequest {
  name?: string;
  group: string;
  consent: true;
  /** tables (#13) */
  table?: string;
}

export function joinWorkshop(joinCode: string, body: JoinRequest): Promise<Joined> {
  return apiFetch(`/api/join/${encodeURIComponent(joinCode)}`, Joined, { method: "POST", body });
}

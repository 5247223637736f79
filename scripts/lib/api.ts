/**
 * The HTTP contract (README "API", docs/architecture.md "The protocol") as the tooling calls it from Node:
 * tests, the demo loader, the fault suite and the benchmark all go through the real
 * API. Every answer is validated, and a failure says which call failed and why.
 */
import * as v from "valibot";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${body.slice(0, 500)}`);
    this.name = "HttpError";
  }
}

const Links = v.object({
  facilitator: v.string(),
  participant: v.string(),
  screen: v.string(),
  evaluator: v.string(),
});

export const CreatedWorkshop = v.object({
  id: v.string(),
  joinCode: v.string(),
  facilitatorToken: v.string(),
  evaluatorToken: v.string(),
  screenToken: v.string(),
  links: Links,
});
export type CreatedWorkshop = v.InferOutput<typeof CreatedWorkshop>;

export const Joined = v.object({ workshopId: v.string(), participantId: v.string(), token: v.string() });
export type Joined = v.InferOutput<typeof Joined>;

export const Ticket = v.object({ ticket: v.string(), workshopId: v.string(), role: v.string() });
export type Ticket = v.InferOutput<typeof Ticket>;

/** One row of GET /api/workshops; only what the tooling needs, the rest passes through. */
export const WorkshopSummary = v.looseObject({
  id: v.string(),
  title: v.string(),
  joinCode: v.optional(v.string()),
  status: v.optional(v.string()),
  programmeId: v.optional(v.nullable(v.string())),
});
export type WorkshopSummary = v.InferOutput<typeof WorkshopSummary>;
const WorkshopList = v.union([v.array(WorkshopSummary), v.looseObject({ workshops: v.array(WorkshopSummary) })]);

/** POST /api/workshops/:id/tokens and /api/programmes/:id/tokens: a fresh link for an existing workshop. */
export const MintedToken = v.object({ id: v.string(), token: v.string(), role: v.string(), link: v.string() });
export type MintedToken = v.InferOutput<typeof MintedToken>;

export const CreatedProgramme = v.object({
  id: v.string(),
  title: v.string(),
  evaluatorToken: v.string(),
  links: v.object({ evaluator: v.string() }),
});
export type CreatedProgramme = v.InferOutput<typeof CreatedProgramme>;

export async function request<T>(
  what: string,
  url: string,
  schema: v.GenericSchema<unknown, T>,
  init: { method?: string; token?: string; body?: unknown; expect?: number[] } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  const expected = init.expect ?? [200, 201];
  if (!expected.includes(res.status)) throw new HttpError(res.status, text, what);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HttpError(res.status, text, `${what} (answer is not JSON)`);
  }
  const parsed = v.safeParse(schema, json);
  if (!parsed.success)
    throw new Error(`${what}: unexpected answer ${text.slice(0, 300)}: ${v.summarize(parsed.issues)}`);
  return parsed.output;
}

export interface WorkshopRequest {
  title: string;
  purpose?: string;
  template?: string;
  stakeholderGroups?: { id: string; label: string }[];
  [extra: string]: unknown;
}

export function createWorkshop(
  baseUrl: string,
  organiserToken: string,
  body: WorkshopRequest,
): Promise<CreatedWorkshop> {
  return request("create workshop", `${baseUrl}/api/workshops`, CreatedWorkshop, {
    token: organiserToken,
    body,
    expect: [201],
  });
}

export interface JoinRequest {
  name?: string;
  group: string;
  consent?: true;
  /** tables (#13) */
  table?: string;
}

export function joinAsParticipant(baseUrl: string, joinCode: string, body: JoinRequest): Promise<Joined> {
  return request(`join ${joinCode}`, `${baseUrl}/api/join/${encodeURIComponent(joinCode)}`, Joined, {
    body: { consent: true, ...body },
    expect: [201],
  });
}

export function getTicket(baseUrl: string, token: string): Promise<Ticket> {
  return request("ticket", `${baseUrl}/api/tickets`, Ticket, { token, body: {} });
}

export async function listWorkshops(baseUrl: string, organiserToken: string): Promise<WorkshopSummary[]> {
  const list = await request("list workshops", `${baseUrl}/api/workshops`, WorkshopList, { token: organiserToken });
  return Array.isArray(list) ? list : list.workshops;
}

export type LinkRole = "facilitator" | "screen" | "evaluator" | "host" | "kiosk" | "interpreter" | "partner";

/** Mints another link for a workshop (organiser or facilitator token). */
export function mintToken(
  baseUrl: string,
  token: string,
  workshopId: string,
  role: LinkRole,
  label = "",
  /** a host link's table (tables), or a kiosk's, interpreter's or partner's own field */
  extra?: string | { table?: string; language?: string; organisation?: string },
): Promise<MintedToken> {
  const fields = typeof extra === "string" ? { table: extra } : (extra ?? {});
  return request(
    `mint ${role} link`,
    `${baseUrl}/api/workshops/${encodeURIComponent(workshopId)}/tokens`,
    MintedToken,
    {
      token,
      body: { role, label, ...fields },
      expect: [201],
    },
  );
}

export function createProgramme(baseUrl: string, organiserToken: string, title: string): Promise<CreatedProgramme> {
  return request("create programme", `${baseUrl}/api/programmes`, CreatedProgramme, {
    token: organiserToken,
    body: { title },
    expect: [201],
  });
}

/** Mints another programme-wide evaluator link. */
export function mintProgrammeEvaluator(
  baseUrl: string,
  organiserToken: string,
  programmeId: string,
): Promise<MintedToken> {
  return request(
    "mint programme evaluator link",
    `${baseUrl}/api/programmes/${encodeURIComponent(programmeId)}/tokens`,
    MintedToken,
    { token: organiserToken, body: { role: "evaluator", label: "Demo evaluator" }, expect: [201] },
  );
}

/**
 * The console's HTTP calls (organiser and evaluator), built on web/lib/api.ts.
 * Responses are validated loosely where the console only reads a few fields, so a
 * Worker that adds fields never breaks the page.
 */
import * as v from "valibot";
import { StakeholderGroup } from "../../../party/model/commands";
import { FollowThrough } from "../../../party/model/followup";
import { apiFetch, listIn } from "../../lib/api";

export const TemplateSummary = v.object({
  id: v.string(),
  title: v.string(),
  description: v.optional(v.string(), ""),
  purpose: v.optional(v.string(), ""),
  /** groups the template adds to the defaults (when the Worker lists them) */
  stakeholderGroups: v.optional(v.array(StakeholderGroup), []),
  /** session (#19): the template's agenda, previewed before creating */
  activities: v.optional(v.array(v.object({ kind: v.string(), title: v.string() })), []),
});
export type TemplateSummary = v.InferOutput<typeof TemplateSummary>;

const TemplateList = v.union([v.array(TemplateSummary), listIn("templates", TemplateSummary)]);

export function listTemplates(): Promise<TemplateSummary[]> {
  return apiFetch("/api/templates", TemplateList);
}

export const WorkshopSummary = v.object({
  id: v.string(),
  title: v.string(),
  status: v.optional(v.string(), "draft"),
  joinCode: v.optional(v.string(), ""),
  scheduledFor: v.optional(v.nullable(v.string()), null),
  createdAt: v.optional(v.number(), 0),
  programmeId: v.optional(v.nullable(v.string()), null),
});
export type WorkshopSummary = v.InferOutput<typeof WorkshopSummary>;

const WorkshopList = v.union([v.array(WorkshopSummary), listIn("workshops", WorkshopSummary)]);

export function listWorkshops(organiserToken: string): Promise<WorkshopSummary[]> {
  return apiFetch("/api/workshops", WorkshopList, { token: organiserToken });
}

export const Links = v.object({
  facilitator: v.string(),
  participant: v.string(),
  screen: v.string(),
  evaluator: v.string(),
});
export type Links = v.InferOutput<typeof Links>;

export const CreatedWorkshop = v.object({
  id: v.string(),
  joinCode: v.string(),
  links: Links,
});
export type CreatedWorkshop = v.InferOutput<typeof CreatedWorkshop>;

export interface NewWorkshop {
  title: string;
  purpose: string;
  template?: string;
  /** omitted: the defaults plus the template's own groups */
  stakeholderGroups?: StakeholderGroup[];
  consentText: string;
  showNames: boolean;
  language: string;
  scheduledFor?: string;
  retentionDays: number;
}

export function createWorkshop(organiserToken: string, body: NewWorkshop): Promise<CreatedWorkshop> {
  return apiFetch("/api/workshops", CreatedWorkshop, { method: "POST", token: organiserToken, body });
}

export function deleteWorkshop(token: string, workshopId: string): Promise<unknown> {
  return apiFetch(`/api/workshops/${encodeURIComponent(workshopId)}`, v.unknown(), { method: "DELETE", token });
}

export const MintedToken = v.object({
  token: v.optional(v.string()),
  link: v.string(),
  role: v.optional(v.string()),
});

/** A fresh facilitator / screen / evaluator link for a workshop (co-facilitators, a second projector). */
export function mintLink(token: string, workshopId: string, role: "facilitator" | "screen" | "evaluator") {
  return apiFetch(`/api/workshops/${encodeURIComponent(workshopId)}/tokens`, MintedToken, {
    method: "POST",
    token,
    body: { role },
  });
}

/** tables (#13): a host link for one table. */
export function mintHostLink(token: string, workshopId: string, table: string) {
  return apiFetch(`/api/workshops/${encodeURIComponent(workshopId)}/tokens`, MintedToken, {
    method: "POST",
    token,
    body: { role: "host", table },
  });
}

/** One workshop in the programme view: the figures an evaluator compares over time. */
export const ProgrammeWorkshop = v.object({
  ...WorkshopSummary.entries,
  attendance: v.optional(v.object({ joined: v.number(), byGroup: v.optional(v.record(v.string(), v.number()), {}) })),
  balanceOfVoice: v.optional(v.unknown()),
  feedback: v.optional(v.object({ respondents: v.number(), meanLikert: v.nullish(v.number(), null) })),
  priorities: v.optional(
    v.array(
      v.object({
        title: v.string(),
        voters: v.number(),
        top: v.array(v.object({ id: v.string(), label: v.string() })),
      }),
    ),
    [],
  ),
});
export type ProgrammeWorkshop = v.InferOutput<typeof ProgrammeWorkshop>;

export const Programme = v.object({
  id: v.string(),
  title: v.string(),
  // Co-delivery (#15): follow-through by origin group across the programme.
  followThrough: v.optional(FollowThrough),
  workshops: v.array(ProgrammeWorkshop),
});
export type Programme = v.InferOutput<typeof Programme>;

export function getProgramme(token: string, programmeId: string): Promise<Programme> {
  return apiFetch(`/api/programmes/${encodeURIComponent(programmeId)}`, Programme, { token });
}

export { StakeholderGroup };

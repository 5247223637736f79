/**
 * session (#19): the organise page's calls for links kept per workshop, "Make new links"
 * and programmes (worker/routes/links.ts, worker/routes/programme-workshops.ts).
 */
import * as v from "valibot";
import { apiFetch, listIn } from "../../../lib/api";

export const ShownLink = v.object({
  id: v.string(),
  role: v.string(),
  label: v.optional(v.string(), ""),
  table: v.optional(v.string()),
  language: v.optional(v.string()),
  link: v.nullable(v.string()),
});
export type ShownLink = v.InferOutput<typeof ShownLink>;

export const WorkshopLinksView = v.object({
  workshopId: v.string(),
  joinCode: v.string(),
  participant: v.string(),
  links: v.array(ShownLink),
  replaced: v.optional(v.array(v.string())),
});
export type WorkshopLinksView = v.InferOutput<typeof WorkshopLinksView>;

const enc = encodeURIComponent;

export function workshopLinks(token: string, workshopId: string): Promise<WorkshopLinksView> {
  return apiFetch(`/api/workshops/${enc(workshopId)}/links`, WorkshopLinksView, { token });
}

/** Replaces exactly these links (by token id); the server refuses a second request for the same ones. */
export function renewLinks(token: string, workshopId: string, replace: string[]): Promise<WorkshopLinksView> {
  return apiFetch(`/api/workshops/${enc(workshopId)}/links/renew`, WorkshopLinksView, {
    method: "POST",
    token,
    body: { replace },
  });
}

export const ProgrammeSummary = v.object({ id: v.string(), title: v.string() });
export type ProgrammeSummary = v.InferOutput<typeof ProgrammeSummary>;

export function listProgrammes(token: string): Promise<ProgrammeSummary[]> {
  return apiFetch("/api/programmes", listIn("programmes", ProgrammeSummary), { token });
}

export function createProgramme(token: string, title: string): Promise<ProgrammeSummary> {
  return apiFetch("/api/programmes", ProgrammeSummary, { method: "POST", token, body: { title } });
}

export function programmeLinks(token: string, programmeId: string): Promise<ShownLink[]> {
  return apiFetch(`/api/programmes/${enc(programmeId)}/links`, listIn("links", ShownLink), { token });
}

export function mintProgrammeEvaluatorLink(token: string, programmeId: string): Promise<unknown> {
  return apiFetch(`/api/programmes/${enc(programmeId)}/tokens`, v.unknown(), {
    method: "POST",
    token,
    body: { role: "evaluator", label: "Programme evaluator" },
  });
}

export function putInProgramme(token: string, programmeId: string, workshopId: string): Promise<unknown> {
  return apiFetch(`/api/programmes/${enc(programmeId)}/workshops/${enc(workshopId)}`, v.unknown(), {
    method: "PUT",
    token,
  });
}

export function takeOutOfProgramme(token: string, programmeId: string, workshopId: string): Promise<unknown> {
  return apiFetch(`/api/programmes/${enc(programmeId)}/workshops/${enc(workshopId)}`, v.unknown(), {
    method: "DELETE",
    token,
  });
}

/**
 * Activity configs for every suite (unit, worker, security, e2e, bench): the options,
 * lanes and card kinds tests keep writing, built from the words that differ between
 * them. They build what the console sends in `activity.add` (party/model/activity-config.ts
 * parses it). Ids are object keys, so they keep their order as long as none is a whole
 * number ("o1", "ramp", never "1").
 */

export interface Labelled {
  id: string;
  label: string;
}

export interface CardKind extends Labelled {
  color: string;
}

/** `{ o1: "Evening appointments", … }` → `[{ id: "o1", label: "Evening appointments" }, …]`, in order. */
export function labelled(labels: Record<string, string>): Labelled[] {
  return Object.entries(labels).map(([id, label]) => ({ id, label }));
}

/** `{ idea: ["Idea", "#1d5b94"] }` → `[{ id: "idea", label: "Idea", color: "#1d5b94" }]`. */
export function cardKinds(kinds: Record<string, readonly [label: string, color: string]>): CardKind[] {
  return Object.entries(kinds).map(([id, [label, color]]) => ({ id, label, color }));
}

/** A map's config: its lanes and card kinds, with anything else it sets (prompt, mode…). */
export function mapConfig(
  lanes: Record<string, string>,
  kinds: Record<string, readonly [label: string, color: string]>,
  rest: Record<string, unknown> = {},
) {
  return { ...rest, lanes: labelled(lanes), kinds: cardKinds(kinds) };
}

/** A vote's config: its method and options, with anything else it sets (dots, maxPerOption…). */
export function voteConfig(method: string, options: Record<string, string>, rest: Record<string, unknown> = {}) {
  return { method, options: labelled(options), ...rest };
}

/** A feedback form's items from `{ heard: ["likert", "I felt heard"] }`, in order. */
export function feedbackItems(items: Record<string, readonly [type: string, label: string]>) {
  return Object.entries(items).map(([id, [type, label]]) => ({ id, type, label }));
}

/** A feedback form's config from `{ id: [type, label] }`. */
export function feedbackConfig(items: Record<string, readonly [type: string, label: string]>) {
  return { items: feedbackItems(items) };
}

/** The three options most room tests vote on. */
export const THREE_OPTIONS = { o1: "Evening appointments", o2: "Interpreters", o3: "Transport" };

/** The one-lane "barrier" map the red-team and worker tests add. */
export const BARRIER_LANES = { day: "On the day" };
export const BARRIER_KINDS = { barrier: ["Barrier", "#cc3300"] } as const;

/** The one "idea" card kind most browser tests' maps have. */
export const IDEA_KIND = { idea: ["Idea", "#1d5b94"] } as const;

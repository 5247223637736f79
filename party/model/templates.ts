/**
 * Workshop templates: a ready agenda a facilitator starts from. Templates are
 * JSON files (seeds/templates/*.json) imported by the Worker and validated here
 * with every activity's config checked against its kind, so a broken template
 * fails when loaded, not in the middle of a workshop.
 */
import * as v from "valibot";
import { ActivitySpec, agendaProblem } from "./activity-config";
import { Id, LIMITS, StakeholderGroup, Title } from "./commands";
import { describeIssues } from "./refusal";

export const Template = v.pipe(
  v.strictObject({
    id: Id,
    title: Title,
    description: v.pipe(v.string(), v.maxLength(LIMITS.text)),
    purpose: v.pipe(v.string(), v.maxLength(LIMITS.text)),
    /** groups beyond the defaults this kind of workshop usually needs */
    stakeholderGroups: v.optional(v.pipe(v.array(StakeholderGroup), v.maxLength(20))),
    activities: v.pipe(v.array(ActivitySpec), v.minLength(1), v.maxLength(LIMITS.listItems)),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const problem = agendaProblem(dataset.value.activities);
    if (problem) addIssue({ message: problem });
  }),
);
export type Template = v.InferOutput<typeof Template>;

export class TemplateError extends Error {
  override name = "TemplateError";
}

/** Validates a template (already-parsed JSON); throws a TemplateError saying what is wrong and where. */
export function parseTemplate(json: unknown): Template {
  const parsed = v.safeParse(Template, json);
  if (parsed.success) return parsed.output;
  const id = typeof json === "object" && json !== null && "id" in json ? String(json.id) : "(no id)";
  throw new TemplateError(`Template ${id}: ${describeIssues(parsed.issues)}`);
}

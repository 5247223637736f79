/**
 * Activity configs: each kind's schema (CONFIG_SCHEMAS) plus the checks a schema
 * alone cannot express (unique ids, a vote that has somewhere to get options from).
 * Shared by apply (activity.add/update), room initialisation and templates.
 */
import * as v from "valibot";
import {
  type ActivityKind,
  ActivityKind as ActivityKindSchema,
  CONFIG_SCHEMAS,
  type FeedbackConfig,
  Id,
  type MapConfig,
  PlannedMinutes,
  Title,
  type VoteConfig,
} from "./commands";
import { describeIssues } from "./refusal";

export type InfoConfig = v.InferOutput<typeof CONFIG_SCHEMAS.info>;
export interface ConfigByKind {
  map: MapConfig;
  vote: VoteConfig;
  feedback: FeedbackConfig;
  info: InfoConfig;
}

export type ConfigResult<K extends ActivityKind> =
  | { ok: true; config: ConfigByKind[K] }
  | { ok: false; message: string };

function duplicate(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

/** Problems beyond the schema, or null when the config makes sense. */
function semanticProblem(kind: ActivityKind, config: ConfigByKind[ActivityKind]): string | null {
  if (kind === "map") {
    const map = config as MapConfig;
    const lane = duplicate(map.lanes.map((l) => l.id));
    if (lane) return `lanes: the id "${lane}" is used twice`;
    const cardKind = duplicate(map.kinds.map((k) => k.id));
    if (cardKind) return `kinds: the id "${cardKind}" is used twice`;
    if (map.mode === "community-first" && map.firstGroups.length === 0)
      return "firstGroups: a community-first map needs at least one group to go first";
  }
  if (kind === "vote") {
    const vote = config as VoteConfig;
    const option = duplicate(vote.options.map((o) => o.id));
    if (option) return `options: the id "${option}" is used twice`;
    if (vote.method === "dots" && vote.maxPerOption > vote.dots)
      return "maxPerOption: cannot be more than the number of dots";
  }
  if (kind === "feedback") {
    const item = duplicate((config as FeedbackConfig).items.map((i) => i.id));
    if (item) return `items: the id "${item}" is used twice`;
  }
  return null;
}

/** Validates an activity config for its kind and fills in defaults. */
export function parseActivityConfig<K extends ActivityKind>(kind: K, config: unknown): ConfigResult<K> {
  const parsed = v.safeParse(CONFIG_SCHEMAS[kind], config ?? {});
  if (!parsed.success) return { ok: false, message: `Invalid ${kind} config: ${describeIssues(parsed.issues)}` };
  const output = parsed.output as ConfigByKind[K];
  const problem = semanticProblem(kind, output);
  if (problem) return { ok: false, message: `Invalid ${kind} config: ${problem}` };
  return { ok: true, config: output };
}

/**
 * An activity as written in a template or a room's initial agenda. `key` lets a
 * vote name the map it draws options from (`fromActivity.activityId: "<key>"`)
 * before real ids exist; the room swaps keys for ids when it creates the activities.
 */
export const ActivitySpec = v.pipe(
  v.strictObject({
    key: v.optional(Id),
    kind: ActivityKindSchema,
    title: Title,
    config: v.unknown(),
    plannedMinutes: v.optional(PlannedMinutes),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const result = parseActivityConfig(dataset.value.kind, dataset.value.config);
    if (!result.ok) addIssue({ message: result.message, path: undefined });
  }),
);
export type ActivitySpec = v.InferOutput<typeof ActivitySpec>;

/** Agenda-level checks: keys are unique and every `fromActivity` names an earlier map by key. */
export function agendaProblem(specs: readonly ActivitySpec[]): string | null {
  const keys = specs.flatMap((s) => (s.key ? [s.key] : []));
  const dup = duplicate(keys);
  if (dup) return `activities: the key "${dup}" is used twice`;
  const mapsSoFar = new Set<string>();
  for (const spec of specs) {
    if (spec.kind === "vote") {
      const from = (spec.config as { fromActivity?: { activityId?: unknown } } | null)?.fromActivity?.activityId;
      if (typeof from === "string" && !mapsSoFar.has(from))
        return `activities: the vote "${spec.title}" draws options from "${from}", which is not an earlier map`;
    }
    if (spec.kind === "map" && spec.key) mapsSoFar.add(spec.key);
  }
  return null;
}

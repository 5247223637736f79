/**
 * Reading a vote's tally (party/model/tally.ts) out of the doc or a report: a
 * valibot schema for the fields the console shows, and rows for the charts with
 * option labels resolved from the activity's config.
 */
import * as v from "valibot";
import type { TallyReading } from "../../../party/model/tally";
import type { BarRow, MatrixPoint } from "./charts/types";

const Totals = v.record(v.string(), v.number());
const Means = v.record(v.string(), v.object({ impact: v.number(), effort: v.number(), n: v.optional(v.number(), 0) }));
const GroupTally = v.object({
  voters: v.number(),
  totals: Totals,
  means: v.optional(Means),
  mergedFrom: v.optional(v.array(v.string())),
});
const OptionAgreement = v.object({
  support: v.record(v.string(), v.number()),
  score: v.nullable(v.number()),
  floor: v.nullable(v.number()),
  spread: v.nullable(v.number()),
});
const CrossGroup = v.object({
  groups: v.array(v.string()),
  options: v.record(v.string(), OptionAgreement),
  shared: v.array(v.string()),
  divided: v.array(v.object({ optionId: v.string(), high: v.string(), low: v.string(), spread: v.number() })),
});
const Origin = v.object({
  cards: v.number(),
  byGroup: Totals,
  byTable: v.optional(Totals),
});

/** everyone counts: voters or respondents by where their ballot or form came from */
export const SourcesSchema = v.object({ phone: v.number(), paper: v.number(), kiosk: v.number() });
export type SourcesView = v.InferOutput<typeof SourcesSchema>;

/** Typed against the model's TallyReading: the schema cannot drift from what tally() writes. */
export const TallySchema: v.GenericSchema<unknown, TallyReading> = v.object({
  method: v.picklist(["dots", "budget", "rank", "approve", "matrix"]),
  voters: v.number(),
  totals: Totals,
  ranking: v.optional(v.array(v.string()), []),
  weighting: v.optional(v.picklist(["people", "groups"]), "people"),
  equalWeight: v.optional(v.object({ totals: Totals, means: v.optional(Means), ranking: v.array(v.string()) })),
  crossGroup: v.optional(CrossGroup),
  origins: v.optional(v.record(v.string(), Origin), {}),
  byGroup: v.optional(v.record(v.string(), GroupTally), {}),
  mergedGroups: v.optional(v.array(v.string()), []),
  suppressed: v.optional(v.number(), 0),
  agreement: v.optional(
    v.object({
      pairs: v.optional(v.array(v.object({ a: v.string(), b: v.string(), rho: v.nullable(v.number()) })), []),
      mean: v.nullable(v.number()),
    }),
  ),
  singleGroupOptions: v.optional(v.array(v.object({ optionId: v.string(), group: v.string(), share: v.number() })), []),
  communityOriginTop: v.optional(v.object({ n: v.number(), count: v.number(), optionIds: v.array(v.string()) })),
  means: v.optional(Means),
  /** everyone counts: voters by where their ballot came from */
  sources: v.optional(SourcesSchema),
});
export type TallyView = TallyReading;

export function readTally(raw: unknown): TallyView | null {
  const parsed = v.safeParse(TallySchema, raw);
  return parsed.success ? parsed.output : null;
}

const OptionList = v.array(v.object({ id: v.string(), label: v.string() }));

/** Option id → label from a vote config; unknown ids fall back to themselves. */
export function optionLabels(config: unknown): Map<string, string> {
  const raw = (config as { options?: unknown } | null)?.options;
  const parsed = v.safeParse(OptionList, raw ?? []);
  return new Map(parsed.success ? parsed.output.map((o) => [o.id, o.label]) : []);
}

/** Rows best first, following the tally's ranking, then any other option. */
export function barRows(
  totals: Record<string, number>,
  ranking: readonly string[],
  labels: Map<string, string>,
): BarRow[] {
  const order = [...ranking, ...Object.keys(totals).filter((id) => !ranking.includes(id))];
  return order.filter((id) => id in totals).map((id) => ({ id, label: labels.get(id) ?? id, value: totals[id] ?? 0 }));
}

export function matrixPoints(
  means: Record<string, { impact: number; effort: number; n?: number }> | undefined,
  ranking: readonly string[],
  labels: Map<string, string>,
): MatrixPoint[] {
  if (!means) return [];
  const order = [...ranking, ...Object.keys(means).filter((id) => !ranking.includes(id))];
  return order.flatMap((id) => {
    const m = means[id];
    return m && (m.n ?? 1) > 0 ? [{ id, label: labels.get(id) ?? id, impact: m.impact, effort: m.effort }] : [];
  });
}

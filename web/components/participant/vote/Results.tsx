/**
 * Revealed results: a bar chart drawn as SVG (described for screen readers) and the
 * same numbers as a table, which is the accessible alternative and the precise one.
 */
import { type Component, createMemo, For, Show } from "solid-js";
import * as v from "valibot";
import type { StakeholderGroup, VoteConfig } from "../../../../party/model/commands";
import type { Tally } from "../../../../party/model/tally";
import { language, t, tn } from "../../../lib/i18n";
import { GroupResults } from "./GroupResults";
import { optionText } from "./options";

const Mean = v.object({ impact: v.number(), effort: v.number() });
const Numbers = v.record(v.string(), v.number());
/** The tally (party/model/tally.ts) as far as the phone shows it; the by-group parts only after the reveal. */
const ResultSchema = v.looseObject({
  method: v.string(),
  voters: v.number(),
  totals: Numbers,
  ranking: v.optional(v.array(v.string())),
  means: v.optional(v.record(v.string(), Mean)),
  weighting: v.optional(v.string()),
  equalWeight: v.optional(v.looseObject({ totals: Numbers })),
  byGroup: v.optional(v.record(v.string(), v.looseObject({ mergedFrom: v.optional(v.array(v.string())) }))),
  crossGroup: v.optional(
    v.looseObject({
      groups: v.array(v.string()),
      options: v.record(v.string(), v.looseObject({ support: Numbers })),
      shared: v.array(v.string()),
      divided: v.array(v.looseObject({ optionId: v.string(), high: v.string(), low: v.string() })),
    }),
  ),
  origins: v.optional(v.record(v.string(), v.looseObject({ byGroup: Numbers }))),
  communityOriginTop: v.optional(v.looseObject({ n: v.number(), count: v.number() })),
});
export type PhoneResult = v.InferOutput<typeof ResultSchema>;

interface Row {
  id: string;
  label: string;
  value: number;
  impact?: number;
  effort?: number;
}

const BAR_HEIGHT = 28;
const GAP = 10;
const WIDTH = 320;

interface Props {
  /** the tally as the doc holds it (party/model/tally.ts) */
  result: Tally;
  config: VoteConfig;
  /** results by group are for the moment of the reveal, never live before it */
  revealed: boolean;
  groups: readonly StakeholderGroup[] | undefined;
}

export const Results: Component<Props> = (props) => {
  const parsed = createMemo(() => {
    const r = v.safeParse(ResultSchema, props.result);
    return r.success ? r.output : null;
  });
  const matrix = () => props.config.method === "matrix";
  const labelsOf = createMemo(() => new Map(props.config.options.map((o) => [o.id, optionText(o)])));
  const rows = createMemo((): Row[] => {
    const r = parsed();
    if (!r) return [];
    const labels = labelsOf();
    const order = r.ranking ?? props.config.options.map((o) => o.id);
    return order
      .filter((id) => labels.has(id))
      .map((id) => {
        const mean = r.means?.[id];
        return {
          id,
          label: labels.get(id) ?? id,
          value: matrix() ? (mean?.impact ?? 0) : (r.totals[id] ?? 0),
          ...(mean ? { impact: mean.impact, effort: mean.effort } : {}),
        };
      });
  });
  const max = () => (matrix() ? 5 : Math.max(1, ...rows().map((r) => r.value)));
  const round = (n: number) =>
    n.toLocaleString(language(), Number.isInteger(n) ? {} : { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  return (
    <Show when={parsed()}>
      {(r) => (
        <section class="results stack" aria-labelledby="results-heading">
          <h2 id="results-heading">{t("vote.resultsHeading")}</h2>
          <p class="muted">{tn("vote.voters", r().voters)}</p>
          <svg
            class="chart"
            role="img"
            aria-labelledby="results-chart-title"
            viewBox={`0 0 ${WIDTH} ${rows().length * (BAR_HEIGHT * 2 + GAP)}`}
            width="100%"
          >
            <title id="results-chart-title">
              {t("vote.resultsChart")}:{" "}
              {rows()
                .map((row) => `${row.label} ${round(row.value)}`)
                .join(", ")}
            </title>
            <For each={rows()}>
              {(row, i) => {
                const y = () => i() * (BAR_HEIGHT * 2 + GAP);
                return (
                  <g>
                    <text x="0" y={y() + 18} class="chart-label">
                      {row.label}
                    </text>
                    <rect
                      x="0"
                      y={y() + BAR_HEIGHT}
                      height={BAR_HEIGHT - 6}
                      width={Math.max(2, (row.value / max()) * (WIDTH - 60))}
                      class="chart-bar"
                    />
                    <text
                      x={Math.max(2, (row.value / max()) * (WIDTH - 60)) + 6}
                      y={y() + BAR_HEIGHT + 16}
                      class="chart-value"
                    >
                      {round(row.value)}
                    </text>
                  </g>
                );
              }}
            </For>
          </svg>
          <table class="results-table">
            <caption>{t("vote.resultsTable")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("vote.option")}</th>
                <Show
                  when={matrix()}
                  fallback={
                    <>
                      <th scope="col">{t("vote.total")}</th>
                      <Show when={props.revealed && r().equalWeight}>
                        <th scope="col">{t("vote.equalWeight")}</th>
                      </Show>
                    </>
                  }
                >
                  <th scope="col">{t("vote.meanImpact")}</th>
                  <th scope="col">{t("vote.meanEffort")}</th>
                </Show>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(row) => (
                  <tr>
                    <th scope="row" dir="auto">
                      {row.label}
                    </th>
                    <Show
                      when={matrix()}
                      fallback={
                        <>
                          <td>{round(row.value)}</td>
                          <Show when={props.revealed && r().equalWeight}>
                            {(ew) => <td>{round(ew().totals[row.id] ?? 0)}</td>}
                          </Show>
                        </>
                      }
                    >
                      <td>{round(row.impact ?? 0)}</td>
                      <td>{round(row.effort ?? 0)}</td>
                    </Show>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <Show when={props.revealed && r().equalWeight && !matrix()}>
            <p class="muted">{r().weighting === "groups" ? t("vote.decidesGroups") : t("vote.decidesPeople")}</p>
          </Show>
          <Show when={props.revealed}>
            <GroupResults result={r()} labels={labelsOf()} order={rows().map((row) => row.id)} groups={props.groups} />
          </Show>
        </section>
      )}
    </Show>
  );
};

/**
 * A vote's revealed results: overall as a bar chart (or the impact × effort
 * matrix), optionally by stakeholder group with the cross-group agreement, and
 * the anonymity note when small groups were merged.
 */
import { type Component, For, Show } from "solid-js";
import type { StakeholderGroup } from "../../../party/model/commands";
import { amountFormat, countsMoney } from "../../lib/format";
import { BarChart } from "./charts/BarChart";
import { MatrixChart } from "./charts/MatrixChart";
import { shownGroupLabel } from "./groups";
import { consoleLanguage, t, tn } from "./i18n";
import { ResultsByGroup } from "./ResultsByGroup";
import { barRows, matrixPoints, optionLabels, type TallyView } from "./results";
import { SourcesLine } from "./Sources";

interface Props {
  title: string;
  tally: TallyView;
  config: unknown;
  /** the workshop's currency (ISO 4217), for budgets counted in money */
  currency?: string | undefined;
  groups: readonly StakeholderGroup[];
  byGroup?: boolean;
  /** projector: the by-group summary without a chart per group */
  groupCharts?: boolean;
  large?: boolean;
  showTable?: boolean;
}

export const ResultsView: Component<Props> = (props) => {
  const labels = () => optionLabels(props.config);
  const matrixLabels = () => ({
    impact: t("chart.impact"),
    effort: t("chart.effort"),
    option: t("chart.option"),
    quickWins: t("chart.quickWins"),
    bigBets: t("chart.bigBets"),
    fillIns: t("chart.fillIns"),
    avoid: t("chart.avoid"),
  });
  const chart = (title: string, totals: Record<string, number>, means: TallyView["means"]) =>
    props.tally.method === "matrix" ? (
      <MatrixChart
        title={title}
        points={matrixPoints(means, props.tally.ranking, labels())}
        labels={matrixLabels()}
        large={props.large}
        showTable={props.showTable}
      />
    ) : (
      <BarChart
        title={title}
        rows={barRows(totals, props.tally.ranking, labels())}
        labelHeading={t("chart.option")}
        valueHeading={t(`chart.value.${props.tally.method}` as "chart.value.dots")}
        large={props.large}
        showTable={props.showTable}
        format={amount()}
      />
    );
  const agreement = () => props.tally.agreement?.mean;
  /** Budget votes counted in money show in the workshop's currency; everything else as a plain number. */
  const amount = () =>
    props.tally.method === "budget" && countsMoney(props.config)
      ? amountFormat(consoleLanguage(), { money: true, currency: props.currency })
      : undefined;
  return (
    <div class="results" data-testid="results">
      <p class="results__voters">{tn("results.voters", props.tally.voters)}</p>
      <SourcesLine sources={props.tally.sources} />
      {chart(props.title, props.tally.totals, props.tally.means)}
      <Show when={props.byGroup}>
        <ResultsByGroup tally={props.tally} labels={labels()} groups={props.groups} format={amount()} />
        <Show when={agreement() !== undefined && agreement() !== null}>
          <p class="results__agreement">
            {t("results.agreement", { value: (agreement() ?? 0).toFixed(2) })}{" "}
            <span class="hint">{t("results.agreementHint")}</span>
          </p>
        </Show>
        <Show when={props.groupCharts !== false}>
          <div class="results__groups">
            <For each={Object.entries(props.tally.byGroup)}>
              {([group, g]) =>
                chart(
                  t("results.groupTitle", {
                    group: shownGroupLabel(props.groups, group, g.mergedFrom),
                    voters: g.voters,
                  }),
                  g.totals,
                  g.means,
                )
              }
            </For>
          </div>
        </Show>
        <Show when={props.tally.suppressed > 0}>
          <p class="hint">{tn("results.suppressed", props.tally.suppressed)}</p>
        </Show>
      </Show>
    </div>
  );
};

/**
 * Voice made visible in a vote's results (party/model/cross-group.ts): the
 * priorities every group shares, where the groups differ most, how much of the
 * top came from community members' cards, both ways of counting side by side, and
 * each shown group's support for each option with the agreement score and where
 * the option came from. Console, projector (after the reveal) and report.
 */
import { type Component, For, Show } from "solid-js";
import type { StakeholderGroup } from "../../../party/model/commands";
import { dividedWords } from "../../../party/model/cross-group";
import { groupBadge, shownGroupLabel } from "./groups";
import { t } from "./i18n";
import type { TallyView } from "./results";

interface Props {
  tally: TallyView;
  labels: Map<string, string>;
  groups: readonly StakeholderGroup[];
  format?: (n: number) => string;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

export const ResultsByGroup: Component<Props> = (props) => {
  const label = (id: string) => props.labels.get(id) ?? id;
  const group = (id: string) => shownGroupLabel(props.groups, id, props.tally.byGroup[id]?.mergedFrom);
  const cross = () => props.tally.crossGroup;
  const order = () => props.tally.ranking.filter((id) => props.labels.size === 0 || props.labels.has(id));
  const number = (n: number) => (props.format ? props.format(n) : String(Math.round(n * 10) / 10));
  const origin = (id: string) => {
    const o = props.tally.origins[id];
    if (!o) return t("results.originNone");
    return Object.entries(o.byGroup)
      .map(([g, n]) => `${groupBadge(props.groups, g)} ${n}`)
      .join(", ");
  };
  const community = () => props.tally.communityOriginTop;
  return (
    <div class="results-voice" data-testid="results-by-group">
      <Show when={cross() && cross()!.groups.length >= 2}>
        <section class="results-voice__cues">
          <h3>{t("results.sharedHeading")}</h3>
          <Show when={cross()!.shared.length > 0} fallback={<p data-testid="shared-none">{t("results.sharedNone")}</p>}>
            <ol data-testid="shared">
              <For each={cross()!.shared}>{(id) => <li dir="auto">{label(id)}</li>}</For>
            </ol>
          </Show>
          <h3>{t("results.dividedHeading")}</h3>
          <Show when={cross()!.divided.length > 0} fallback={<p>{t("results.dividedNone")}</p>}>
            <ul data-testid="divided">
              <For each={cross()!.divided}>
                {(d) => <li dir="auto">{t("results.dividedItem", dividedWords(cross()!, d, label, group))}</li>}
              </For>
            </ul>
          </Show>
        </section>
      </Show>
      <Show when={(community()?.n ?? 0) > 0 && Object.keys(props.tally.origins).length > 0}>
        <p class="results-voice__origin" data-testid="community-top">
          {t("results.communityTop", { count: community()?.count ?? 0, n: community()?.n ?? 0 })}
        </p>
      </Show>
      <section class="table-scroll" tabindex={0} aria-label={t("results.supportCaption")}>
        <table class="data-table results-voice__table">
          <caption>
            {t("results.countingCaption", {
              rule: props.tally.weighting === "groups" ? t("results.rule.groups") : t("results.rule.people"),
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("chart.option")}</th>
              <th scope="col" data-decides={props.tally.weighting === "people" ? "" : undefined}>
                {t("results.byPeople")}
              </th>
              <th scope="col" data-decides={props.tally.weighting === "groups" ? "" : undefined}>
                {t("results.byGroups")}
              </th>
              <For each={cross()?.groups ?? []}>{(g) => <th scope="col">{group(g)}</th>}</For>
              <Show when={cross() && cross()!.groups.length >= 2}>
                <th scope="col">{t("results.agreementScore")}</th>
              </Show>
              <th scope="col">{t("results.origin")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={order()}>
              {(id) => (
                <tr data-option={id}>
                  <th scope="row" dir="auto">
                    {label(id)}
                  </th>
                  <td data-cell="people">{number(props.tally.totals[id] ?? 0)}</td>
                  <td data-cell="groups">{number(props.tally.equalWeight?.totals[id] ?? 0)}</td>
                  <For each={cross()?.groups ?? []}>
                    {(g) => <td data-cell={`support-${g}`}>{pct(cross()?.options[id]?.support[g] ?? 0)}</td>}
                  </For>
                  <Show when={cross() && cross()!.groups.length >= 2}>
                    <td data-cell="agreement">{(cross()?.options[id]?.score ?? 0).toFixed(2)}</td>
                  </Show>
                  <td data-cell="origin">{origin(id)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </section>
      <p class="hint">{t("results.supportCaption")}</p>
    </div>
  );
};

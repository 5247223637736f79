/**
 * After the reveal, the phone shows whose priorities these are (party/model/cross-group.ts):
 * what every group shares, where groups differ most, how many top priorities came
 * from community members' cards, and each group's support as a plain table. Kept
 * small: text and one table, no charts.
 */
import { type Component, For, Show } from "solid-js";
import type { StakeholderGroup } from "../../../../party/model/commands";
import { dividedWords } from "../../../../party/model/cross-group";
import { groupLabel } from "../../../lib/groups";
import { t } from "../../../lib/i18n";
import type { PhoneResult } from "./Results";

interface Props {
  result: PhoneResult;
  labels: Map<string, string>;
  order: string[];
  groups: readonly StakeholderGroup[] | undefined;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

export const GroupResults: Component<Props> = (props) => {
  const cross = () => props.result.crossGroup;
  const label = (id: string) => props.labels.get(id) ?? id;
  const short = (id: string) => groupLabel(id, props.groups).split(/[\s/,(]+/)[0] ?? id;
  const group = (id: string) => {
    const merged = props.result.byGroup?.[id]?.mergedFrom;
    return merged?.length
      ? t("vote.mergedGroups", { groups: merged.map(short).join(" + ") })
      : groupLabel(id, props.groups);
  };
  const origin = (id: string) =>
    Object.entries(props.result.origins?.[id]?.byGroup ?? {})
      .map(([g, n]) => `${short(g)} ${n}`)
      .join(", ");
  const hasOrigins = () => Object.keys(props.result.origins ?? {}).length > 0;
  return (
    <Show when={cross() && cross()!.groups.length >= 2}>
      {(_) => (
        <section class="stack group-results" aria-labelledby="group-results-heading" data-testid="group-results">
          <h2 id="group-results-heading">{t("vote.byGroupHeading")}</h2>
          <h3>{t("vote.sharedHeading")}</h3>
          <Show when={cross()!.shared.length > 0} fallback={<p class="muted">{t("vote.sharedNone")}</p>}>
            <ol data-testid="shared">
              <For each={cross()!.shared}>{(id) => <li dir="auto">{label(id)}</li>}</For>
            </ol>
          </Show>
          <Show when={cross()!.divided.length > 0}>
            <h3>{t("vote.dividedHeading")}</h3>
            <ul>
              <For each={cross()!.divided}>
                {(d) => <li dir="auto">{t("vote.dividedItem", dividedWords(cross()!, d, label, group))}</li>}
              </For>
            </ul>
          </Show>
          <Show when={hasOrigins() && props.result.communityOriginTop}>
            {(top) => <p>{t("vote.communityTop", { count: top().count, n: top().n })}</p>}
          </Show>
          <section class="table-scroll" tabindex={0} aria-label={t("vote.supportCaption")}>
            <table class="results-table">
              <caption>{t("vote.supportCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("vote.option")}</th>
                  <For each={cross()!.groups}>{(g) => <th scope="col">{group(g)}</th>}</For>
                  <Show when={hasOrigins()}>
                    <th scope="col">{t("vote.origin")}</th>
                  </Show>
                </tr>
              </thead>
              <tbody>
                <For each={props.order}>
                  {(id) => (
                    <tr>
                      <th scope="row" dir="auto">
                        {label(id)}
                      </th>
                      <For each={cross()!.groups}>{(g) => <td>{pct(cross()!.options[id]?.support[g] ?? 0)}</td>}</For>
                      <Show when={hasOrigins()}>
                        <td>{origin(id)}</td>
                      </Show>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </section>
        </section>
      )}
    </Show>
  );
};

/**
 * Follow-through by origin (#15): per stakeholder group that raised top priorities, how
 * many got a commitment and how many were done, so a network can see whether community
 * priorities are acted on as often as professionals'. A table, with counts and shares.
 */
import { type Component, For, Show } from "solid-js";
import type { StakeholderGroup } from "../../../../party/model/commands";
import type { FollowThrough, FollowThroughCounts } from "../../../../party/model/followup";
import { groupLabel } from "../groups";
import { t } from "../i18n";
import { Table } from "../Table";

const share = (n: number, of: number) => (of === 0 ? "" : ` (${Math.round((n / of) * 100)}%)`);

const Row: Component<{ label: string; counts: FollowThroughCounts; testId: string }> = (props) => (
  <tr data-testid={props.testId}>
    <th scope="row">{props.label}</th>
    <td>{props.counts.raised}</td>
    <td>
      {props.counts.committed}
      {share(props.counts.committed, props.counts.raised)}
    </td>
    <td>
      {props.counts.done}
      {share(props.counts.done, props.counts.raised)}
    </td>
  </tr>
);

export const FollowThroughTable: Component<{ followThrough: FollowThrough; groups: readonly StakeholderGroup[] }> = (
  props,
) => (
  <section class="stack" aria-labelledby="follow-through-title" data-testid="follow-through">
    <h2 id="follow-through-title">{t("followThrough.title")}</h2>
    <p class="hint">{t("followThrough.intro", { topN: props.followThrough.topN })}</p>
    <Show when={props.followThrough.total.raised > 0} fallback={<p>{t("followThrough.none")}</p>}>
      <Table
        captionHidden
        caption={t("followThrough.title")}
        headings={[
          t("followThrough.group"),
          t("followThrough.raised"),
          t("followThrough.committed"),
          t("followThrough.done"),
        ]}
      >
        <For each={Object.entries(props.followThrough.byGroup)}>
          {([group, counts]) => <Row label={groupLabel(props.groups, group)} counts={counts} testId={`ft-${group}`} />}
        </For>
        <Show when={props.followThrough.unattributed.raised > 0}>
          <Row
            label={t("followThrough.unattributed")}
            counts={props.followThrough.unattributed}
            testId="ft-unattributed"
          />
        </Show>
        <Row label={t("followThrough.total")} counts={props.followThrough.total} testId="ft-total" />
      </Table>
    </Show>
  </section>
);

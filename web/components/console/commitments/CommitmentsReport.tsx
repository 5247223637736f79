/** The report's co-delivery section (#15): commitments with status and history, and follow-through by origin. */
import { type Component, For, Show } from "solid-js";
import { t } from "../i18n";
import type { Report } from "../report/schema";
import { FollowThroughTable } from "./FollowThroughTable";
import { History } from "./History";
import { statusLabel } from "./labels";

export const CommitmentsReport: Component<{ report: Report }> = (props) => (
  <section class="stack" aria-labelledby="r-commitments" data-testid="report-commitments">
    <h2 id="r-commitments">{t("commitments.reportTitle")}</h2>
    <Show when={props.report.commitments.length > 0} fallback={<p>{t("commitments.empty")}</p>}>
      <ul class="commitment-list">
        <For each={props.report.commitments}>
          {(c) => (
            <li class="commitment">
              <h3 dir="auto">{c.title}</h3>
              <p class="commitment__meta">
                <span>{t("commitments.owner", { organisation: c.owner.organisation })}</span>
                <span class="commitment__status">{statusLabel(c.status)}</span>
                <span>{t("commitments.progress", { progress: c.progress })}</span>
                <Show when={c.due}>{(due) => <span>{t("commitments.due", { date: due() })}</span>}</Show>
                <Show when={c.overdue}>
                  <strong class="commitment__overdue">{t("commitments.overdue")}</strong>
                </Show>
              </p>
              <History history={c.history} />
            </li>
          )}
        </For>
      </ul>
    </Show>
    <Show when={props.report.followThrough}>
      {(ft) => <FollowThroughTable followThrough={ft()} groups={props.report.workshop.groups} />}
    </Show>
  </section>
);

/** The organiser's reminders (#15): commitments past their due date, neither done nor dropped. */
import { type Component, For, Show } from "solid-js";
import type { CommitmentStatus } from "../../../../party/model/followup";
import { createResource } from "../../../lib/async";
import { t } from "../i18n";
import { listOverdue } from "./api";
import { statusLabel } from "./labels";

export const OverdueList: Component<{ organiserToken: string }> = (props) => {
  const [overdue] = createResource(() => props.organiserToken, listOverdue);
  // Reading a failed resource throws. A refused secret is reported by the workshop list beside this.
  const list = () => (overdue.error ? [] : (overdue() ?? []));
  return (
    <Show when={!overdue.error}>
      <section class="stack overdue" aria-labelledby="overdue-title" data-testid="overdue">
        <h2 id="overdue-title">{t("overdue.title")}</h2>
        <Show when={list().length > 0} fallback={<p>{overdue.loading ? t("common.loading") : t("overdue.none")}</p>}>
          <ul>
            <For each={list()}>
              {(c) => (
                <li>
                  {t("overdue.item", {
                    title: c.title,
                    organisation: c.organisation,
                    due: c.due,
                    status: statusLabel(c.status as CommitmentStatus),
                    progress: c.progress,
                    workshop: c.workshopTitle,
                  })}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </Show>
  );
};

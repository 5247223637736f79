/** One commitment as the console shows it: owner, status, what it answers (with origin groups), history. */
import { type Component, For, Show } from "solid-js";
import type { StakeholderGroup } from "../../../../party/model/commands";
import { DEFAULT_GROUPS } from "../../../../party/model/default-groups";
import type { CommitmentView } from "../../../../party/model/followup";
import { groupLabel } from "../groups";
import { t } from "../i18n";
import { History } from "./History";
import { statusLabel } from "./labels";
import { UpdateForm } from "./UpdateForm";

interface Props {
  token: string;
  commitment: CommitmentView;
  onSaved: () => void;
  groups?: readonly StakeholderGroup[] | undefined;
}

export const CommitmentItem: Component<Props> = (props) => {
  const groups = (ids: string[]) => ids.map((id) => groupLabel(props.groups ?? DEFAULT_GROUPS, id)).join(", ");
  const c = () => props.commitment;
  return (
    <li class="commitment" data-testid="commitment" data-status={c().status}>
      <h4 dir="auto">{c().title}</h4>
      <p class="commitment__meta">
        <span>{t("commitments.owner", { organisation: c().owner.organisation })}</span>
        <span class="commitment__status">{statusLabel(c().status)}</span>
        <span>{t("commitments.progress", { progress: c().progress })}</span>
        <Show when={c().due}>{(due) => <span>{t("commitments.due", { date: due() })}</span>}</Show>
        <Show when={c().overdue}>
          <strong class="commitment__overdue">{t("commitments.overdue")}</strong>
        </Show>
      </p>
      <Show when={c().description}>
        <p dir="auto">{c().description}</p>
      </Show>
      <Show when={c().from.length > 0}>
        <p>
          {t("commitments.answers")}:{" "}
          <For each={c().from}>
            {(s, i) => (
              <>
                {i() > 0 ? "; " : ""}
                <span dir="auto">{s.label ?? "—"}</span>
                <Show when={s.originGroups.length > 0}>
                  {" "}
                  ({t("commitments.raisedBy", { groups: groups(s.originGroups) })})
                </Show>
              </>
            )}
          </For>
        </p>
      </Show>
      <details>
        <summary>{t("commitments.history")}</summary>
        <History history={c().history} showProgress />
      </details>
      <details>
        <summary>{t("commitments.update")}</summary>
        <UpdateForm token={props.token} commitment={c()} onSaved={props.onSaved} />
      </details>
    </li>
  );
};

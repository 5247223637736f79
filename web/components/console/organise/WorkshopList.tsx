/**
 * The organiser's workshops, newest first, with fresh links on request (the
 * originals are never stored) and deletion after a confirmation.
 */
import { type Component, createSignal, For, type Resource, Show } from "solid-js";
import { ApiError } from "../../../lib/api";
import { deleteWorkshop, mintLink, type WorkshopSummary } from "../api";
import { CopyLink } from "../CopyLink";
import { CommitmentsPanel } from "../commitments/CommitmentsPanel";
import { ErrorAlert } from "../ErrorAlert";
import { t } from "../i18n";

interface Props {
  organiserToken: string;
  workshops: Resource<WorkshopSummary[]>;
  onChanged: () => void;
}

type Minted = { facilitator: string; screen: string; evaluator: string };

export const WorkshopList: Component<Props> = (props) => (
  <section class="stack" aria-labelledby="workshops-title">
    <h2 id="workshops-title">{t("organise.listTitle")}</h2>
    <Show when={!props.workshops.error} fallback={<p role="alert">{t("organise.listFailed")}</p>}>
      <Show
        when={(props.workshops() ?? []).length > 0}
        fallback={<p>{props.workshops.loading ? t("common.loading") : t("organise.listEmpty")}</p>}
      >
        <ul class="workshop-list" data-testid="workshop-list">
          <For each={props.workshops()}>
            {(w) => <WorkshopItem workshop={w} organiserToken={props.organiserToken} onChanged={props.onChanged} />}
          </For>
        </ul>
      </Show>
    </Show>
  </section>
);

const WorkshopItem: Component<{ workshop: WorkshopSummary; organiserToken: string; onChanged: () => void }> = (
  props,
) => {
  const [minted, setMinted] = createSignal<Minted | null>(null);
  const [showCommitments, setShowCommitments] = createSignal(false);
  const [error, setError] = createSignal("");
  const describe = (err: unknown) => (err instanceof ApiError ? err.message : String(err));

  const newLinks = async () => {
    setError("");
    try {
      const [facilitator, screen, evaluator] = await Promise.all(
        (["facilitator", "screen", "evaluator"] as const).map((role) =>
          mintLink(props.organiserToken, props.workshop.id, role),
        ),
      );
      setMinted({ facilitator: facilitator?.link ?? "", screen: screen?.link ?? "", evaluator: evaluator?.link ?? "" });
    } catch (err) {
      setError(t("organise.linksFailed", { message: describe(err) }));
    }
  };

  const remove = async () => {
    if (!window.confirm(t("organise.deleteConfirm", { title: props.workshop.title }))) return;
    try {
      await deleteWorkshop(props.organiserToken, props.workshop.id);
      props.onChanged();
    } catch (err) {
      setError(t("organise.deleteFailed", { message: describe(err) }));
    }
  };

  return (
    <li class="workshop-item">
      <h3>{props.workshop.title}</h3>
      <p class="workshop-item__meta">
        <span>{t(`status.${props.workshop.status}` as "status.draft")}</span>
        <Show when={props.workshop.scheduledFor}>
          <span>{props.workshop.scheduledFor}</span>
        </Show>
        <Show when={props.workshop.joinCode}>
          <span>
            {t("organise.joinCode")} <strong>{props.workshop.joinCode}</strong>
          </span>
        </Show>
      </p>
      <div class="button-row">
        <button type="button" onClick={newLinks}>
          {t("organise.newLinks")}
        </button>
        <button type="button" aria-expanded={showCommitments()} onClick={() => setShowCommitments(!showCommitments())}>
          {t("commitments.open")}
        </button>
        <button type="button" class="danger" onClick={remove}>
          {t("organise.delete")}
        </button>
      </div>
      <ErrorAlert message={error()} />
      {/* Co-delivery (#15): record commitments, mint partner links, see the follow-up. */}
      <Show when={showCommitments() && props.workshop.joinCode}>
        <CommitmentsPanel
          token={props.organiserToken}
          workshopId={props.workshop.id}
          joinCode={props.workshop.joinCode}
        />
      </Show>
      <Show when={minted()}>
        {(links) => (
          <div class="stack">
            <CopyLink label={t("organise.linkFacilitator")} value={links().facilitator} />
            <CopyLink label={t("organise.linkScreen")} value={links().screen} />
            <CopyLink label={t("organise.linkEvaluator")} value={links().evaluator} />
          </div>
        )}
      </Show>
    </li>
  );
};

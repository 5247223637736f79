/**
 * The organiser's workshops, newest first. Each keeps its links (session #19: shown again,
 * never stored as secrets) with "Open the console" and a handout per role; "Make new links…"
 * replaces links only after confirming which; deletion asks first too.
 */
import { type Component, createSignal, For, Show } from "solid-js";
import { ApiError } from "../../../lib/api";
import { createResource, type Resource } from "../../../lib/async";
import { deleteWorkshop, type WorkshopSummary } from "../api";
import { CommitmentsPanel } from "../commitments/CommitmentsPanel";
import { ErrorAlert } from "../ErrorAlert";
import { t, tn } from "../i18n";
import { workshopLinks } from "./api";
import { LinksPanel } from "./LinksPanel";
import { RenewPanel } from "./RenewPanel";

interface Props {
  organiserToken: string;
  workshops: Resource<WorkshopSummary[]>;
  onChanged: () => void;
}

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
  const [view, { refetch, mutate }] = createResource(
    () => [props.organiserToken, props.workshop.id] as const,
    ([token, id]) => workshopLinks(token, id),
  );
  const [showLinks, setShowLinks] = createSignal(false);
  const [renewing, setRenewing] = createSignal(false);
  const [showCommitments, setShowCommitments] = createSignal(false);
  const [error, setError] = createSignal("");
  const [notice, setNotice] = createSignal("");
  const describe = (err: unknown) => (err instanceof ApiError ? err.message : String(err));
  // Reading an errored resource throws: a failed request shows its message instead.
  const current = () => (view.error ? undefined : view());
  const consoleLink = () => current()?.links.find((l) => l.role === "facilitator" && l.link)?.link ?? null;

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
    <li class="workshop-item" data-workshop-id={props.workshop.id}>
      <h3 dir="auto">{props.workshop.title}</h3>
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
        <Show when={consoleLink()}>
          {(href) => (
            <a class="button primary" href={href()} target="_blank" rel="noopener">
              {t("organise.openConsole")}
              <span class="visually-hidden">: {props.workshop.title}</span>
            </a>
          )}
        </Show>
        <button type="button" aria-expanded={showLinks()} onClick={() => setShowLinks(!showLinks())}>
          {t("organise.linksShow")}
        </button>
        <button
          type="button"
          aria-expanded={renewing()}
          disabled={!current()}
          onClick={() => {
            setNotice("");
            setRenewing(!renewing());
          }}
        >
          {t("organise.newLinks")}
        </button>
        <button type="button" aria-expanded={showCommitments()} onClick={() => setShowCommitments(!showCommitments())}>
          {t("commitments.open")}
        </button>
        <button type="button" class="danger" onClick={remove}>
          {t("organise.delete")}
        </button>
      </div>
      <Show when={view.error}>
        <ErrorAlert message={t("organise.linksLoadFailed", { message: describe(view.error) })} />
      </Show>
      <Show when={current() && !consoleLink()}>
        <p class="hint">{t("organise.noConsoleLink")}</p>
      </Show>
      <ErrorAlert message={error()} />
      <p role="status" class="hint" data-testid="links-notice">
        {notice()}
      </p>
      <Show when={renewing() && current()}>
        {(current) => (
          <RenewPanel
            organiserToken={props.organiserToken}
            workshopId={props.workshop.id}
            title={props.workshop.title}
            view={current()}
            onRenewed={(next, count) => {
              mutate(next);
              setRenewing(false);
              setShowLinks(true);
              setNotice(tn("organise.renewDone", count));
            }}
            onConflict={() => {
              setRenewing(false);
              setNotice(t("organise.renewConflict"));
              void refetch();
            }}
            onCancel={() => setRenewing(false)}
          />
        )}
      </Show>
      <Show when={showLinks()}>
        <Show when={current()} fallback={<p>{t("organise.linksLoading")}</p>}>
          {(current) => <LinksPanel view={current()} title={props.workshop.title} date={props.workshop.scheduledFor} />}
        </Show>
      </Show>
      {/* Co-delivery (#15): record commitments, mint partner links, see the follow-up. */}
      <Show when={showCommitments() && props.workshop.joinCode}>
        <CommitmentsPanel
          token={props.organiserToken}
          workshopId={props.workshop.id}
          joinCode={props.workshop.joinCode}
        />
      </Show>
    </li>
  );
};

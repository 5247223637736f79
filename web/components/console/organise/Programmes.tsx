/**
 * session (#19): programmes on the organise page: create one, add and remove its workshops,
 * and see (or make more of) its programme evaluator links, each with a handout.
 */
import { type Component, createSignal, For, Show } from "solid-js";
import { ApiError } from "../../../lib/api";
import { createResource } from "../../../lib/async";
import type { WorkshopSummary } from "../api";
import { CopyLink } from "../CopyLink";
import { ErrorAlert } from "../ErrorAlert";
import { t } from "../i18n";
import {
  createProgramme,
  listProgrammes,
  mintProgrammeEvaluatorLink,
  type ProgrammeSummary,
  programmeLinks,
  putInProgramme,
  takeOutOfProgramme,
} from "./api";
import { openHandout } from "./Handout";
import { HandoutButton } from "./LinksPanel";

interface Props {
  organiserToken: string;
  workshops: WorkshopSummary[];
  onChanged: () => void;
}

const describe = (err: unknown) => (err instanceof ApiError ? err.message : String(err));

export const Programmes: Component<Props> = (props) => {
  const [programmes, { refetch }] = createResource(() => props.organiserToken, listProgrammes);
  const [error, setError] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const create = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const title = String(new FormData(form).get("title") ?? "").trim();
    if (!title) return;
    setBusy(true);
    setError("");
    try {
      await createProgramme(props.organiserToken, title);
      form.reset();
      await refetch();
    } catch (err) {
      setError(t("programme.failed", { message: describe(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="stack" aria-labelledby="programmes-title" data-testid="programmes">
      <h2 id="programmes-title">{t("programme.sectionTitle")}</h2>
      <p class="hint">{t("programme.hint")}</p>
      <form class="inline-form" onSubmit={create}>
        <label for="programme-title">{t("programme.newTitle")}</label>
        <input id="programme-title" name="title" type="text" required maxLength={200} autocomplete="off" />
        <button type="submit" disabled={busy()}>
          {t("programme.create")}
        </button>
      </form>
      <ErrorAlert message={error()} />
      <Show when={programmes.error}>
        <ErrorAlert message={t("programme.listFailed", { message: describe(programmes.error) })} />
      </Show>
      <Show when={!programmes.error && (programmes() ?? []).length > 0} fallback={<p>{t("programme.empty")}</p>}>
        <ul class="workshop-list">
          <For each={programmes()}>
            {(p) => (
              <ProgrammeItem
                programme={p}
                organiserToken={props.organiserToken}
                workshops={props.workshops}
                onChanged={props.onChanged}
              />
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
};

const ProgrammeItem: Component<{
  programme: ProgrammeSummary;
  organiserToken: string;
  workshops: WorkshopSummary[];
  onChanged: () => void;
}> = (props) => {
  const [links, { refetch }] = createResource(
    () => [props.organiserToken, props.programme.id] as const,
    ([token, id]) => programmeLinks(token, id),
  );
  const [error, setError] = createSignal("");
  const [choice, setChoice] = createSignal("");
  // A failed request must not throw while rendering (reading an errored resource throws).
  const shown = () => (links.error ? [] : (links() ?? [])).filter((l) => l.link);
  const members = () => props.workshops.filter((w) => w.programmeId === props.programme.id);
  const others = () => props.workshops.filter((w) => w.programmeId !== props.programme.id);
  const run = async (action: () => Promise<unknown>, after: () => void) => {
    setError("");
    try {
      await action();
      after();
    } catch (err) {
      setError(t("programme.failed", { message: describe(err) }));
    }
  };
  const add = (e: SubmitEvent) => {
    e.preventDefault();
    const id = choice();
    if (!id) return;
    void run(
      () => putInProgramme(props.organiserToken, props.programme.id, id),
      () => {
        setChoice("");
        props.onChanged();
      },
    );
  };
  const selectId = `programme-add-${props.programme.id}`;
  return (
    <li class="programme-item stack" data-programme-id={props.programme.id}>
      <h3 dir="auto">{props.programme.title}</h3>
      <h4>{t("programme.workshops", { title: props.programme.title })}</h4>
      <Show when={members().length > 0} fallback={<p>{t("programme.noWorkshops")}</p>}>
        <ul data-testid="programme-workshops">
          <For each={members()}>
            {(w) => (
              <li>
                <span dir="auto">{w.title}</span>{" "}
                <button
                  type="button"
                  class="link-button"
                  aria-label={t("programme.remove", { workshop: w.title })}
                  onClick={() =>
                    void run(() => takeOutOfProgramme(props.organiserToken, props.programme.id, w.id), props.onChanged)
                  }
                >
                  {t("common.remove")}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="inline-form" onSubmit={add}>
        <label for={selectId}>{t("programme.addLabel", { title: props.programme.title })}</label>
        <select
          id={selectId}
          value={choice()}
          onChange={(e) => setChoice(e.currentTarget.value)}
          aria-describedby={`${selectId}-hint`}
        >
          <option value="">{t("programme.choose")}</option>
          <For each={others()}>{(w) => <option value={w.id}>{w.title}</option>}</For>
        </select>
        <button type="submit" disabled={!choice()}>
          {t("programme.add")}
        </button>
      </form>
      <p id={`${selectId}-hint`} class="hint">
        {t("programme.moves")}
      </p>
      <h4>{t("programme.evaluatorLinks")}</h4>
      <Show when={shown().length > 0} fallback={<p>{t("programme.noLinks")}</p>}>
        <For each={shown()}>
          {(link) => (
            <div class="links-panel__row">
              <CopyLink label={link.label || t("handout.role.programme")} value={link.link ?? ""} />
              <HandoutButton
                who="programme"
                onClick={() => openHandout({ role: "programme", link: link.link ?? "", title: props.programme.title })}
              />
            </div>
          )}
        </For>
      </Show>
      <div class="button-row">
        <button
          type="button"
          onClick={() =>
            void run(
              () => mintProgrammeEvaluatorLink(props.organiserToken, props.programme.id),
              () => void refetch(),
            )
          }
        >
          {t("programme.mintEvaluator")}
        </button>
      </div>
      <ErrorAlert message={error()} />
    </li>
  );
};

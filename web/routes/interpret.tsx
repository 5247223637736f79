/**
 * `/interpret/:id#token=…`: an interpreter's desk (everyone counts, docs/everyone-counts.md).
 * A bilingual helper translates, live, into the one language their link names: the
 * organiser's texts (consent, purpose), each activity's title and prompt, lanes, kinds,
 * options and questions, and participants' cards as they arrive. Phones in that
 * language show the translation with the original one tap away. Cards are listed
 * without authors, groups or names: a translation never says who wrote what.
 */
import { type Component, createMemo, createSignal, For, Show } from "solid-js";
import * as v from "valibot";
import { configOf, translationKey } from "../../party/model/doc";
import { ConsoleShell } from "../components/console/ConsoleShell";
import { t } from "../components/console/i18n";
import { consoleRoom, workshopTokenPage } from "../components/console/NoAccess";
import { apiFetch } from "../lib/api";
import { createResource } from "../lib/async";
import { LANGUAGES, languageInfo } from "../lib/i18n";
import type { Room } from "../lib/room";

interface Row {
  target: string;
  /** what kind of text it is, for the label */
  what: string;
  original: string;
}

const WorkshopTexts = v.object({ consentText: v.nullish(v.string()), purpose: v.nullish(v.string()) });

const Desk: Component<{ workshopId: string; token: string }> = (props) => {
  const room = consoleRoom(props, "interpreter");
  const language = () => room.me()?.language ?? "";
  const languageName = () => LANGUAGES.find((l) => l.code === language())?.name ?? language();
  const [texts] = createResource(() =>
    apiFetch(`/api/workshops/${encodeURIComponent(props.workshopId)}`, WorkshopTexts, { token: props.token }),
  );
  const workshopRows = createMemo((): Row[] => {
    const rows: Row[] = [];
    const consent = texts()?.consentText;
    if (consent) rows.push({ target: "workshop.consent", what: t("interpret.consent"), original: consent });
    const purpose = room.workshop()?.purpose;
    if (purpose) rows.push({ target: "workshop.purpose", what: t("interpret.purpose"), original: purpose });
    return rows;
  });
  const activities = createMemo(() =>
    (room.workshop()?.agenda ?? []).flatMap((id) => {
      const activity = room.activities()[id];
      return activity ? [activity] : [];
    }),
  );

  return (
    <ConsoleShell
      title={t("interpret.title", { language: languageName() })}
      subtitle={room.workshop()?.title ?? ""}
      class="interpret"
    >
      <p>{t("interpret.lead", { language: languageName() })}</p>
      <Show when={workshopRows().length > 0}>
        <section class="panel" aria-labelledby="interpret-workshop">
          <h2 id="interpret-workshop">{t("interpret.workshop")}</h2>
          <RowList rows={workshopRows()} room={room} language={language()} />
        </section>
      </Show>
      <For each={activities()}>
        {(activity) => {
          const rows = createMemo((): Row[] => {
            const id = activity.id;
            const rows: Row[] = [
              { target: `activity.${id}.title`, what: t("interpret.titleField"), original: activity.title },
            ];
            // The doc's config was parsed for its kind (defaults filled) when it was written.
            const prompt = activity.config.prompt;
            if (prompt) rows.push({ target: `activity.${id}.prompt`, what: t("interpret.prompt"), original: prompt });
            const add = (kind: string, what: string, list?: readonly { id: string; label: string }[]) => {
              for (const x of list ?? []) rows.push({ target: `${kind}.${id}.${x.id}`, what, original: x.label });
            };
            const map = configOf(activity, "map");
            add("lane", t("interpret.lane"), map?.lanes);
            add("kind", t("interpret.kind"), map?.kinds);
            add("option", t("interpret.option"), configOf(activity, "vote")?.options);
            add("item", t("interpret.item"), configOf(activity, "feedback")?.items);
            return rows;
          });
          const cards = createMemo((): Row[] =>
            Object.values(room.cards())
              .filter((c) => c.activityId === activity.id && !c.hidden && c.text !== "")
              .sort((a, b) => b.createdAt - a.createdAt)
              .map((c) => ({ target: `card.${c.id}`, what: t("interpret.card"), original: c.text })),
          );
          return (
            <section class="panel" aria-labelledby={`interpret-${activity.id}`}>
              <h2 id={`interpret-${activity.id}`}>{activity.title}</h2>
              <RowList rows={rows()} room={room} language={language()} />
              <Show when={activity.kind === "map"}>
                <h3>{t("interpret.cards")}</h3>
                <Show when={cards().length > 0} fallback={<p class="muted">{t("interpret.noCards")}</p>}>
                  <RowList rows={cards()} room={room} language={language()} />
                </Show>
              </Show>
            </section>
          );
        }}
      </For>
    </ConsoleShell>
  );
};

const RowList: Component<{ rows: Row[]; room: Room; language: string }> = (props) => (
  <ul class="interpret-rows">
    <For each={props.rows}>{(row) => <TranslateRow row={row} room={props.room} language={props.language} />}</For>
  </ul>
);

const TranslateRow: Component<{ row: Row; room: Room; language: string }> = (props) => {
  const existing = () => props.room.translations()[translationKey(props.language, props.row.target)]?.text ?? "";
  const [draft, setDraft] = createSignal<string | null>(null);
  const [state, setState] = createSignal<"idle" | "saving" | "saved" | "refused">("idle");
  const inputId = () => `tr-${props.row.target.replaceAll(".", "-")}`;
  const save = async (event: Event) => {
    event.preventDefault();
    setState("saving");
    const text = draft() ?? existing();
    const outcome = await props.room.send("translation.set", {
      target: props.row.target,
      language: props.language,
      text,
    }).outcome;
    setState(outcome.ok ? "saved" : "refused");
    if (outcome.ok) setDraft(null);
  };
  return (
    <li class="interpret-row" data-target={props.row.target}>
      <form onSubmit={save} class="stack">
        <p class="interpret-original">
          <span class="muted">{props.row.what}: </span>
          <span dir="auto">{props.row.original}</span>
        </p>
        <label for={inputId()} class="visually-hidden">
          {t("interpret.label", { what: props.row.what, text: props.row.original })}
        </label>
        <textarea
          id={inputId()}
          lang={props.language}
          dir={languageInfo(props.language).dir}
          rows={2}
          maxLength={4000}
          value={draft() ?? existing()}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <div class="row">
          <button type="submit" class="button" disabled={state() === "saving"}>
            {t("interpret.save")}
          </button>
          <span role="status" class="muted">
            {state() === "saved" ? t("interpret.saved") : state() === "refused" ? t("interpret.refused") : ""}
          </span>
        </div>
      </form>
    </li>
  );
};

export default workshopTokenPage("interpret", () => t("interpret.pageTitle"), Desk);

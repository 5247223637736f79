/**
 * Everyone counts: text shown in the phone's language when an interpreter or the
 * organiser translated it (translation.set), with the original one tap away: a card or a
 * prompt by its own toggle, an activity's lanes, kinds, options and questions by one toggle
 * for them all. The translation carries no author; what is shown beside it (group, kind)
 * is unchanged.
 */
import { type Component, createSignal, Show } from "solid-js";
import type { Activity } from "../../../party/model/doc";
import { translationKey } from "../../../party/model/doc";
import { language, languageInfo, t } from "../../lib/i18n";
import { useRoom } from "./context";

/** The translation of `target` into the phone's language, if there is one. */
export function useTranslation(target: () => string): () => string | null {
  const { room } = useRoom();
  return () => room.translations()[translationKey(language(), target())]?.text ?? null;
}

/** A label (lane, kind, option): the translation when there is one, the original otherwise. */
export function translatedLabel(translations: Record<string, { text: string }>, target: string, original: string) {
  return translations[translationKey(language(), target)]?.text ?? original;
}

/**
 * The one "Show original" / "Show translation" button: its words say what a tap does (so no
 * aria-pressed, which would read as "Show translation, pressed"); `describedBy` names what it
 * applies to when that is not the text just before it.
 */
const OriginalToggle: Component<{ original: boolean; onToggle: () => void; describedBy?: string }> = (props) => (
  <button type="button" class="link translation-toggle" aria-describedby={props.describedBy} onClick={props.onToggle}>
    {props.original ? t("translation.showTranslation") : t("translation.showOriginal")}
  </button>
);

export const Translated: Component<{
  target: string;
  original: string;
  id?: string;
  class?: string;
}> = (props) => {
  const translation = useTranslation(() => props.target);
  const [original, setOriginal] = createSignal(false);
  const shown = () => (original() ? null : translation());
  return (
    <>
      <Show
        when={shown()}
        fallback={
          <p class={props.class} id={props.id} dir="auto">
            {props.original}
          </p>
        }
      >
        {(text) => (
          <p class={props.class} id={props.id} lang={language()} dir={languageInfo(language()).dir} data-translated="">
            {text()}
          </p>
        )}
      </Show>
      <Show when={translation()}>
        <OriginalToggle original={original()} onToggle={() => setOriginal(!original())} />
      </Show>
    </>
  );
};

type Labelled = { id: string; label: string };

/**
 * Lanes, kinds, options and questions in the phone's language where the organiser or an
 * interpreter translated them (prompts and cards show their own translation with the
 * original one tap away, above).
 */
export function localise<T extends object>(
  translations: Record<string, { text: string }>,
  activityId: string,
  config: T,
): T {
  const swap = (kind: string, list: unknown) =>
    Array.isArray(list)
      ? (list as Labelled[]).map((x) => ({
          ...x,
          label: translatedLabel(translations, `${kind}.${activityId}.${x.id}`, x.label),
        }))
      : list;
  const c = config as Record<string, unknown>;
  const swapped = { lanes: swap("lane", c.lanes), kinds: swap("kind", c.kinds) };
  return { ...config, ...swapped, options: swap("option", c.options), items: swap("item", c.items) };
}

/** Has any lane, kind, option or question of this activity a translation into the phone's language? */
function labelsTranslated(translations: Record<string, unknown>, activityId: string): boolean {
  const prefix = `${language()}:`;
  return Object.keys(translations).some(
    (key) =>
      key.startsWith(prefix) &&
      /^(lane|kind|option|item)\.([^.]+)\./.exec(key.slice(prefix.length))?.[2] === activityId,
  );
}

/**
 * An activity component that sees its config in the phone's language, with the originals of
 * all its translated labels one tap away (the note says what the button applies to).
 */
export function localised<C extends object>(
  Inner: Component<{ activity: Activity; config: C }>,
): Component<{ activity: Activity; config: C }> {
  return (props) => {
    const { room } = useRoom();
    const [original, setOriginal] = createSignal(false);
    const translated = () => labelsTranslated(room.translations(), props.activity.id);
    const note = () => `labels-${props.activity.id}`;
    return (
      <>
        <Show when={translated()}>
          <p class="muted">
            <span id={note()}>{t("translation.labels")}</span>{" "}
            <OriginalToggle original={original()} onToggle={() => setOriginal(!original())} describedBy={note()} />
          </p>
        </Show>
        <Inner
          activity={props.activity}
          config={
            original() || !translated() ? props.config : localise(room.translations(), props.activity.id, props.config)
          }
        />
      </>
    );
  };
}

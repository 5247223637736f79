/**
 * Everyone counts: text shown in the phone's language when an interpreter or the
 * organiser translated it (translation.set), with the original one tap away. The
 * translation carries no author; what is shown beside it (group, kind) is unchanged.
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
        <button
          type="button"
          class="link translation-toggle"
          aria-pressed={original()}
          onClick={() => setOriginal(!original())}
        >
          {original() ? t("translation.showTranslation") : t("translation.showOriginal")}
        </button>
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

/** An activity component that sees its config in the phone's language. */
export function localised<C extends object>(
  Inner: Component<{ activity: Activity; config: C }>,
): Component<{ activity: Activity; config: C }> {
  return (props) => {
    const { room } = useRoom();
    return <Inner activity={props.activity} config={localise(room.translations(), props.activity.id, props.config)} />;
  };
}

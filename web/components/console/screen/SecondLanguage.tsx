/**
 * Everyone counts (#14, docs/everyone-counts.md): the projector's second language. When the
 * facilitator picks one (`screen.language`), every prompt, lane, kind, option and translated
 * card shows its translation under the original, marked with that language and its direction
 * (Urdu reads right to left). Nothing shows where nobody has translated a text yet.
 */
import { type Component, createContext, type JSX, Show, useContext } from "solid-js";
import { translationKey } from "../../../../party/model/doc";
import { LANGUAGES } from "../../../lib/i18n";

export interface SecondLanguage {
  language: string;
  /** the translation of a target (`lane.<activity>.<lane>`, `card.<id>`…) into it, if any */
  text: (target: string) => string | null;
}

const Context = createContext<() => SecondLanguage | null>(() => null);

/** Scripts written right to left, for languages the phones do not offer too. */
const RTL = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi"]);

export function directionOf(code: string): "ltr" | "rtl" {
  const base = code.toLowerCase().split("-")[0] ?? "";
  return (LANGUAGES.find((l) => l.code === base)?.dir ?? (RTL.has(base) ? "rtl" : "ltr")) as "ltr" | "rtl";
}

/** The second language from the workshop's setting and the doc's translations (null: none chosen). */
export function secondLanguage(
  language: string | null | undefined,
  translations: Record<string, { text: string }>,
): SecondLanguage | null {
  if (!language) return null;
  return { language, text: (target) => translations[translationKey(language, target)]?.text ?? null };
}

export const SecondLanguageProvider: Component<{ value: () => SecondLanguage | null; children: JSX.Element }> = (
  props,
) => <Context.Provider value={props.value}>{props.children}</Context.Provider>;

export function useSecondLanguage(): () => SecondLanguage | null {
  return useContext(Context);
}

/** The translation of `target`, under its original, in its own language and direction. */
export const Second: Component<{ target: string; class?: string }> = (props) => {
  const second = useSecondLanguage();
  const text = () => second()?.text(props.target) ?? null;
  return (
    <Show when={text()}>
      {(t) => (
        <span
          class={`screen-second ${props.class ?? ""}`}
          lang={second()?.language}
          dir={directionOf(second()?.language ?? "")}
          data-second={props.target}
        >
          {t()}
        </span>
      )}
    </Show>
  );
};

/**
 * The strip at the top of every participant page: where you are, and the language
 * and easy-read switches (always one tap away, as the design promises).
 */
import { type Component, For, type JSX, Show } from "solid-js";
import { easyRead, LANGUAGES, language, pickLanguage, setEasyRead, t } from "../../lib/i18n";

export const TopBar: Component<{ title?: string; children?: JSX.Element }> = (props) => (
  <header class="topbar">
    <a class="skip-link" href="#main">
      {t("common.skipToContent")}
    </a>
    <div class="topbar-row">
      <span class="topbar-title" dir="auto">
        {props.title ?? t("app.name")}
      </span>
      <div class="topbar-tools">
        <label class="visually-hidden" for="language-picker">
          {t("settings.language")}
        </label>
        <select
          id="language-picker"
          class="language-picker"
          value={language()}
          onChange={(event) => void pickLanguage(event.currentTarget.value)}
        >
          <For each={LANGUAGES}>
            {(lang) => (
              <option value={lang.code} lang={lang.code}>
                {lang.name}
              </option>
            )}
          </For>
        </select>
        <button
          type="button"
          class="easy-read-toggle"
          aria-pressed={easyRead()}
          onClick={() => setEasyRead(!easyRead())}
          title={t("settings.easyRead")}
        >
          <span aria-hidden="true">Aa</span>
          <span class="visually-hidden">{t("settings.easyRead")}</span>
        </button>
      </div>
    </div>
    <Show when={props.children}>
      <div class="topbar-extra">{props.children}</div>
    </Show>
  </header>
);

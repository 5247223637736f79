/** Asks for the organiser secret when the page was opened without `#token=…`. */
import { type Component, createSignal } from "solid-js";
import { t } from "./i18n";

export const SecretForm: Component<{ onSubmit: (secret: string) => void }> = (props) => {
  const [value, setValue] = createSignal("");
  return (
    <form
      class="stack secret-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (value().trim()) props.onSubmit(value().trim());
      }}
    >
      <p>{t("organise.secretHint")}</p>
      <div class="field">
        <label for="organiser-secret">{t("organise.secret")}</label>
        <input
          id="organiser-secret"
          type="password"
          autocomplete="off"
          required
          value={value()}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
      </div>
      <button type="submit" class="primary">
        {t("organise.secretSubmit")}
      </button>
    </form>
  );
};

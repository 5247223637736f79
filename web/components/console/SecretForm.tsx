/** Asks for the organiser secret when the page was opened without `#token=…`. */
import { type Component, createSignal } from "solid-js";
import { Field } from "./fields";
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
      <Field id="organiser-secret" label={t("organise.secret")}>
        <input
          id="organiser-secret"
          type="password"
          autocomplete="off"
          required
          value={value()}
          onInput={(e) => setValue(e.currentTarget.value)}
        />
      </Field>
      <button type="submit" class="primary">
        {t("organise.secretSubmit")}
      </button>
    </form>
  );
};

/**
 * A link shown in full (so it can be read out or checked) with a copy button that
 * confirms through a polite live region. Falls back to selecting the text where
 * the clipboard API is refused (insecure origins, old browsers).
 */
import { type Component, createSignal } from "solid-js";
import { t } from "./i18n";

interface Props {
  label: string;
  value: string;
  testId?: string;
}

let counter = 0;

export const CopyLink: Component<Props> = (props) => {
  const id = `copy-link-${++counter}`;
  const [status, setStatus] = createSignal("");
  let input!: HTMLInputElement;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.value);
      setStatus(t("copy.done"));
    } catch {
      input.select();
      setStatus(t("copy.selected"));
    }
  };
  return (
    <div class="copy-link" data-testid={props.testId}>
      <label for={id}>{props.label}</label>
      <div class="copy-link__row">
        <input id={id} ref={input} type="text" readOnly value={props.value} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={copy} aria-describedby={id}>
          {t("copy.button")}
        </button>
      </div>
      <p class="copy-link__status" role="status">
        {status()}
      </p>
    </div>
  );
};

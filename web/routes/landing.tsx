/** `/`: type the 6-character workshop code from the screen, go to its join page. */
import { type Component, createSignal, For, onMount, Show } from "solid-js";
import { TopBar } from "../components/participant/TopBar";
import { t } from "../lib/i18n";
import { checkJoinCode, JOIN_CODE_LENGTH } from "../lib/joinCode";
import { navigate } from "../lib/router";
import { listParticipations } from "../lib/storage";
import "../styles/participant.css";

const Landing: Component = () => {
  const [typed, setTyped] = createSignal("");
  const [error, setError] = createSignal<string | null>(null);
  const joined = listParticipations();
  let input: HTMLInputElement | undefined;
  onMount(() => {
    document.title = `${t("landing.title")} · ${t("app.name")}`;
  });

  const submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const check = checkJoinCode(typed());
    if (check.ok) {
      navigate(`/j/${check.code}`);
      return;
    }
    setError(
      check.problem === "length"
        ? t("landing.errorLength", { count: check.count })
        : t("landing.errorChars", { chars: check.chars }),
    );
    input?.focus();
  };

  return (
    <>
      <TopBar />
      <main class="page stack" id="main">
        <h1>{t("landing.title")}</h1>
        <p>{t("landing.intro")}</p>
        <form class="stack" onSubmit={submit} novalidate>
          <div class="field">
            <label for="join-code">{t("landing.codeLabel")}</label>
            <span class="hint" id="join-code-hint">
              {t("landing.codeHint")}
            </span>
            <input
              ref={input}
              id="join-code"
              class="code-input"
              type="text"
              inputmode="text"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              maxlength={JOIN_CODE_LENGTH + 4}
              value={typed()}
              onInput={(event) => {
                setTyped(event.currentTarget.value.toUpperCase());
                setError(null);
              }}
              aria-describedby={error() ? "join-code-hint join-code-error" : "join-code-hint"}
              aria-invalid={error() ? "true" : undefined}
            />
            <Show when={error()}>
              <p class="field-error" id="join-code-error" role="alert">
                {error()}
              </p>
            </Show>
          </div>
          <button type="submit" class="primary full">
            {t("landing.submit")}
          </button>
        </form>
        <p class="muted">{t("landing.privacy")}</p>
        <Show when={joined.length > 0}>
          <section aria-labelledby="rejoin-heading">
            <h2 id="rejoin-heading">{t("landing.rejoin")}</h2>
            <ul class="rejoin-list">
              <For each={joined}>
                {(item) => (
                  <li>
                    <a href={`/w/${encodeURIComponent(item.workshopId)}`}>{item.title}</a>
                  </li>
                )}
              </For>
            </ul>
          </section>
        </Show>
      </main>
    </>
  );
};

export default Landing;

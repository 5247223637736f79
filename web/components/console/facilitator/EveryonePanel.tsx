/**
 * Everyone counts (docs/everyone-counts.md), in the facilitator's side bar: head counts of
 * people taking part without a phone (`attendance.set`), links for a kiosk tablet and an
 * interpreter, the paper pack to print, typing in paper ballots and feedback forms, and the
 * projector's second language (`screen.language`).
 */
import { type Component, createSignal, For } from "solid-js";
import type { StakeholderGroup, Table } from "../../../../party/model/commands";
import type { Activity } from "../../../../party/model/doc";
import { ApiError, apiFetch } from "../../../lib/api";
import { LANGUAGES } from "../../../lib/i18n";
import { MintedToken } from "../api";
import { CopyLink } from "../CopyLink";
import type { Commander } from "../commander";
import { ErrorAlert } from "../ErrorAlert";
import { LanguageOptions } from "../fields";
import { groupLabel } from "../groups";
import { t } from "../i18n";
import { PaperEntryForm } from "./PaperEntryForm";

export const EveryonePanel: Component<{
  token: string;
  workshopId: string;
  groups: StakeholderGroup[];
  tables: Table[];
  /** the activity running now: paper entries go to it if it is an open vote or feedback form */
  current: Activity | null;
  commander: Commander;
  /** the workshop's own language, and the projector's second one (null: none) */
  workshopLanguage: string;
  screenLanguage: string | null;
  /** languages something has been translated into (doc's translations) */
  translatedInto: readonly string[];
}> = (props) => {
  const [links, setLinks] = createSignal<{ label: string; link: string }[]>([]);
  const [error, setError] = createSignal("");
  const [language, setLanguage] = createSignal("ur");
  const mint = async (body: Record<string, unknown>, label: string) => {
    setError("");
    try {
      const minted = await apiFetch(`/api/workshops/${encodeURIComponent(props.workshopId)}/tokens`, MintedToken, {
        method: "POST",
        token: props.token,
        body,
      });
      setLinks((all) => [...all, { label, link: minted.link }]);
    } catch (err) {
      setError(t("share.failed", { message: err instanceof ApiError ? err.message : String(err) }));
    }
  };
  const printLink = () => `/print/${encodeURIComponent(props.workshopId)}#token=${encodeURIComponent(props.token)}`;
  return (
    <details class="panel everyone-panel">
      <summary>{t("everyone.heading")}</summary>
      <div class="stack">
        <h3>{t("everyone.headCounts")}</h3>
        <p class="muted">{t("everyone.headCountsHint")}</p>
        <For each={props.groups}>
          {(group) => {
            const id = `headcount-${group.id}`;
            let input: HTMLInputElement | undefined;
            return (
              <form
                class="row"
                onSubmit={(e) => {
                  e.preventDefault();
                  const count = Number(input?.value ?? 0);
                  if (Number.isInteger(count) && count >= 0)
                    void props.commander.run("attendance.set", { group: group.id, count });
                }}
              >
                <label for={id}>{groupLabel(props.groups, group.id)}</label>
                <input id={id} ref={input} type="number" min="0" max="10000" inputmode="numeric" value="0" />
                <button type="submit">{t("everyone.save")}</button>
              </form>
            );
          }}
        </For>
        <PaperEntryForm
          activity={props.current}
          groups={props.groups}
          tables={props.tables}
          commander={props.commander}
        />
        <h3>{t("everyone.links")}</h3>
        <div class="button-row">
          <button type="button" onClick={() => void mint({ role: "kiosk" }, t("everyone.kioskLink"))}>
            {t("everyone.kiosk")}
          </button>
        </div>
        <div class="row">
          <label for="interpreter-language">{t("everyone.language")}</label>
          <select id="interpreter-language" value={language()} onChange={(e) => setLanguage(e.currentTarget.value)}>
            <LanguageOptions languages={LANGUAGES.filter((l) => l.code !== "en")} />
          </select>
          <button
            type="button"
            onClick={() => void mint({ role: "interpreter", language: language() }, t("everyone.interpreterLink"))}
          >
            {t("everyone.interpreter")}
          </button>
        </div>
        <ScreenLanguage
          workshopLanguage={props.workshopLanguage}
          screenLanguage={props.screenLanguage}
          translatedInto={props.translatedInto}
          commander={props.commander}
        />
        <ErrorAlert message={error()} />
        <For each={links()}>{(l) => <CopyLink label={l.label} value={l.link} />}</For>
        <p>
          <a href={printLink()} target="_blank" rel="noopener">
            {t("everyone.print")}
          </a>
        </p>
      </div>
    </details>
  );
};

/**
 * The projector's second language: the phones' languages and any other one something has
 * been translated into, never the workshop's own. Choosing sends `screen.language` at once.
 */
const ScreenLanguage: Component<{
  workshopLanguage: string;
  screenLanguage: string | null;
  translatedInto: readonly string[];
  commander: Commander;
}> = (props) => {
  const choices = () => {
    const codes = [...LANGUAGES.map((l) => l.code), ...props.translatedInto, props.screenLanguage ?? ""];
    return [...new Set(codes)].filter((code) => code !== "" && code !== props.workshopLanguage);
  };
  const name = (code: string) => LANGUAGES.find((l) => l.code === code)?.name ?? code;
  return (
    <div class="stack">
      <div class="row">
        <label for="screen-language">{t("everyone.screenLanguage")}</label>
        <select
          id="screen-language"
          value={props.screenLanguage ?? ""}
          onChange={(e) => void props.commander.run("screen.language", { language: e.currentTarget.value || null })}
        >
          <option value="">{t("everyone.screenLanguageNone")}</option>
          <For each={choices()}>
            {(code) => (
              <option value={code} lang={code}>
                {name(code)}
              </option>
            )}
          </For>
        </select>
      </div>
      <p class="muted">{t("everyone.screenLanguageHint")}</p>
    </div>
  );
};

/**
 * Hand out more links while the workshop runs: a co-facilitator's (their own
 * token; it opens the same live console) and a projector's. Each click mints a
 * fresh token through the API; the page never shows its own secret.
 */
import { type Component, createSignal, For } from "solid-js";
import { ApiError } from "../../../lib/api";
import { mintLink } from "../api";
import { CopyLink } from "../CopyLink";
import { ErrorAlert } from "../ErrorAlert";
import { t } from "../i18n";

export const ShareLinks: Component<{ token: string; workshopId: string }> = (props) => {
  const [links, setLinks] = createSignal<{ role: "facilitator" | "screen"; link: string }[]>([]);
  const [error, setError] = createSignal("");
  const mint = async (role: "facilitator" | "screen") => {
    setError("");
    try {
      const minted = await mintLink(props.token, props.workshopId, role);
      setLinks((all) => [...all.filter((l) => l.role !== role), { role, link: minted.link }]);
    } catch (err) {
      setError(t("share.failed", { message: err instanceof ApiError ? err.message : String(err) }));
    }
  };
  return (
    <details class="share-links">
      <summary>{t("share.heading")}</summary>
      <div class="stack">
        <div class="button-row">
          <button type="button" onClick={() => void mint("facilitator")}>
            {t("share.coFacilitator")}
          </button>
          <button type="button" onClick={() => void mint("screen")}>
            {t("share.screen")}
          </button>
        </div>
        <ErrorAlert message={error()} />
        <For each={links()}>
          {(l) => (
            <CopyLink
              label={l.role === "facilitator" ? t("share.coFacilitatorLink") : t("share.screenLink")}
              value={l.link}
              testId={`share-${l.role}`}
            />
          )}
        </For>
      </div>
    </details>
  );
};

/**
 * Everyone counts: how many of a vote's voters or a form's respondents came from paper or
 * a kiosk, beside the results (counts only, never who). Said only when some did, so a
 * phones-only session reads as before.
 */
import { type Component, Show } from "solid-js";
import { t } from "./i18n";
import type { SourcesView } from "./results";

export const SourcesLine: Component<{ sources: SourcesView | undefined }> = (props) => (
  <Show when={props.sources && props.sources.paper + props.sources.kiosk > 0 && props.sources}>
    {(s) => (
      <p class="hint" data-testid="results-sources">
        {t("results.sources", { phone: s().phone, paper: s().paper, kiosk: s().kiosk })}
      </p>
    )}
  </Show>
);

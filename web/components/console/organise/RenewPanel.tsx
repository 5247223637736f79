/**
 * session (#19): "Make new links" asks first. It lists the links it would replace (all ticked;
 * untick to keep one), says the old ones stop working, and sends exactly those token ids: a
 * second click or a replay is refused by the server (409), so links never multiply.
 */
import { type Component, createSignal, For } from "solid-js";
import { ApiError } from "../../../lib/api";
import { ErrorAlert } from "../ErrorAlert";
import { t } from "../i18n";
import { renewLinks, type WorkshopLinksView } from "./api";
import { linkLabel } from "./LinksPanel";

interface Props {
  organiserToken: string;
  workshopId: string;
  title: string;
  view: WorkshopLinksView;
  onRenewed: (view: WorkshopLinksView, count: number) => void;
  onConflict: () => void;
  onCancel: () => void;
}

export const RenewPanel: Component<Props> = (props) => {
  const [ticked, setTicked] = createSignal(new Set(props.view.links.map((l) => l.id)));
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal("");
  const toggle = (id: string, on: boolean) => {
    const next = new Set(ticked());
    if (on) next.add(id);
    else next.delete(id);
    setTicked(next);
  };
  const confirm = async () => {
    const replace = props.view.links.filter((l) => ticked().has(l.id)).map((l) => l.id);
    if (replace.length === 0) return setError(t("organise.renewNone"));
    setError("");
    setBusy(true);
    try {
      props.onRenewed(await renewLinks(props.organiserToken, props.workshopId, replace), replace.length);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) props.onConflict();
      else setError(t("organise.linksFailed", { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  const headingId = `renew-${props.workshopId}`;
  return (
    <section class="renew-panel stack" aria-labelledby={headingId} data-testid="renew-panel">
      <h4 id={headingId} tabindex={-1}>
        {t("organise.renewTitle", { title: props.title })}
      </h4>
      <p>{t("organise.renewHint")}</p>
      <ul>
        <For each={props.view.links}>
          {(link) => (
            <li class="field field--inline">
              <input
                id={`renew-${link.id}`}
                type="checkbox"
                checked={ticked().has(link.id)}
                onChange={(e) => toggle(link.id, e.currentTarget.checked)}
              />
              <label for={`renew-${link.id}`}>{linkLabel(link)}</label>
            </li>
          )}
        </For>
      </ul>
      <ErrorAlert message={error()} />
      <div class="button-row">
        <button type="button" class="danger" disabled={busy()} onClick={() => void confirm()}>
          {busy() ? t("organise.renewing") : t("organise.renewConfirm")}
        </button>
        <button type="button" disabled={busy()} onClick={() => props.onCancel()}>
          {t("common.cancel")}
        </button>
      </div>
    </section>
  );
};

/**
 * /partner#token=… — a partner organisation's page (#15): its own commitments, in its
 * workshop or across its programme, each with a form to post a dated update, and the
 * public follow-up links. The token moves from the fragment to this tab's storage.
 */
import { type Component, Index, onMount, Show } from "solid-js";
import { ConsoleShell } from "../components/console/ConsoleShell";
import { getPartner } from "../components/console/commitments/api";
import { CommitmentItem } from "../components/console/commitments/CommitmentItem";
import { ErrorAlert } from "../components/console/ErrorAlert";
import { t } from "../components/console/i18n";
import { NoAccess } from "../components/console/NoAccess";
import { ApiError } from "../lib/api";
import { createResource } from "../lib/async";
import { takeFragmentToken } from "../lib/fragment-token";

const Partner: Component = () => {
  const token = takeFragmentToken("partner");
  onMount(() => {
    document.title = t("partner.pageTitle");
  });
  return (
    <Show when={token} fallback={<NoAccess title={t("partner.heading")} />}>
      {(secret) => <PartnerCommitments token={secret()} />}
    </Show>
  );
};

const PartnerCommitments: Component<{ token: string }> = (props) => {
  const [view, { refetch }] = createResource(() => props.token, getPartner);
  // Reading a failed resource throws: read it only when it has not failed.
  const data = () => (view.error ? undefined : view());
  return (
    <ConsoleShell
      title={t("partner.heading")}
      subtitle={data() ? t("partner.for", { organisation: data()?.organisation ?? "" }) : undefined}
    >
      <div class="stack">
        <p>{t("partner.intro")}</p>
        <ErrorAlert
          message={
            view.error &&
            t("partner.failed", { message: view.error instanceof ApiError ? view.error.message : String(view.error) })
          }
        />
        <Show when={view.loading && !data()}>
          <p role="status">{t("common.loading")}</p>
        </Show>
        <Index each={data()?.workshops ?? []}>
          {(w) => (
            <section class="stack" aria-labelledby={`w-${w().id}`}>
              <h2 id={`w-${w().id}`} dir="auto">
                {w().title}
              </h2>
              <p>
                <a href={w().followUp}>{t("partner.followUp")}</a>
              </p>
              <Show when={w().commitments.length > 0} fallback={<p>{t("partner.none")}</p>}>
                <ul class="commitment-list">
                  {/* <Index>: after an update the list reloads, and each item (with its "posted" status) stays. */}
                  <Index each={w().commitments}>
                    {(c) => <CommitmentItem token={props.token} commitment={c()} onSaved={() => void refetch()} />}
                  </Index>
                </ul>
              </Show>
            </section>
          )}
        </Index>
      </div>
    </ConsoleShell>
  );
};

export default Partner;

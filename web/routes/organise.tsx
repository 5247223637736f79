/**
 * /organise#token=… — the organiser's page: their workshops, and a form to create
 * one that ends with the four links and the participant QR code. The secret moves
 * from the fragment to this tab's sessionStorage at once.
 */
import { type Component, createSignal, onMount, Show } from "solid-js";
import { type CreatedWorkshop, listWorkshops } from "../components/console/api";
import { ConsoleShell } from "../components/console/ConsoleShell";
import { OverdueList } from "../components/console/commitments/OverdueList";
import { t } from "../components/console/i18n";
import { HandoutHost } from "../components/console/organise/Handout";
import { NewWorkshopForm } from "../components/console/organise/NewWorkshopForm";
import { Programmes } from "../components/console/organise/Programmes";
import { WorkshopLinks } from "../components/console/organise/WorkshopLinks";
import { WorkshopList } from "../components/console/organise/WorkshopList";
import { SecretForm } from "../components/console/SecretForm";
import { createResource } from "../lib/async";
import { takeFragmentToken } from "../lib/fragment-token";
import { session } from "../lib/storage";

const SCOPE = "organise";

const Organise: Component = () => {
  const [token, setToken] = createSignal<string | null>(takeFragmentToken(SCOPE));
  onMount(() => {
    document.title = t("organise.pageTitle");
  });
  const useSecret = (secret: string) => {
    session.setItem(`coproduce:token:${SCOPE}`, secret);
    setToken(secret);
  };
  return (
    <ConsoleShell title={t("organise.heading")}>
      <Show when={token()} fallback={<SecretForm onSubmit={useSecret} />}>
        {(secret) => <OrganiseWorkshops token={secret()} />}
      </Show>
    </ConsoleShell>
  );
};

const OrganiseWorkshops: Component<{ token: string }> = (props) => {
  const [workshops, { refetch }] = createResource(() => props.token, listWorkshops);
  const [created, setCreated] = createSignal<{ workshop: CreatedWorkshop; title: string; date: string | null } | null>(
    null,
  );
  const onCreated = (workshop: CreatedWorkshop, title: string, date: string | null) => {
    setCreated({ workshop, title, date });
    void refetch();
    // Move focus to the new links so keyboard and screen-reader users land on them.
    queueMicrotask(() => document.getElementById("links-title")?.focus());
  };
  return (
    <div class="organise-layout">
      <div class="stack">
        <Show when={created()}>
          {(c) => <WorkshopLinks workshop={c().workshop} title={c().title} date={c().date} />}
        </Show>
        <NewWorkshopForm organiserToken={props.token} onCreated={onCreated} />
      </div>
      <div class="stack">
        {/* Co-delivery (#15): reminders of overdue commitments. */}
        <OverdueList organiserToken={props.token} />
        <WorkshopList organiserToken={props.token} workshops={workshops} onChanged={() => void refetch()} />
        {/* session (#19): programmes, filled from here */}
        <Programmes
          organiserToken={props.token}
          workshops={workshops.error ? [] : (workshops() ?? [])}
          onChanged={() => void refetch()}
        />
      </div>
      {/* session (#19): the one-page handout being previewed (and printed alone) */}
      <HandoutHost />
    </div>
  );
};

export default Organise;

/**
 * `/j/:joinCode`: what the workshop is, then an optional name, a stakeholder group
 * and consent; joining stores the participant's token on this phone and opens the room.
 */
import { type Component, createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import type { RouteProps } from "../app";
import { TopBar } from "../components/participant/TopBar";
import { ApiError, getJoinInfo, type JoinInfo, joinWorkshop } from "../lib/api";
import { createResource, lazy } from "../lib/async";
import { groupLabel } from "../lib/groups";
import { initLanguage, language, t } from "../lib/i18n";
import { handOverTicket } from "../lib/room/ticket";
import { navigate } from "../lib/router";
import { loadParticipant, saveParticipant } from "../lib/storage";
import "../styles/participant.css";

// A shared phone (safety #12): loaded on demand, it offers to leave what a previous person left here.
const LeaveDeviceOffer = lazy(() => import("../components/participant/LeaveDeviceOffer"));

const Join: Component<RouteProps> = (props) => {
  const code = () => (props.params.joinCode ?? "").toUpperCase();
  const [info, { refetch }] = createResource(code, async (joinCode) => {
    const found = await getJoinInfo(joinCode);
    void initLanguage(found.language);
    return found;
  });
  onMount(() => {
    document.title = `${t("landing.title")} · ${t("app.name")}`;
  });

  const problem = (): string => {
    const error: unknown = info.error;
    if (error instanceof ApiError) {
      if (error.status === 404) return t("join.notFound", { code: code() });
      if (error.status === 429) return t("join.tooMany");
    }
    return t("join.failed");
  };

  return (
    <>
      <TopBar />
      <main class="page stack" id="main">
        <Switch>
          <Match when={info.loading}>
            <p role="status">{t("join.loading")}</p>
          </Match>
          <Match when={info.error}>
            <h1>{t("landing.title")}</h1>
            <p class="notice bad" role="alert">
              {problem()}
            </p>
            <p class="row">
              <Show when={!(info.error instanceof ApiError && info.error.status === 404)}>
                <button type="button" class="primary" onClick={() => void refetch()}>
                  {t("common.tryAgain")}
                </button>
              </Show>
              <a class="button" href="/">
                {t("join.enterAnother")}
              </a>
            </p>
          </Match>
          <Match when={info()}>{(found) => <JoinForm info={found()} code={code()} />}</Match>
        </Switch>
      </main>
    </>
  );
};

const JoinForm: Component<{ info: JoinInfo; code: string }> = (props) => {
  const [name, setName] = createSignal("");
  const [group, setGroup] = createSignal<string | null>(null);
  const [table, setTable] = createSignal("");
  const [consent, setConsent] = createSignal(false);
  const [errors, setErrors] = createSignal<{ group?: string; consent?: string; form?: string }>({});
  const [busy, setBusy] = createSignal(false);
  const existing = () => loadParticipant(props.info.workshopId);
  let groupFirst: HTMLInputElement | undefined;
  let consentBox: HTMLInputElement | undefined;
  // While the person reads and fills the form, fetch the room's code (and the activity views)
  // so "Join" waits only for the network round trips it needs (issue #17: cards ≤ 2 s after Join).
  onMount(() => {
    void import("./participant")
      .then((room) => room.preloadActivities())
      .catch(() => {
        // Offline or a failed fetch: the room page loads what it needs itself.
      });
  });

  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const chosen = group();
    const found: { group?: string; consent?: string } = {};
    if (!chosen) found.group = t("join.groupRequired");
    if (!consent()) found.consent = t("join.consentRequired");
    setErrors(found);
    if (found.group) return groupFirst?.focus();
    if (found.consent || !chosen) return consentBox?.focus();
    setBusy(true);
    try {
      const trimmed = name().trim();
      const joined = await joinWorkshop(props.code, {
        group: chosen,
        consent: true,
        ...(trimmed ? { name: trimmed } : {}),
        ...(table() ? { table: table() } : {}),
      });
      saveParticipant(joined.workshopId, {
        token: joined.token,
        participantId: joined.participantId,
        title: props.info.title,
      });
      if (joined.ticket) handOverTicket(joined.token, joined.ticket);
      navigate(`/w/${joined.workshopId}`, { replace: true });
    } catch (error) {
      const message =
        error instanceof ApiError && error.status === 409
          ? t("join.closed")
          : error instanceof ApiError && error.status === 429
            ? t("join.tooMany")
            : error instanceof ApiError && error.status === 400
              ? error.message
              : t("join.failed");
      setErrors({ form: message });
      setBusy(false);
    }
  };

  // Everyone counts: the organiser's own words in this phone's language, the consent text above all.
  const inMyLanguage = (what: "consent" | "purpose" | "title") => props.info.translations[language()]?.[what] ?? null;
  return (
    <div class="stack">
      <h1>{t("join.heading", { title: inMyLanguage("title") ?? props.info.title })}</h1>
      <Show when={props.info.purpose}>
        <section aria-labelledby="purpose-heading">
          <h2 id="purpose-heading" class="small-heading">
            {t("join.purpose")}
          </h2>
          <p class="purpose" dir="auto">
            {inMyLanguage("purpose") ?? props.info.purpose}
          </p>
        </section>
      </Show>
      <Show when={props.info.status === "closed"}>
        <p class="notice warn">{t("join.closed")}</p>
      </Show>
      <Show when={existing()}>
        <div class="notice ok">
          <p>{t("join.alreadyJoined")}</p>
          <a class="button primary" href={`/w/${props.info.workshopId}`}>
            {t("join.continue")}
          </a>
        </div>
      </Show>
      <LeaveDeviceOffer workshopId={props.info.workshopId} code={props.code} joined={existing() !== null} />
      <form class="stack" onSubmit={(event) => void submit(event)} novalidate>
        <div class="field">
          <label for="join-name">
            {t("join.nameLabel")} <span class="hint">{t("common.optional")}</span>
          </label>
          <span class="hint" id="join-name-help">
            {t("join.nameHelp")}
          </span>
          <input
            id="join-name"
            type="text"
            autocomplete="nickname"
            maxlength={60}
            value={name()}
            onInput={(event) => setName(event.currentTarget.value)}
            aria-describedby="join-name-help"
          />
        </div>
        <fieldset
          class="field"
          aria-describedby={errors().group ? "join-group-help join-group-error" : "join-group-help"}
        >
          <legend>{t("join.groupLegend")}</legend>
          <span class="hint" id="join-group-help">
            {t("join.groupHelp")}
          </span>
          <For each={props.info.groups}>
            {(g, index) => (
              <label class="choice">
                <input
                  ref={(el) => {
                    if (index() === 0) groupFirst = el;
                  }}
                  type="radio"
                  name="group"
                  value={g.id}
                  checked={group() === g.id}
                  onChange={() => {
                    setGroup(g.id);
                    setErrors((e) => ({ ...e, group: undefined }));
                  }}
                />
                <span>{groupLabel(g.id, props.info.groups)}</span>
              </label>
            )}
          </For>
          <Show when={errors().group}>
            <p class="field-error" id="join-group-error" role="alert">
              {errors().group}
            </p>
          </Show>
        </fieldset>
        <Show when={props.info.tables.length > 0}>
          <div class="field">
            <label for="join-table">{t("join.tableLegend")}</label>
            <span class="hint" id="join-table-help">
              {t("join.tableHelp")}
            </span>
            <select
              id="join-table"
              value={table()}
              onChange={(event) => setTable(event.currentTarget.value)}
              aria-describedby="join-table-help"
            >
              <option value="">{t("join.tableNone")}</option>
              <For each={props.info.tables}>
                {(tb) => (
                  <option value={tb.id} dir="auto">
                    {tb.label}
                  </option>
                )}
              </For>
            </select>
          </div>
        </Show>
        <section class="consent" aria-labelledby="consent-heading">
          <h2 id="consent-heading" class="small-heading">
            {t("join.consentHeading")}
          </h2>
          <p id="consent-text" dir="auto">
            {inMyLanguage("consent") ?? (props.info.consentText || t("join.consentDefault"))}
          </p>
          <label class="choice">
            <input
              ref={consentBox}
              type="checkbox"
              checked={consent()}
              onChange={(event) => {
                setConsent(event.currentTarget.checked);
                setErrors((e) => ({ ...e, consent: undefined }));
              }}
              aria-describedby={errors().consent ? "consent-text join-consent-error" : "consent-text"}
              aria-invalid={errors().consent ? "true" : undefined}
            />
            <span>{t("join.consentLabel")}</span>
          </label>
          <Show when={errors().consent}>
            <p class="field-error" id="join-consent-error" role="alert">
              {errors().consent}
            </p>
          </Show>
        </section>
        <Show when={errors().form}>
          <p class="notice bad" role="alert">
            {errors().form}
          </p>
        </Show>
        <button type="submit" class="primary full" disabled={busy()}>
          {busy() ? t("join.joining") : t("join.submit")}
        </button>
      </form>
    </div>
  );
};

export default Join;

/**
 * Create a workshop: title, purpose, date, stakeholder groups, consent text, names
 * shown or not, default language, template and how long outputs are kept.
 * A failed request keeps everything typed, and says why.
 */
import { type Component, createSignal, For, Show } from "solid-js";
import type { StakeholderGroup } from "../../../../party/model/commands";
import { DEFAULT_GROUPS } from "../../../../party/model/default-groups";
import { ApiError } from "../../../lib/api";
import { createResource } from "../../../lib/async";
import { LANGUAGES } from "../../../lib/i18n";
import { type CreatedWorkshop, createWorkshop, listTemplates } from "../api";
import { ErrorAlert } from "../ErrorAlert";
import { Field, LanguageOptions } from "../fields";
import { t } from "../i18n";
import { GroupsEditor } from "./GroupsEditor";

interface Props {
  organiserToken: string;
  onCreated: (workshop: CreatedWorkshop, title: string, date: string | null) => void;
}

export const NewWorkshopForm: Component<Props> = (props) => {
  const [templates] = createResource(listTemplates);
  const [groups, setGroups] = createSignal<StakeholderGroup[]>(DEFAULT_GROUPS.map((g) => ({ ...g })));
  // Until the organiser edits the groups, the server picks them: the defaults plus the template's own.
  const [groupsEdited, setGroupsEdited] = createSignal(false);
  const editGroups = (next: StakeholderGroup[]) => {
    setGroupsEdited(true);
    setGroups(next);
  };
  const [error, setError] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [templateId, setTemplateId] = createSignal("");
  const [purpose, setPurpose] = createSignal("");
  const chosen = () => templates()?.find((tpl) => tpl.id === templateId());
  const pickTemplate = (id: string) => {
    const previous = chosen();
    setTemplateId(id);
    // Offer the template's purpose, unless the organiser has written their own.
    if (!purpose().trim() || purpose() === previous?.purpose) setPurpose(chosen()?.purpose ?? "");
    if (!groupsEdited()) {
      const extra = (chosen()?.stakeholderGroups ?? []).filter((g) => !DEFAULT_GROUPS.some((d) => d.id === g.id));
      setGroups([...DEFAULT_GROUPS.map((g) => ({ ...g })), ...extra]);
    }
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const title = text("title");
    const cleanGroups = groups()
      .map((g) => ({ id: g.id, label: g.label.trim() }))
      .filter((g) => g.label);
    if (!title) return setError(t("organise.errorTitle"));
    if (cleanGroups.length === 0) return setError(t("organise.errorGroups"));
    setError("");
    setBusy(true);
    try {
      const created = await createWorkshop(props.organiserToken, {
        title,
        purpose: text("purpose"),
        ...(text("template") ? { template: text("template") } : {}),
        ...(text("date") ? { scheduledFor: text("date") } : {}),
        ...(groupsEdited() ? { stakeholderGroups: cleanGroups } : {}),
        consentText: text("consent") || t("organise.consentDefault"),
        showNames: data.get("showNames") === "on",
        language: text("language") || "en",
        retentionDays: Number(text("retention")) || 365,
      });
      props.onCreated(created, title, text("date") || null);
      // A fresh form: a second click must not create the same workshop again.
      form.reset();
      setTemplateId("");
      setPurpose("");
      setGroupsEdited(false);
      setGroups(DEFAULT_GROUPS.map((g) => ({ ...g })));
    } catch (err) {
      setError(err instanceof ApiError ? t("organise.errorCreate", { message: err.message }) : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack new-workshop" onSubmit={submit} aria-labelledby="new-workshop-title" novalidate>
      <h2 id="new-workshop-title">{t("organise.newTitle")}</h2>
      <Field id="ws-title" label={t("organise.title")}>
        <input id="ws-title" name="title" type="text" required maxLength={200} autocomplete="off" />
      </Field>
      <Field id="ws-purpose" label={t("organise.purpose")}>
        <textarea
          id="ws-purpose"
          name="purpose"
          rows={3}
          maxLength={1000}
          value={purpose()}
          onInput={(e) => setPurpose(e.currentTarget.value)}
        />
      </Field>
      <Field id="ws-date" label={t("organise.date")}>
        <input id="ws-date" name="date" type="date" />
      </Field>
      <div class="field">
        <label for="ws-template">{t("organise.template")}</label>
        <select
          id="ws-template"
          name="template"
          aria-describedby="ws-template-hint"
          onChange={(e) => pickTemplate(e.currentTarget.value)}
        >
          <option value="">{t("organise.templateNone")}</option>
          <For each={templates() ?? []}>{(tpl) => <option value={tpl.id}>{tpl.title}</option>}</For>
        </select>
        <p id="ws-template-hint" class="hint">
          <Show when={!templates.error} fallback={t("organise.templatesFailed")}>
            {chosen()?.description || t("organise.templateHint")}
          </Show>
        </p>
        <Show when={(chosen()?.activities.length ?? 0) > 0}>
          <section class="template-agenda" aria-labelledby="ws-agenda-title" data-testid="template-agenda">
            <h3 id="ws-agenda-title">{t("organise.agendaPreview")}</h3>
            <ol>
              <For each={chosen()?.activities}>
                {(a) => (
                  <li>
                    {a.title} <span class="hint">({t(`kind.${a.kind}` as "kind.map")})</span>
                  </li>
                )}
              </For>
            </ol>
          </section>
        </Show>
      </div>
      <GroupsEditor groups={groups()} onChange={editGroups} />
      <Field id="ws-consent" label={t("organise.consent")}>
        <textarea id="ws-consent" name="consent" rows={4} maxLength={4000} value={t("organise.consentDefault")} />
      </Field>
      <div class="field field--inline">
        <input id="ws-names" name="showNames" type="checkbox" />
        <label for="ws-names">{t("organise.showNames")}</label>
      </div>
      <Field id="ws-language" label={t("organise.language")}>
        <select id="ws-language" name="language">
          <LanguageOptions languages={LANGUAGES} />
        </select>
      </Field>
      <Field id="ws-retention" label={t("organise.retention")} hint={t("organise.retentionHint")}>
        <input
          id="ws-retention"
          name="retention"
          type="number"
          min={1}
          max={3650}
          value={365}
          aria-describedby="ws-retention-hint"
        />
      </Field>
      <ErrorAlert message={error()} />
      <button type="submit" class="primary" disabled={busy()}>
        {busy() ? t("organise.creating") : t("organise.create")}
      </button>
    </form>
  );
};

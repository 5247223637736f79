/**
 * A workshop's commitments for its facilitator or the organiser (#15): the list with
 * updates, a form to record a new one answering the revealed priorities, partner links
 * and the public follow-up link.
 */
import { type Component, createSignal, For, Index, Show } from "solid-js";
import type { StakeholderGroup } from "../../../../party/model/commands";
import type { FollowUp } from "../../../../party/model/followup";
import { ApiError } from "../../../lib/api";
import { createResource } from "../../../lib/async";
import { CopyLink } from "../CopyLink";
import { ErrorAlert } from "../ErrorAlert";
import { Field, TextField } from "../fields";
import { groupLabel } from "../groups";
import { t } from "../i18n";
import { createCommitment, getFollowUp, listCommitments, mintPartnerLink } from "./api";
import { CommitmentItem } from "./CommitmentItem";
import { FormEnd } from "./FormEnd";

interface Props {
  token: string;
  workshopId: string;
  joinCode: string;
}

const describe = (err: unknown) => (err instanceof ApiError ? err.message : String(err));

export const CommitmentsPanel: Component<Props> = (props) => {
  const [list, { refetch }] = createResource(
    () => [props.token, props.workshopId] as const,
    ([token, id]) => listCommitments(token, id),
  );
  const [followUp] = createResource(() => props.joinCode, getFollowUp);
  // Reading a failed resource throws: without the follow-up, there is just nothing to link to.
  const published = () => (followUp.error ? undefined : followUp());
  const groups = () => published()?.workshop.groups;
  return (
    <section class="stack commitments" aria-labelledby={`commitments-${props.workshopId}`}>
      <h3 id={`commitments-${props.workshopId}`}>{t("commitments.title")}</h3>
      <p>{t("commitments.intro")}</p>
      <CopyLink label={t("commitments.followUp")} value={`${location.origin}/f/${props.joinCode}`} />
      <Show
        when={!list.error}
        fallback={<ErrorAlert message={t("commitments.failed", { message: describe(list.error) })} />}
      >
        <Show
          when={(list() ?? []).length > 0}
          fallback={<p>{list.loading ? t("common.loading") : t("commitments.empty")}</p>}
        >
          <ul class="commitment-list">
            {/* <Index>: after an update the list reloads, and each item (with its "posted" status) stays. */}
            <Index each={list()}>
              {(c) => (
                <CommitmentItem token={props.token} commitment={c()} groups={groups()} onSaved={() => void refetch()} />
              )}
            </Index>
          </ul>
        </Show>
      </Show>
      <NewCommitment
        token={props.token}
        workshopId={props.workshopId}
        joinCode={props.joinCode}
        groups={groups()}
        priorities={published()?.priorities ?? []}
        onCreated={() => void refetch()}
      />
      <PartnerLinks token={props.token} workshopId={props.workshopId} />
    </section>
  );
};

type Priorities = FollowUp["priorities"];

const NewCommitment: Component<
  Props & { priorities: Priorities; groups: readonly StakeholderGroup[] | undefined; onCreated: () => void }
> = (props) => {
  const [title, setTitle] = createSignal("");
  const [description, setDescription] = createSignal("");
  const [organisation, setOrganisation] = createSignal("");
  const [due, setDue] = createSignal("");
  const [picked, setPicked] = createSignal<string[]>([]);
  const [error, setError] = createSignal("");
  const [done, setDone] = createSignal("");
  const dueId = `due-${props.workshopId}`;
  const toggle = (key: string, on: boolean) => setPicked((all) => (on ? [...all, key] : all.filter((k) => k !== key)));
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError("");
    setDone("");
    try {
      await createCommitment(props.token, props.workshopId, {
        title: title(),
        description: description(),
        owner: { organisation: organisation() },
        due: due() || null,
        from: picked().map((key) => {
          const [activityId = "", optionId = ""] = key.split("/");
          return { activityId, optionId };
        }),
      });
      setTitle("");
      setDescription("");
      setPicked([]);
      setDone(t("commitments.created"));
      props.onCreated();
    } catch (err) {
      setError(t("commitments.failed", { message: describe(err) }));
    }
  };
  return (
    <form class="stack commitment-new" onSubmit={submit}>
      <h4>{t("commitments.new")}</h4>
      <TextField label={t("commitments.field.title")} value={title()} onInput={setTitle} required />
      <TextField label={t("commitments.field.description")} value={description()} onInput={setDescription} multiline />
      <OrganisationField value={organisation()} onInput={setOrganisation} />
      <Field id={dueId} label={t("commitments.field.due")}>
        <input id={dueId} type="date" value={due()} onInput={(e) => setDue(e.currentTarget.value)} />
      </Field>
      <fieldset>
        <legend>{t("commitments.answers")}</legend>
        <Show when={props.priorities.length > 0} fallback={<p>{t("commitments.noPriorities")}</p>}>
          <For each={props.priorities}>
            {(vote) => (
              <For each={vote.top}>
                {(p) => {
                  const key = `${p.activityId}/${p.optionId}`;
                  const id = `pick-${props.workshopId}-${key.replace(/[^A-Za-z0-9_-]/g, "_")}`;
                  return (
                    <div class="choice">
                      <input
                        id={id}
                        type="checkbox"
                        checked={picked().includes(key)}
                        onChange={(e) => toggle(key, e.currentTarget.checked)}
                      />
                      <label for={id}>
                        {vote.title} #{p.rank}: <span dir="auto">{p.label}</span>
                        <Show when={p.originGroups.length > 0}>
                          {" "}
                          (
                          {t("commitments.raisedBy", {
                            groups: p.originGroups.map((g) => groupLabel(props.groups ?? [], g)).join(", "),
                          })}
                          )
                        </Show>
                      </label>
                    </div>
                  );
                }}
              </For>
            )}
          </For>
        </Show>
      </fieldset>
      <FormEnd label={t("commitments.create")} error={error()} done={done()} />
    </form>
  );
};

/** The owning organisation of a commitment (or a partner link's): required, at most 100 characters. */
const OrganisationField: Component<{ value: string; onInput: (value: string) => void }> = (props) => (
  <TextField
    label={t("commitments.field.organisation")}
    value={props.value}
    onInput={props.onInput}
    maxLength={100}
    required
  />
);

const PartnerLinks: Component<{ token: string; workshopId: string }> = (props) => {
  const [organisation, setOrganisation] = createSignal("");
  const [links, setLinks] = createSignal<{ organisation: string; link: string }[]>([]);
  const [error, setError] = createSignal("");
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError("");
    try {
      const minted = await mintPartnerLink(props.token, props.workshopId, organisation());
      setLinks((all) => [...all, minted]);
      setOrganisation("");
    } catch (err) {
      setError(t("commitments.failed", { message: describe(err) }));
    }
  };
  return (
    <form class="stack" onSubmit={submit}>
      <h4>{t("commitments.partnerTitle")}</h4>
      <p class="hint">{t("commitments.partnerHint")}</p>
      <OrganisationField value={organisation()} onInput={setOrganisation} />
      <div class="button-row">
        <button type="submit">{t("commitments.partnerCreate")}</button>
      </div>
      <ErrorAlert message={error()} />
      <For each={links()}>
        {(l) => <CopyLink label={t("commitments.partnerLinkFor", { organisation: l.organisation })} value={l.link} />}
      </For>
    </form>
  );
};

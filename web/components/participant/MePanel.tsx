/**
 * "You": change the name others may see or the group, and remove everything I
 * contributed (me.withdraw), behind a second, explicit confirmation. The body of the
 * "You" section (MeDetails.tsx): it loads the first time the person opens the section,
 * so the phone's first screen does not carry it.
 */
import { type Component, createEffect, createSignal, For, on, Show } from "solid-js";
import { groupLabel } from "../../lib/groups";
import { t } from "../../lib/i18n";
import { CommandStatus } from "./CommandStatus";
import { useRoom } from "./context";

export const MePanelBody: Component<{ open: boolean; onWithdrawn: () => void }> = (props) => {
  const { room, me, workshop } = useRoom();
  const [name, setName] = createSignal(me()?.name ?? "");
  const [group, setGroup] = createSignal(me()?.group ?? "");
  const [updateId, setUpdateId] = createSignal<string | null>(null);
  const [confirming, setConfirming] = createSignal(false);
  const [withdrawId, setWithdrawId] = createSignal<string | null>(null);

  const update = (event: SubmitEvent): void => {
    event.preventDefault();
    const current = me();
    const args: { name?: string; group?: string } = {};
    if (name().trim() && name().trim() !== current?.name) args.name = name().trim();
    if (group() && group() !== current?.group) args.group = group();
    if (Object.keys(args).length === 0) return;
    setUpdateId(room.send("me.update", args).id);
  };
  const withdraw = async (): Promise<void> => {
    const sent = room.send("me.withdraw", {});
    setWithdrawId(sent.id);
    const outcome = await sent.outcome;
    if (outcome.ok) props.onWithdrawn();
  };

  // Each time the section opens, the form starts from who I am now.
  createEffect(
    on(
      () => props.open,
      (open) => {
        if (!open) return;
        setName(me()?.name ?? "");
        setGroup(me()?.group ?? "");
      },
    ),
  );

  return (
    <>
      <form class="stack" onSubmit={update}>
        <div class="field">
          <label for="me-name">{t("me.nameLabel")}</label>
          <input
            id="me-name"
            type="text"
            maxlength={60}
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <fieldset class="field">
          <legend>{t("me.groupLabel")}</legend>
          <For each={workshop()?.groups ?? []}>
            {(g) => (
              <label class="choice">
                <input
                  type="radio"
                  name="me-group"
                  value={g.id}
                  checked={group() === g.id}
                  onChange={() => setGroup(g.id)}
                />
                <span>{groupLabel(g.id, workshop()?.groups)}</span>
              </label>
            )}
          </For>
        </fieldset>
        <div class="row">
          <button type="submit" class="primary">
            {t("me.update")}
          </button>
          <CommandStatus id={updateId()} />
        </div>
      </form>
      <section class="stack withdraw" aria-labelledby="withdraw-heading">
        <h2 id="withdraw-heading">{t("me.withdrawHeading")}</h2>
        <p>{t("me.withdrawBody")}</p>
        <Show
          when={confirming()}
          fallback={
            <button type="button" class="danger" onClick={() => setConfirming(true)}>
              {t("me.withdraw")}
            </button>
          }
        >
          <div class="row">
            <button type="button" class="danger primary" onClick={() => void withdraw()}>
              {t("me.withdrawConfirm")}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </Show>
        <CommandStatus id={withdrawId()} />
      </section>
    </>
  );
};

/** Posting a dated update on one commitment (facilitator, organiser or the owning partner). */
import { type Component, createSignal } from "solid-js";
import { COMMITMENT_STATUSES, type CommitmentStatus, type CommitmentView } from "../../../../party/model/followup";
import { ApiError } from "../../../lib/api";
import { NumberField, SelectField, TextField } from "../fields";
import { t } from "../i18n";
import { clientId, postUpdate } from "./api";
import { FormEnd } from "./FormEnd";
import { statusLabel } from "./labels";

export const UpdateForm: Component<{ token: string; commitment: CommitmentView; onSaved: () => void }> = (props) => {
  const [status, setStatus] = createSignal<CommitmentStatus>(props.commitment.status);
  const [progress, setProgress] = createSignal(props.commitment.progress);
  const [note, setNote] = createSignal("");
  const [error, setError] = createSignal("");
  const [done, setDone] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  // One id per update typed: pressing "Post" again after a dropped answer cannot post it twice.
  let pendingId = clientId();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setError("");
    setDone("");
    setBusy(true);
    try {
      await postUpdate(props.token, props.commitment.id, {
        status: status(),
        progress: progress(),
        note: note(),
        clientId: pendingId,
      });
      pendingId = clientId();
      setNote("");
      setDone(t("commitments.sent"));
      props.onSaved();
    } catch (err) {
      setError(t("commitments.failed", { message: err instanceof ApiError ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack commitment-update" onSubmit={submit} aria-label={t("commitments.update")}>
      <SelectField
        label={t("commitments.field.status")}
        value={status()}
        onChange={setStatus}
        options={COMMITMENT_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
      />
      <NumberField label={t("commitments.field.progress")} value={progress()} onInput={setProgress} min={0} max={100} />
      <TextField
        label={t("commitments.field.note")}
        hint={t("commitments.field.noteHint")}
        value={note()}
        onInput={setNote}
        multiline
        maxLength={2000}
        required
      />
      <FormEnd label={t("commitments.send")} busy={busy()} error={error()} done={done()} />
    </form>
  );
};

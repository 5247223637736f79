/** The end of a commitments form: its submit button, then what went wrong or what was done, announced. */
import type { Component } from "solid-js";
import { ErrorAlert } from "../ErrorAlert";

export const FormEnd: Component<{ label: string; busy?: boolean; error: string; done: string }> = (props) => (
  <>
    <div class="button-row">
      <button type="submit" class="primary" disabled={props.busy}>
        {props.label}
      </button>
    </div>
    <ErrorAlert message={props.error} />
    <p role="status">{props.done}</p>
  </>
);

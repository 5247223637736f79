import { type Component, Show } from "solid-js";

/** A message that screen readers announce as soon as it appears; nothing while there is none. */
export const ErrorAlert: Component<{ message: string | null | undefined | false }> = (props) => (
  <Show when={props.message}>
    <p class="error" role="alert">
      {props.message}
    </p>
  </Show>
);

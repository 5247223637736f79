/**
 * Sending facilitator commands with feedback: each command goes through the room
 * client's durable queue, and a refusal (or a command the room never answers while
 * offline) becomes a visible, announced message rather than a silent no-op.
 */
import { createSignal } from "solid-js";
import type { CommandArgs, CommandName } from "../../../party/model/commands";
import type { CommandOutcome, Room } from "../../lib/room";
import { t } from "./i18n";

export interface Commander {
  run<N extends CommandName>(name: N, args: CommandArgs<N>): Promise<CommandOutcome>;
  error: () => string;
  busy: () => boolean;
  clearError: () => void;
}

export function createCommander(room: Room): Commander {
  const [error, setError] = createSignal("");
  const [inFlight, setInFlight] = createSignal(0);
  return {
    async run(name, args) {
      setError("");
      setInFlight((n) => n + 1);
      try {
        const outcome = await room.send(name, args).outcome;
        if (!outcome.ok) setError(t("command.refused", { command: name, message: outcome.error.message }));
        return outcome;
      } finally {
        setInFlight((n) => n - 1);
      }
    },
    error,
    busy: () => inFlight() > 0,
    clearError: () => setError(""),
  };
}

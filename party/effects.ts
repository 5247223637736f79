/**
 * The private side of an accepted command's effects: what the room keeps in its
 * own storage (never in the doc), written inside the command's transaction.
 * Messages and departures that reach sockets are handled by the room after commit.
 */
import type { Effect } from "./model/apply";
import type { RoomStorage } from "./storage";

export function storeEffects(store: RoomStorage, effects: readonly Effect[], at: number): void {
  const priv = store.priv;
  for (const effect of effects) {
    switch (effect.kind) {
      case "ballot.put":
        priv.putAnswer("ballot", effect, effect.ballot, at);
        break;
      case "feedback.put":
        priv.putAnswer("feedback", effect, effect.answers, at);
        break;
      case "ballot.delete":
      case "feedback.delete":
        priv.deleteAnswers(
          effect.kind === "ballot.delete" ? "ballot" : "feedback",
          effect.participantId,
          effect.activityId,
        );
        break;
      case "respondent.put":
        priv.putRespondent(effect.id, effect.source, effect.group, effect.table, at);
        break;
      case "silentCard.put":
        priv.putSilentCard(effect.card);
        break;
      case "silentCard.delete":
        priv.deleteSilentCard(effect.cardId);
        break;
      case "moderated.put":
        priv.putModeratedText(effect.cardId, effect.text);
        break;
      case "moderated.delete":
        priv.deleteModeratedText(effect.cardId);
        break;
      case "participant.removed":
        store.markDeparted(effect.participantId, effect.reason, at);
        // Withdrawing takes a person's words back, from the room's own log too.
        if (effect.reason === "withdrawn") store.scrubArgsOf(effect.participantId);
        break;
      case "result.saved":
      case "private":
        // result.saved only concerns D1 (mirror.ts); private messages are sent after commit.
        break;
    }
  }
}

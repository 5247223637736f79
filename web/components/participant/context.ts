/** The room and the person using it, for every component on the participant page. */
import { type Accessor, createContext, useContext } from "solid-js";
import type { Participant, WorkshopInfo } from "../../../party/model/doc";
import type { Room } from "../../lib/room";

export interface ParticipantContext {
  room: Room;
  participantId: string;
  /** my entry in the doc (name, group), once the room has it */
  me: Accessor<Participant | null>;
  workshop: Accessor<WorkshopInfo | null>;
}

export const RoomContext = createContext<ParticipantContext>();

export function useRoom(): ParticipantContext {
  const context = useContext(RoomContext);
  if (!context) throw new Error("useRoom() outside the participant room");
  return context;
}

/**
 * The session issue #19 was found in, as a scene tests (and a person taking
 * screenshots) can build on a running app: the journey-map template with nine
 * phones (one in Urdu), thirteen cards with long words and comments, the map open.
 */

import { roots } from "../../../party/model/doc";
import { type CreatedWorkshop, createWorkshop, joinAsParticipant } from "../../../scripts/lib/api";
import { connectRoom, type RoomClient } from "../../../scripts/lib/room-client";

export const PEOPLE = [
  { name: "Amira", group: "community" },
  { name: "Dev", group: "community" },
  { name: "Jo", group: "community" },
  { name: "Nasreen", group: "community" },
  { name: "Priya", group: "voluntary" },
  { name: "Tom", group: "voluntary" },
  { name: "Dr Lee", group: "statutory" },
  { name: "Ruth", group: "statutory" },
  { name: "Sam", group: "statutory" },
] as const;

/** Thirteen cards over the five lanes, some long, so layouts meet real text. */
export const CARDS: { lane: string; kind: string; text: string }[] = [
  { lane: "first-contact", kind: "felt-hard", text: "Waited forty minutes on hold to 111 before anyone answered" },
  { lane: "first-contact", kind: "felt-good", text: "The receptionist called me back the same afternoon" },
  { lane: "first-contact", kind: "idea", text: "A text message saying where I am in the queue" },
  { lane: "referral", kind: "felt-hard", text: "The referral letter went to my old address twice" },
  { lane: "referral", kind: "idea", text: "Let me check my referral online, in Urdu" },
  { lane: "waiting", kind: "felt-hard", text: "Nobody told me how long the wait would be" },
  { lane: "waiting", kind: "felt-hard", text: "Carers are not told anything while we wait, even when we ring" },
  { lane: "waiting", kind: "idea", text: "A named contact while you wait" },
  { lane: "treatment", kind: "felt-good", text: "The nurse explained everything twice without rushing" },
  { lane: "treatment", kind: "felt-hard", text: "Appointments at 9am are impossible with school runs" },
  { lane: "treatment", kind: "idea", text: "Evening and weekend clinics, at least one a week" },
  { lane: "follow-up", kind: "felt-hard", text: "Discharged with no number to call if things got worse" },
  { lane: "follow-up", kind: "idea", text: "A follow-up call two weeks after discharge" },
];

export interface SessionScene {
  workshop: CreatedWorkshop;
  facilitator: RoomClient;
  phones: RoomClient[];
  tokens: { participantId: string; token: string; workshopId: string }[];
  ids: { welcome: string; map: string; vote: string; feedback: string };
  cardIds: string[];
  close(): Promise<void>;
}

/** Builds the scene; `openMap` leaves the journey map open to everyone with thirteen cards on it. */
export async function sessionScene(baseUrl: string, organiserToken: string, title: string): Promise<SessionScene> {
  const workshop = await createWorkshop(baseUrl, organiserToken, { title, template: "ebcd-journey" });
  const facilitator = await connectRoom({ baseUrl, token: workshop.facilitatorToken });
  const agenda = (roots(facilitator.doc).workshop.get("agenda") as string[]) ?? [];
  const [welcome, map, vote, feedback] = agenda as [string, string, string, string];
  const tokens = [];
  for (const person of PEOPLE) tokens.push(await joinAsParticipant(baseUrl, workshop.joinCode, { ...person }));
  const phones = await Promise.all(tokens.map((t) => connectRoom({ baseUrl, token: t.token })));
  await facilitator.command("activity.open", { activityId: map });
  await facilitator.command("activity.openToAll", { activityId: map });
  const cardIds: string[] = [];
  for (const [i, card] of CARDS.entries()) {
    const phone = phones[i % phones.length] as RoomClient;
    const { cardId } = await phone.command<{ cardId: string }>("card.add", { activityId: map, ...card });
    cardIds.push(cardId);
  }
  // Supports and a comment or two, as a room gives them.
  for (const [i, phone] of phones.entries()) {
    await phone.command("card.support", { cardId: cardIds[(i * 3) % cardIds.length], on: true });
    await phone.command("card.support", { cardId: cardIds[5], on: true });
  }
  await phones[1]?.command("comment.add", { cardId: cardIds[0], text: "Same for my mum, every time" });
  await phones[6]?.command("comment.add", { cardId: cardIds[5], text: "We are working on wait-time letters" });
  await facilitator.waitFor(
    () => [...roots(facilitator.doc).cards.values()].length >= CARDS.length,
    15_000,
    "the scene's cards",
  );
  return {
    workshop,
    facilitator,
    phones,
    tokens,
    ids: { welcome, map, vote, feedback },
    cardIds,
    async close() {
      await Promise.all([facilitator, ...phones].map((c) => c.close()));
    },
  };
}

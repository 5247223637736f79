/**
 * A scripted workshop session written into D1 with the room's own outbox
 * statements (party/d1-writes.ts), i.e. exactly the rows a live room saves.
 */
import { getServerByName } from "partyserver";
import { feedbackConfig, mapConfig, voteConfig } from "../support/activities";
import { type CreatedWorkshop, createWorkshop, env, type Joined, joinWorkshop } from "./api-client";
import { savedSession, sessionIds, writeRow as write } from "./support/saved-session";

export const TRICKY_TEXT = 'He said "no, not again",\nthen left — خدمة أفضل 李';
export const FORMULA_TEXT = '=HYPERLINK("http://evil.example","click")';

export interface Session {
  w: CreatedWorkshop;
  people: Joined[];
  community: Joined[];
  statutory: Joined[];
  voluntary: Joined;
  /** activity and card ids, unique to this session (ids are global keys in D1) */
  ids: {
    map: string;
    vote: string;
    feedback: string;
    ramp: string;
    tricky: string;
    formula: string;
    hidden: string;
    minus: string;
  };
  t0: number;
}

/** Waits until the new room has written its own rows (workshop.init) to D1, so the script's rows come after. */
export async function roomSettled(workshopId: string): Promise<void> {
  const room = await getServerByName(env.WorkshopRoom, workshopId);
  const until = Date.now() + 8000;
  while ((await room.state()).outboxPending > 0) {
    if (Date.now() > until) throw new Error("the room's outbox did not drain");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** 4 community, 3 statutory, 1 voluntary; a map, a dots vote and a feedback form. */
export async function scriptedSession(extra: Record<string, unknown> = {}): Promise<Session> {
  const w = await createWorkshop({ title: "Discharge home", ...extra });
  await roomSettled(w.id);
  const community = [];
  for (let i = 0; i < 4; i++) community.push(await joinWorkshop(w.joinCode, { group: "community" }));
  const statutory = [];
  for (let i = 0; i < 3; i++) statutory.push(await joinWorkshop(w.joinCode, { group: "statutory" }));
  const voluntary = await joinWorkshop(w.joinCode, { group: "voluntary", name: "Ana" });
  const people = [...community, ...statutory, voluntary];
  const t0 = Date.UTC(2026, 10, 26, 10, 0, 0);
  const id = w.id;
  const ids = sessionIds(id, {
    map: "map",
    vote: "vote",
    feedback: "fb",
    ramp: "ramp",
    tricky: "tricky",
    formula: "formula",
    hidden: "hidden",
    minus: "minus",
    comment: "cm",
    link1: "l1",
    link2: "l2",
  });
  const saved = savedSession(id);

  await saved.closedWorkshop("Discharge home", t0 + 3_600_000);
  const barrierMap = mapConfig(
    { before: "Before", day: "On the day" },
    { barrier: ["Barrier", "#cc3300"] },
    { prompt: "What happens on the day you go home?" },
  );
  await saved.closedActivity(ids.map, "map", "Journey home", barrierMap, 0, [t0, t0 + 1_200_000]);
  const priorities = voteConfig(
    "dots",
    { ramp: "Transport ramp", meds: "Medicines ready", call: "Follow-up call" },
    { dots: 5, maxPerOption: 5 },
  );
  await saved.closedActivity(ids.vote, "vote", "Priorities", priorities, 1, [t0 + 1_300_000, t0 + 1_900_000]);
  const form = feedbackConfig({ heard: ["likert", "I felt heard"], better: ["text", "What would make it better?"] });
  await saved.closedActivity(ids.feedback, "feedback", "How was it?", form, 2, [t0 + 2_000_000, t0 + 2_300_000]);

  const [c0, c1, c2, c3] = community as [Joined, Joined, Joined, Joined];
  const [s0, s1, s2] = statutory as [Joined, Joined, Joined];
  const card = (cid: string, by: Joined, text: string, hidden: boolean, at: number) =>
    saved.card({ id: cid, activityId: ids.map, by, lane: "day", kind: "barrier", text, createdAt: t0 + at, hidden });
  await card(ids.ramp, c0, "No ramp on the transport", false, 1000);
  await card(ids.tricky, c1, TRICKY_TEXT, false, 2000);
  await card(ids.formula, s0, FORMULA_TEXT, false, 3000);
  await card(ids.hidden, c2, "My neighbour John Smith at 4 Elm St", true, 4000);
  await card(ids.minus, voluntary, "-5 degrees in the waiting area", false, 5000);
  await write({
    op: "comment",
    values: {
      id: ids.comment,
      workshopId: id,
      cardId: ids.ramp,
      text: "Same for me, twice",
      authorId: c3.participantId,
      group: "community",
      createdAt: t0 + 6000,
    },
  });
  const link = (linkId: string, to: string, label: string) =>
    write({ op: "link", values: { id: linkId, workshopId: id, from: ids.ramp, to, label } });
  await link(ids.link1, ids.tricky, "causes");
  await link(ids.link2, ids.hidden, "");

  const dots = (by: Joined, allocations: Record<string, number>) =>
    saved.dots(ids.vote, by, allocations, t0 + 1_500_000);
  await dots(c0, { ramp: 3, meds: 2 });
  await dots(c1, { ramp: 5 });
  await dots(c2, { ramp: 2, call: 3 });
  await dots(s0, { meds: 5 });
  await dots(s1, { meds: 3, call: 2 });
  await dots(s2, { meds: 4, ramp: 1 });
  await dots(voluntary, { call: 5 });
  await saved.dotsResult(ids.vote, t0 + 1_900_000);

  const answer = (by: Joined, heard: number, better?: string) =>
    write({
      op: "feedback",
      values: {
        workshopId: id,
        activityId: ids.feedback,
        participantId: by.participantId,
        group: by.group,
        answers: JSON.stringify(better ? { heard, better } : { heard }),
        updatedAt: t0 + 2_100_000,
      },
    });
  await answer(c0, 5, "More time, please");
  await answer(c1, 4);
  await answer(c2, 5);
  await answer(s0, 3, "=cmd|' /C calc'!A0");
  await answer(s1, 2);
  await answer(s2, 4);
  await answer(voluntary, 1, "Only I know this");

  const event = (seq: number, at: number, by: Joined | null, command: string, args: Record<string, unknown>) =>
    write({
      op: "event",
      values: {
        workshopId: id,
        seq,
        at: t0 + at,
        actorId: by ? by.participantId : "fac-token-id",
        role: by ? "participant" : "facilitator",
        group: by ? by.group : "",
        command,
        args: JSON.stringify(args),
      },
    });
  await event(101, 0, null, "activity.open", { activityId: ids.map });
  await event(102, 1000, c0, "card.add", {
    activityId: ids.map,
    lane: "day",
    kind: "barrier",
    text: "No ramp on the transport",
  });
  await event(103, 4000, c2, "card.add", {
    activityId: ids.map,
    lane: "day",
    kind: "barrier",
    text: "My neighbour John Smith",
  });
  await event(104, 4500, null, "card.hide", {
    cardId: ids.hidden,
    reason: "personal details",
    originalText: "My neighbour John Smith",
  });

  return { w, people, community, statutory, voluntary, ids, t0 };
}

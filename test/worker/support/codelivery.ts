/**
 * A closed workshop whose revealed vote drew its options from a map's cards, written
 * into D1 with the room's own outbox statements: the rows commitments answer.
 *
 * Cards: `bus` (community), `meds` (statutory) with `pharmacy` (community) merged into
 * it, `lonely` (voluntary). Vote options: bus, meds (cards bus / meds+pharmacy) and
 * `typed` (written by the facilitator, no origin cards). Ballots from 3 community and
 * 3 statutory people: bus 9 (community only), meds 8 (both), typed 1.
 */
import { mapConfig } from "../../support/activities";
import { type CreatedWorkshop, createWorkshop, type Joined, joinWorkshop } from "../api-client";
import { roomSettled } from "../api-session";
import { savedSession, sessionIds, writeRow } from "./saved-session";

export interface CodeliverySession {
  w: CreatedWorkshop;
  people: Joined[];
  ids: { map: string; vote: string; bus: string; meds: string; pharmacy: string; lonely: string; hidden: string };
  t0: number;
}

export async function codeliverySession(
  extra: Record<string, unknown> = {},
  opts: { reveal?: boolean; ballots?: boolean } = {},
): Promise<CodeliverySession> {
  const w = await createWorkshop({ title: "Getting to the GP", ...extra });
  await roomSettled(w.id);
  const community: Joined[] = [];
  const statutory: Joined[] = [];
  for (let i = 0; i < 3; i++) community.push(await joinWorkshop(w.joinCode, { group: "community" }));
  for (let i = 0; i < 3; i++) statutory.push(await joinWorkshop(w.joinCode, { group: "statutory" }));
  const voluntary = await joinWorkshop(w.joinCode, { group: "voluntary", name: "Zofia Secretname" });
  const ids = sessionIds(w.id, {
    map: "map",
    vote: "vote",
    bus: "bus",
    meds: "meds",
    pharmacy: "pharm",
    lonely: "lonely",
    hidden: "hidden",
  });
  const t0 = Date.UTC(2026, 10, 20, 10, 0, 0);
  const saved = savedSession(w.id);
  const closedAt: [number, number] = [t0, t0 + 600_000];
  const barriers = mapConfig(
    { way: "On the way" },
    { barrier: ["Barrier", "#cc3300"] },
    { prompt: "What gets in the way?" },
  );
  await saved.closedActivity(ids.map, "map", "Barriers", barriers, 0, closedAt);
  const card = async (id: string, by: Joined, text: string, mergedInto: string | null = null, hidden = false) => {
    await saved.card({ id, activityId: ids.map, by, lane: "way", kind: "barrier", text, createdAt: t0 + 1000, hidden });
    if (mergedInto) await writeRow({ op: "cardMerged", values: { id, into: mergedInto } });
  };
  const [c0, c1, c2] = community as [Joined, Joined, Joined];
  const [s0, s1, s2] = statutory as [Joined, Joined, Joined];
  await card(ids.bus, c0, "No bus after six");
  await card(ids.meds, s0, "Repeat prescriptions get lost");
  await card(ids.pharmacy, c1, "Pharmacy never has my medicine", ids.meds);
  await card(ids.lonely, voluntary, "Nobody to go with");
  await card(ids.hidden, c2, "Dr Secretname on Elm St is rude", null, true);

  const voteConfig = {
    method: "dots",
    options: [
      { id: ids.bus, label: "No bus after six", cardIds: [ids.bus] },
      { id: ids.meds, label: "Repeat prescriptions get lost", cardIds: [ids.meds, ids.pharmacy] },
      { id: "typed", label: "Longer opening hours" },
    ],
    dots: 5,
    maxPerOption: 5,
  };
  await saved.closedActivity(ids.vote, "vote", "Top priorities", voteConfig, 1, closedAt);
  if (opts.ballots !== false) {
    const dots = (by: Joined, allocations: Record<string, number>) =>
      saved.dots(ids.vote, by, allocations, t0 + 700_000);
    await dots(c0, { [ids.bus]: 4, [ids.meds]: 1 });
    await dots(c1, { [ids.bus]: 3, [ids.meds]: 2 });
    await dots(c2, { [ids.bus]: 2, typed: 1 });
    await dots(s0, { [ids.meds]: 3 });
    await dots(s1, { [ids.meds]: 1 });
    await dots(s2, { [ids.meds]: 1 });
  }
  await saved.dotsResult(ids.vote, opts.reveal === false ? null : t0 + 800_000);
  await saved.closedWorkshop("Getting to the GP", t0 + 900_000);
  return { w, people: [...community, ...statutory, voluntary], ids, t0 };
}

/**
 * How many phones one room holds (issue #17): phones join in steps, and at each step cards
 * are added at a steady rate from random phones while every command is timed to its ack
 * and every edit to the other phones. The ramp stops at the first step whose ack p95 passes
 * the limit (150 ms), or at the last step: bounded in phones and time.
 */
import { createWorkshop, getTicket, joinAsParticipant } from "../../scripts/lib/api";
import { connectRoom, openSocket, RoomClient, roomUrl } from "../../scripts/lib/room-client";
import { EditTracker, editText, paced } from "./edits";
import { pool, Samples, sleep } from "./stats";

export const ACK_LIMIT_MS = 150;

export interface CapacityStep {
  phones: number;
  ack: Samples;
  edits: EditTracker;
  errors: number;
}

export interface CapacityResult {
  steps: CapacityStep[];
  editsPerSecond: number;
  seconds: number;
  /** the largest step whose ack p95 stayed within the limit (null: not even the first) */
  holds: number | null;
  /** the first step over the limit (null: none was, up to the last step) */
  over: number | null;
}

const GROUPS = ["community", "voluntary", "statutory", "other"];

export async function runCapacity(o: {
  baseUrl: string;
  organiserToken: string;
  steps: number[];
  editsPerSecond: number;
  seconds: number;
  log: (line: string) => void;
}): Promise<CapacityResult> {
  const workshop = await createWorkshop(o.baseUrl, o.organiserToken, {
    title: `Capacity ${Date.now()}`,
    // A workshop admits 500 people by default: the ramp goes past that, as room-load.ts does.
    maxParticipants: 5000,
  });
  const facilitator = await connectRoom({ baseUrl: o.baseUrl, token: workshop.facilitatorToken });
  const phones: RoomClient[] = [];
  const steps: CapacityStep[] = [];
  let seq = 0;
  try {
    const lanes = ["before", "during", "after"];
    const config = {
      lanes: lanes.map((id) => ({ id, label: id })),
      kinds: [{ id: "note", label: "Note", color: "#336699" }],
    };
    // A map holds 3,000 cards: a fresh map per step keeps every step's cards within it.
    const newMap = async () => {
      const map = await facilitator.command<{ activityId: string }>("activity.add", {
        kind: "map",
        title: `Step ${steps.length + 1}`,
        config,
      });
      await facilitator.command("activity.open", { activityId: map.activityId });
      return map.activityId;
    };
    for (const target of o.steps) {
      const joining = target - phones.length;
      if (joining > 0) {
        o.log(`capacity: ${joining} more phones join (to ${target})…`);
        const joins = await pool(
          25,
          Array.from({ length: joining }, (_, i) => async () => {
            const joined = await joinAsParticipant(o.baseUrl, workshop.joinCode, {
              group: GROUPS[(phones.length + i) % GROUPS.length]!,
            });
            const ticket = await getTicket(o.baseUrl, joined.token);
            const socket = await openSocket(roomUrl(o.baseUrl, ticket.workshopId, ticket.ticket), 60_000);
            const phone = new RoomClient(socket, ticket.workshopId, false);
            phone.startSync();
            await phone.waitForSync(60_000);
            return phone;
          }),
        );
        for (const r of joins) if (r.status === "fulfilled") phones.push(r.value);
        if (phones.length < target) {
          const first = joins.find((r) => r.status === "rejected")?.reason;
          throw new Error(
            `capacity: only ${phones.length} of ${target} phones joined (first refusal: ${first instanceof Error ? first.message : String(first)}). ` +
              "All simulated phones join from 127.0.0.1, and the Worker admits 2,000 joins per address per window (worker/rateLimit.ts JOINS_PER_WINDOW).",
          );
        }
      }
      const mapId = await newMap();
      const edits = new EditTracker(phones.length);
      phones.forEach((phone, i) => {
        phone.onBinaryFrame = edits.frames(i);
      });
      const ack = new Samples();
      let errors = 0;
      const inFlight: Promise<void>[] = [];
      const count = Math.round(o.editsPerSecond * o.seconds);
      o.log(`capacity: ${phones.length} phones, ${count} cards at ${o.editsPerSecond}/s…`);
      await paced(count, o.editsPerSecond, () => {
        const n = seq++;
        const from = Math.floor(Math.random() * phones.length);
        edits.sent(n, from);
        const t0 = performance.now();
        inFlight.push(
          phones[from]!.send(
            "card.add",
            { activityId: mapId, lane: lanes[n % 3], kind: "note", text: editText(n) },
            { timeoutMs: 30_000 },
          ).then(
            (a) => {
              ack.add(performance.now() - t0);
              if (!a.ok) errors++;
            },
            () => {
              errors++;
            },
          ),
        );
      });
      await Promise.all(inFlight);
      const deadline = performance.now() + 10_000;
      while (edits.missing() > 0 && performance.now() < deadline) await sleep(100);
      for (const phone of phones) phone.onBinaryFrame = undefined;
      await facilitator.command("activity.close", { activityId: mapId });
      steps.push({ phones: phones.length, ack, edits, errors });
      const p95 = ack.percentile(95);
      o.log(
        `capacity: ${phones.length} phones: ack p95 ${p95.toFixed(0)} ms, visible p95 ${edits.delivery.percentile(95).toFixed(0)} ms`,
      );
      if (p95 > ACK_LIMIT_MS) break;
    }
  } finally {
    await Promise.all([facilitator, ...phones].map((p) => p.close()));
  }
  const within = steps.filter((s) => s.ack.percentile(95) <= ACK_LIMIT_MS);
  const over = steps.find((s) => s.ack.percentile(95) > ACK_LIMIT_MS);
  return {
    steps,
    editsPerSecond: o.editsPerSecond,
    seconds: o.seconds,
    holds: within.at(-1)?.phones ?? null,
    over: over?.phones ?? null,
  };
}

export function renderCapacity(r: CapacityResult): string {
  const f = (ms: number) => `${ms.toFixed(0)} ms`;
  const rows = r.steps.map(
    (s) =>
      `| ${s.phones} | ${f(s.ack.percentile(50))} | ${f(s.ack.percentile(95))} | ${f(s.edits.delivery.percentile(95))} | ${s.edits.missing()} | ${s.errors} | ${s.ack.percentile(95) <= ACK_LIMIT_MS ? "within" : "**over**"} |`,
  );
  const verdict =
    r.over === null
      ? `Ack p95 stayed within ${ACK_LIMIT_MS} ms up to the last step (${r.holds} phones): the room holds at least that many.`
      : `Ack p95 passed ${ACK_LIMIT_MS} ms at ${r.over} phones; the last step within was ${r.holds ?? "none"}.`;
  return `## How many phones one room holds

Phones join in steps; at each step ${Math.round(r.editsPerSecond * r.seconds)} cards are added at ${r.editsPerSecond}/s from random phones,
each timed to its ack and to every other phone.

| phones | ack p50 | ack p95 | edit visible p95 | deliveries missing | errors | ack p95 ≤ ${ACK_LIMIT_MS} ms |
|---|---|---|---|---|---|---|
${rows.join("\n")}

${verdict}
`;
}

/** BENCHMARKS.md: the figures against docs/architecture.md's budgets, with how they were made. */
import { REFERENCE_PACKAGE, REFERENCE_VERSION, type ReferenceResult } from "./reference";
import type { RoomLoadResult } from "./room-load";
import type { ScaleResult } from "./scale";
import { fmtBytes, fmtMs, ratio, type Samples } from "./stats";

export interface ReportInput {
  command: string;
  machine: string;
  when: string;
  options: { clients: number; editsPerSecond: number; seconds: number };
  room: RoomLoadResult | null;
  reference: ReferenceResult | null;
  scale: ScaleResult | null;
}

function cells(name: string, s: Samples): string {
  const x = s.summary();
  return `| ${name} | ${x.n} | ${fmtMs(x.p50)} | ${fmtMs(x.p95)} | ${fmtMs(x.p99)} | ${fmtMs(x.max)}`;
}

function row(name: string, s: Samples, budget = ""): string {
  return `${cells(name, s)} | ${budget} |`;
}

function compared(name: string, ref: Samples, ours: Samples): string {
  const p50 = ratio(ours.percentile(50), ref.percentile(50));
  const p95 = ratio(ours.percentile(95), ref.percentile(95));
  return `${cells(name, ref)} | ${p50} / ${p95} |`;
}

function verdict(ok: boolean): string {
  return ok ? "within" : "**over**";
}

export function renderReport(r: ReportInput): string {
  const { room, reference, scale } = r;
  const n = r.options.clients;
  const lines: string[] = [
    `Made by \`${r.command}\` on ${r.when}.`,
    "",
    `Machine: ${r.machine}.`,
    "",
    "The app is the deploy bundle (`wrangler deploy --dry-run`) running on one workerd through the",
    "Miniflare API, on its own socket with wrangler.toml's compatibility flags as deployed (plain",
    "WebSocket frames), with real local Durable Objects (SQLite storage) and D1 persisted to disk: no",
    "`wrangler dev` and no dev proxy between the phones and the Worker. The simulated phones run in one",
    "Node process on the same machine, over 127.0.0.1. Figures on a shared 2-core machine are noisy:",
    "compare runs made together, and read the reference column beside ours.",
    "",
  ];
  if (room) lines.push(...roomSection(r, room, n));
  if (reference && room) {
    lines.push(
      "## Reference: plain y-websocket server, same load",
      "",
      `\`${REFERENCE_PACKAGE}\` ${REFERENCE_VERSION} (its own \`server.js\`, one Node process, installed on demand) relaying the same ${reference.edits.count}`,
      `card edits between ${reference.joined} plain Yjs clients (no tickets, validation, durability or acks).`,
      "",
      "| what | n | p50 | p95 | p99 | max | Coproduce ÷ reference (p50 / p95) |",
      "|---|---|---|---|---|---|---|",
      compared("WebSocket connect + sync", reference.joinTime, room.connectTime),
      compared("edit visible on another client", reference.edits.delivery, room.edits.delivery),
      compared("edit visible on the first other client", reference.edits.first, room.edits.first),
      compared("edit visible on every other client", reference.edits.everyone, room.edits.everyone),
      "",
      `Reference: ${reference.joinErrors.length} failed connections, ${reference.edits.missing()} deliveries missing after 15 s.`,
      "",
      `Goal "edit visible p95 no slower than the reference in the same run": Coproduce ${fmtMs(room.edits.delivery.percentile(95))} vs reference ${fmtMs(reference.edits.delivery.percentile(95))}: ${verdict(room.edits.delivery.percentile(95) <= reference.edits.delivery.percentile(95))}.`,
      "",
    );
  }
  if (scale) {
    const c = scale.counts;
    lines.push(
      `## A 3-hour, ${scale.people}-person workshop`,
      "",
      `Built through the real join flow and ${scale.commands} commands (${scale.commandErrors} refused or lost) in`,
      `${scale.buildSeconds.toFixed(0)} s: ${c.activities} activities (3 maps, 2 votes revealed, feedback), ${c.participants} participants,`,
      `${c.cards} cards, ${c.supports} supports, ${c.comments} comments, ${scale.people * 2} ballots, ${scale.people} feedback forms.`,
      ...(scale.errorCodes.size
        ? [`Refused or lost, by why: ${[...scale.errorCodes].map(([why, n]) => `${why} × ${n}`).join("; ")}.`]
        : []),
      `The maps are closed, so their cards, comments and links are out of the live doc (${c.archived} archived activities, fetched on demand; counted above from their archives).`,
      "",
      "| what | measured | budget |",
      "|---|---|---|",
      `| live Y.Doc (full state update) | ${fmtBytes(scale.docBytes)} | ≤ 512 KB: ${verdict(scale.docBytes <= 512 * 1024)} |`,
      `| join sync payload, gzip | ${fmtBytes(scale.joinSyncGzip)} (raw ${fmtBytes(scale.joinSyncBytes)}) | ≤ 150 KB: ${verdict(scale.joinSyncGzip <= 150 * 1024)} |`,
      `| first connect after a restart (room wakes from storage), median of ${scale.coldConnect.count} | ${fmtMs(scale.coldConnect.percentile(50))} | |`,
      `| connect to the awake room, median | ${fmtMs(scale.warmConnect.percentile(50))} | |`,
      `| room wake (difference) | ${fmtMs(scale.coldConnect.percentile(50) - scale.warmConnect.percentile(50))} | ≤ 100 ms: ${verdict(scale.coldConnect.percentile(50) - scale.warmConnect.percentile(50) <= 100)} |`,
      `| the same for a new, empty workshop in the same restarts (first connect ${fmtMs(scale.emptyCold.percentile(50))}, awake ${fmtMs(scale.emptyWarm.percentile(50))}): starting any room here | ${fmtMs(scale.emptyCold.percentile(50) - scale.emptyWarm.percentile(50))} | |`,
      `| the room's own figures (\`state()\`) | doc ${fmtBytes(scale.room.docBytes)}, ${scale.room.commands} commands stored | |`,
      "",
      "Connect times run from opening the WebSocket (ticket in hand) to the synced doc; after a restart the",
      "Worker is warmed by the ticket request first, so the difference is the room loading itself. Each",
      "restart disposes the Miniflare instance and starts a new one on the same storage.",
      "",
    );
  }
  return lines.join("\n");
}

function roomSection(r: ReportInput, room: RoomLoadResult, n: number): string[] {
  return [
    `## ${n} phones in one room`,
    "",
    `${room.joined} of ${n} phones joined through the real flow (HTTP join → ticket → WebSocket → Yjs sync), 25 at a`,
    `time, in ${(room.joinWallMs / 1000).toFixed(1)} s; ${room.joinErrors.length} joins failed; ${room.unexpectedCloses} connections`,
    `closed unexpectedly. Then ${room.edits.count} cards were added at ${r.options.editsPerSecond}/s from random phones, every`,
    "phone supported a card and every phone submitted a dots ballot (50/s).",
    "",
    "| what | n | p50 | p95 | p99 | max | budget |",
    "|---|---|---|---|---|---|---|",
    row("join, whole (HTTP join + ticket + WebSocket + sync)", room.joinTime),
    row("of which WebSocket connect + sync", room.connectTime),
    row("ack: card.add", room.ack.cards, `p95 ≤ 50 ms: ${verdict(room.ack.cards.percentile(95) <= 50)}`),
    row("ack: card.support", room.ack.supports, `p95 ≤ 50 ms: ${verdict(room.ack.supports.percentile(95) <= 50)}`),
    row("ack: ballot.submit", room.ack.ballots, `p95 ≤ 50 ms: ${verdict(room.ack.ballots.percentile(95) <= 50)}`),
    row(
      "edit visible on another phone",
      room.edits.delivery,
      `p95 ≤ 150 ms: ${verdict(room.edits.delivery.percentile(95) <= 150)}`,
    ),
    row("edit visible on the first other phone", room.edits.first),
    row("edit visible on every other phone", room.edits.everyone),
    "",
    `Command errors: ${room.commandErrors.length}${room.commandErrors.length ? ` (first: ${room.commandErrors.slice(0, 3).join("; ")})` : ""}.`,
    `Deliveries missing after 15 s: ${room.edits.missing()}.`,
    `Wire: WebSocket extensions ${room.extensions ? `\`${room.extensions}\`` : "none (plain frames, as deployed)"}; while the ${room.edits.count} edits went round a phone read ${fmtBytes(room.wireBytesPerPhone)} off the wire (median; ${Math.round(room.wireBytesPerPhone / Math.max(1, room.edits.count))} bytes an edit).`,
    ...(room.joinErrors.length ? [`First join errors: ${room.joinErrors.slice(0, 3).join("; ")}.`] : []),
    "",
  ];
}

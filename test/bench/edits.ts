/**
 * Measuring how fast an edit reaches everyone: each edit is a card whose text carries
 * its sequence number ("bench e42"). Yjs encodes strings as UTF-8, so the text shows in
 * the raw update bytes; every client scans the binary frames it receives for it and
 * records the time since the edit was sent. Scanning bytes instead of applying every
 * update to a Y.Doc per client keeps the load generator (hundreds of clients in one
 * process) from being what is measured. Clients and the clock share one process.
 */
import { Samples } from "./stats";

const MARK = Buffer.from("bench e");

export function editText(seq: number): string {
  return `bench e${seq}`;
}

interface Edit {
  at: number;
  from: number;
  seen: number;
  last: number;
}

export class EditTracker {
  readonly delivery = new Samples();
  /** per edit: time until the last other client had it */
  readonly everyone = new Samples();
  /** per edit: time until the first other client had it (the server's own delay, before its fan-out spreads) */
  readonly first = new Samples();
  private readonly edits = new Map<number, Edit>();
  private readonly seenBy: Set<number>[];

  constructor(readonly clients: number) {
    this.seenBy = Array.from({ length: clients }, () => new Set<number>());
  }

  sent(seq: number, from: number): void {
    this.edits.set(seq, { at: performance.now(), from, seen: 0, last: 0 });
  }

  /** A frame hook for client `index`: records each edit the first time this client receives it. */
  frames(index: number): (bytes: Buffer) => void {
    return (bytes) => {
      const now = performance.now();
      for (let at = bytes.indexOf(MARK); at !== -1; at = bytes.indexOf(MARK, at + MARK.length)) {
        let seq = 0;
        let digits = 0;
        for (let i = at + MARK.length; i < bytes.length && bytes[i]! >= 48 && bytes[i]! <= 57; i++, digits++) {
          seq = seq * 10 + (bytes[i]! - 48);
        }
        if (digits === 0) continue;
        const edit = this.edits.get(seq);
        const seen = this.seenBy[index]!;
        if (!edit || edit.from === index || seen.has(seq)) continue;
        seen.add(seq);
        const ms = now - edit.at;
        this.delivery.add(ms);
        edit.seen++;
        if (edit.seen === 1) this.first.add(ms);
        edit.last = Math.max(edit.last, ms);
        if (edit.seen === this.clients - 1) this.everyone.add(edit.last);
      }
    };
  }

  /** Deliveries still missing (edit × client) for edits sent so far. */
  missing(): number {
    let missing = 0;
    for (const edit of this.edits.values()) missing += this.clients - 1 - edit.seen;
    return missing;
  }

  get count(): number {
    return this.edits.size;
  }
}

/**
 * Calls `edit(seq)` `count` times at `perSecond`, on a schedule that does not drift
 * when the event loop is busy (a late tick sends what is due, not one).
 */
export async function paced(count: number, perSecond: number, edit: (seq: number) => void): Promise<void> {
  const start = performance.now();
  let seq = 0;
  while (seq < count) {
    const due = Math.min(count, Math.floor(((performance.now() - start) / 1000) * perSecond) + 1);
    while (seq < due) edit(seq++);
    await new Promise((r) => setTimeout(r, Math.max(1, 1000 / perSecond / 2)));
  }
}

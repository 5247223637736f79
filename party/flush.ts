/**
 * When the outbox goes to D1: by Durable Object alarm, shortly after a command (so a
 * burst shares one batch), again at once if rows arrived during a flush, and with backoff
 * while D1 fails. The alarm is stored by the runtime, so a flush survives eviction.
 */
import { FLUSH_DELAY_MS, type Outbox } from "./outbox";

export class FlushSchedule {
  #alarmSet = false;
  /** The flush talking to D1 right now, so erase can wait for it instead of racing it. */
  #flushing: Promise<number | null> | null = null;

  constructor(private readonly storage: DurableObjectStorage) {}

  /** After a wake-up: the stored alarm still stands; an outbox left without one gets one. */
  async restore(outbox: Outbox): Promise<void> {
    this.#alarmSet = (await this.storage.getAlarm()) !== null;
    if (!this.#alarmSet && outbox.pending() > 0) this.schedule();
  }

  schedule(delayMs = FLUSH_DELAY_MS): void {
    if (this.#alarmSet || this.#flushing) return;
    this.#alarmSet = true;
    this.storage.setAlarm(Date.now() + delayMs).catch((err: unknown) => {
      this.#alarmSet = false;
      console.error("could not schedule the D1 flush", err);
    });
  }

  /** The alarm fired: sends the outbox in order; on failure keeps every row and retries with backoff. */
  async run(outbox: Outbox, db: D1Database, live: () => boolean): Promise<void> {
    this.#alarmSet = false;
    if (!live() || this.#flushing) return;
    const flushing = outbox.flush(db);
    this.#flushing = flushing;
    let retryIn: number | null;
    try {
      retryIn = await flushing;
    } finally {
      this.#flushing = null;
    }
    // Commands that arrived during the flush did not schedule one: pick them up now.
    if (live() && retryIn !== null) this.schedule(retryIn);
  }

  /** Waits for a batch already on its way to D1 (so it lands before an erase, not after). */
  async settle(): Promise<void> {
    await this.#flushing;
  }

  /** The stored alarm was deleted with everything else. */
  forget(): void {
    this.#alarmSet = false;
  }
}

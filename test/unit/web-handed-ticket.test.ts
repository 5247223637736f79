import { describe, expect, it } from "vitest";
import { HANDED_TICKET_MAX_AGE_MS, handOverTicket, takeHandedTicket } from "../../web/lib/room/ticket";

describe("the join answer's ticket, handed to the room's first connect (perf #17)", () => {
  it("is given out once, to the token it was minted for", () => {
    handOverTicket("token-a", "ticket-1", 1_000);
    expect(takeHandedTicket("token-b", 1_100)).toBeNull();
    expect(takeHandedTicket("token-a", 1_100)).toBe("ticket-1");
    // A reconnect asks the server for a fresh ticket.
    expect(takeHandedTicket("token-a", 1_200)).toBeNull();
  });

  it("is not used once it is too old to be worth trying (the server keeps tickets 60 s)", () => {
    handOverTicket("token-a", "ticket-2", 1_000);
    expect(takeHandedTicket("token-a", 1_000 + HANDED_TICKET_MAX_AGE_MS)).toBeNull();
    expect(takeHandedTicket("token-a", 1_001)).toBeNull();
  });

  it("a later join replaces an earlier one's ticket", () => {
    handOverTicket("token-a", "ticket-3", 1_000);
    handOverTicket("token-c", "ticket-4", 1_000);
    expect(takeHandedTicket("token-a", 1_100)).toBeNull();
  });
});

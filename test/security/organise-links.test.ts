/**
 * Attack (session #19): the organise page's links and programmes. Reading a workshop's links
 * or renewing them with anything but the organiser secret; renewing another workshop's link,
 * a participant's token, unknown fields, oversized lists, a replay; filling a programme with
 * the wrong role or an unknown one; a programme evaluator who keeps watching a workshop live
 * after it left the programme.
 */
import { describe, expect, it } from "vitest";
import { ORGANISER } from "../worker/api-client";
import { RoomClient, roomClients } from "../worker/support/room-client";
import {
  call,
  env,
  expectHttpError,
  handoff,
  joinAs,
  json,
  newProgramme,
  newWorkshop,
  ticketFor,
  tokenOf,
} from "./support/harness";

const clients = roomClients();

type Shown = { id: string; role: string; link: string | null };
const linksOf = async (id: string) =>
  (await json<{ links: Shown[] }>(`/api/workshops/${id}/links`, { token: ORGANISER })).body.links;
const renew = (id: string, body: unknown, token = ORGANISER) =>
  call(`/api/workshops/${id}/links/renew`, { token, body });

async function liveCount(workshopId: string): Promise<number> {
  const row = await env.DB.prepare(
    "SELECT COUNT(*) AS n FROM tokens WHERE workshop_id = ? AND revoked_at IS NULL AND role != 'participant'",
  )
    .bind(workshopId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

describe("a workshop's links", () => {
  it("are shown to the organiser only", async () => {
    const w = await newWorkshop();
    const phone = await joinAs(w);
    for (const token of [tokenOf(w, "facilitator"), tokenOf(w, "evaluator"), tokenOf(w, "screen"), phone.token])
      await expectHttpError(await call(`/api/workshops/${w.id}/links`, { token }), 403, "forbidden");
    await expectHttpError(await call(`/api/workshops/${w.id}/links`), 401, "unauthorised");
    await expectHttpError(await call("/api/workshops/nope/links", { token: ORGANISER }), 404, "not_found");
  });

  it("are renewed by the organiser only, for this workshop's links only, and nothing else changes", async () => {
    const w = await newWorkshop();
    const other = await newWorkshop();
    const phone = await joinAs(w);
    const [first] = await linksOf(w.id);
    const ids = (await linksOf(w.id)).map((l) => l.id);
    for (const token of [tokenOf(w, "facilitator"), tokenOf(w, "evaluator"), phone.token])
      await expectHttpError(await renew(w.id, { replace: ids }, token), 403, "forbidden");
    // Another workshop's link, and a participant's token, are not links of this workshop.
    const theirs = (await linksOf(other.id))[0]?.id ?? "";
    await expectHttpError(await renew(w.id, { replace: [theirs] }), 404, "not_found");
    await expectHttpError(await renew(w.id, { replace: [phone.participantId] }), 404, "not_found");
    const participantToken = await env.DB.prepare("SELECT id FROM tokens WHERE participant_id = ?")
      .bind(phone.participantId)
      .first<{ id: string }>();
    await expectHttpError(await renew(w.id, { replace: [participantToken?.id ?? ""] }), 404, "not_found");
    // Unknown fields, wrong shapes, oversized lists, duplicates.
    for (const body of [
      { replace: ids, also: true },
      { replace: [] },
      { replace: "all" },
      { replace: Array.from({ length: 21 }, (_, i) => `x${i}`) },
      { replace: ["x".repeat(5000)] },
      { replace: [first?.id, first?.id] },
      {},
    ])
      await expectHttpError(await renew(w.id, body), 400, "bad_request");
    expect(await liveCount(w.id)).toBe(3);
    expect(await liveCount(other.id)).toBe(3);
    expect((await linksOf(w.id)).map((l) => l.id)).toEqual(ids);
  });

  it("refuses a replayed renewal without minting anything", async () => {
    const w = await newWorkshop();
    const ids = (await linksOf(w.id)).map((l) => l.id);
    expect((await renew(w.id, { replace: ids })).status).toBe(200);
    await expectHttpError(await renew(w.id, { replace: ids }), 409, "conflict");
    await expectHttpError(await renew(w.id, { replace: [ids[0]] }), 409, "conflict");
    expect(await liveCount(w.id)).toBe(3);
  });

  it("closes the replaced facilitator link's live socket", async () => {
    const w = await newWorkshop();
    const res = await handoff(w.id, await ticketFor(tokenOf(w, "facilitator")));
    const socket = clients.track(RoomClient.adopt(res.webSocket as WebSocket));
    await socket.synced();
    const facilitator = (await linksOf(w.id)).find((l) => l.role === "facilitator");
    expect((await renew(w.id, { replace: [facilitator?.id] })).status).toBe(200);
    expect((await socket.waitClosed()).code).toBe(4401);
  });
});

describe("filling a programme", () => {
  it("is the organiser's alone, strict, and refuses unknown programmes and workshops", async () => {
    const w = await newWorkshop();
    const programme = await newProgramme();
    const pid = programme.id;
    const path = `/api/programmes/${pid}/workshops/${w.id}`;
    for (const token of [tokenOf(w, "facilitator"), tokenOf(w, "evaluator"), programme.evaluatorToken]) {
      await expectHttpError(await call(path, { method: "PUT", token }), 403, "forbidden");
      await expectHttpError(await call(path, { method: "DELETE", token }), 403, "forbidden");
      await expectHttpError(await call(`/api/programmes/${pid}/links`, { token }), 403, "forbidden");
    }
    await expectHttpError(await call(path, { method: "PUT" }), 401, "unauthorised");
    await expectHttpError(
      await call(`/api/programmes/nope/workshops/${w.id}`, { method: "PUT", token: ORGANISER }),
      404,
      "not_found",
    );
    await expectHttpError(
      await call(`/api/programmes/${pid}/workshops/nope`, { method: "PUT", token: ORGANISER }),
      404,
      "not_found",
    );
    await expectHttpError(
      await call(path, { method: "PUT", token: ORGANISER, body: { programmeId: "other" } }),
      400,
      "bad_request",
    );
    await expectHttpError(
      await call(path, { method: "PUT", token: ORGANISER, raw: "x".repeat(200_000) }),
      413,
      "too_large",
    );
    const row = await env.DB.prepare("SELECT programme_id FROM workshops WHERE id = ?").bind(w.id).first();
    expect(row).toEqual({ programme_id: null });
  });

  it("closes a programme evaluator's live socket in a workshop that leaves the programme", async () => {
    const w = await newWorkshop();
    const { id: pid, evaluatorToken: evaluator } = await newProgramme("Watched programme");
    expect((await call(`/api/programmes/${pid}/workshops/${w.id}`, { method: "PUT", token: ORGANISER })).status).toBe(
      200,
    );
    const res = await handoff(w.id, await ticketFor(evaluator, w.id));
    const socket = clients.track(RoomClient.adopt(res.webSocket as WebSocket));
    await socket.synced();
    expect(
      (await call(`/api/programmes/${pid}/workshops/${w.id}`, { method: "DELETE", token: ORGANISER })).status,
    ).toBe(200);
    expect((await socket.waitClosed()).code).toBe(4403);
    // And no new ticket for it.
    const refused = await call("/api/tickets", { method: "POST", token: evaluator, body: { workshopId: w.id } });
    expect(refused.status).toBe(403);
  });
});

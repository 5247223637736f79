/**
 * The workshop's `currency` setting (POST /api/workshops, migration 0008): only the
 * organiser sets it, only as an ISO 4217 code, and what is set is what the room and the
 * report use. Replay and other workshops: the setting is per workshop and never changes
 * after creation (there is no route or command that writes it).
 */
import { describe, expect, it } from "vitest";
import { ORGANISER } from "../worker/api-client";
import { call, env, expectHttpError, json, newWorkshop, redTeam, tokenOf } from "./support/harness";

const { connect } = redTeam();

describe("the workshop currency", () => {
  it("is the organiser's to set: a facilitator, screen or evaluator token cannot create a workshop with one", async () => {
    const w = await newWorkshop();
    for (const role of ["facilitator", "screen", "evaluator"] as const) {
      const res = await call("/api/workshops", { token: tokenOf(w, role), body: { title: "x", currency: "EUR" } });
      expect([401, 403]).toContain(res.status);
    }
  });

  it("refuses anything but a three-letter ISO 4217 code, and unknown neighbours", async () => {
    for (const currency of ["eur", "EURO", "£", "", 978, null, "GB P", "X".repeat(5000), { code: "EUR" }]) {
      await expectHttpError(
        await call("/api/workshops", { token: ORGANISER, body: { title: "x", currency } }),
        400,
        "bad_request",
      );
    }
    await expectHttpError(
      await call("/api/workshops", { token: ORGANISER, body: { title: "x", currency: "EUR", currencies: ["USD"] } }),
      400,
      "bad_request",
    );
  });

  it("defaults to GBP, and what is set reaches the room's doc and D1 for this workshop only", async () => {
    const euros = await newWorkshop({ currency: "EUR" });
    const plain = await newWorkshop();
    const row = (id: string) =>
      env.DB.prepare("SELECT currency FROM workshops WHERE id = ?").bind(id).first<{ currency: string }>();
    expect(await row(euros.id)).toEqual({ currency: "EUR" });
    expect(await row(plain.id)).toEqual({ currency: "GBP" });
    const fac = await connect(euros.id, euros.facilitatorToken);
    expect(fac.doc.getMap("workshop").get("currency")).toBe("EUR");
    const other = await connect(plain.id, plain.facilitatorToken);
    expect(other.doc.getMap("workshop").get("currency")).toBe("GBP");
    // No command writes it: an attempt to smuggle it in as a command is not a command.
    const ack = await fac.command("workshop.update", { currency: "USD" });
    expect(ack).toMatchObject({ ok: false, error: { code: "unknown_command" } });
    const report = await json<{ workshop: { currency: string } }>(`/api/workshops/${euros.id}/report`, {
      token: euros.evaluatorToken,
    });
    expect(report.body.workshop.currency).toBe("EUR");
  });
});

/**
 * Attack (session #19): the running-order export (`table=agenda`, planned minutes from
 * migration 0015) read by the wrong role or from another workshop, and a formula planted
 * in an activity title.
 */
import { describe, expect, it } from "vitest";
import { call, eventually, expectHttpError, joinAs, newWorkshop, redTeam, tokenOf } from "./support/harness";

const team = redTeam();

describe("the agenda export", () => {
  it("is for the workshop's evaluator and facilitator only", async () => {
    const w = await newWorkshop();
    const other = await newWorkshop();
    const phone = await joinAs(w);
    const path = `/api/workshops/${w.id}/export?format=json&table=agenda`;
    await expectHttpError(await call(path, { token: phone.token }), 403, "forbidden");
    await expectHttpError(await call(path, { token: tokenOf(w, "screen") }), 403, "forbidden");
    await expectHttpError(await call(path, { token: tokenOf(other, "evaluator") }), 403, "forbidden");
    await expectHttpError(await call(path, { token: tokenOf(other, "facilitator") }), 403, "forbidden");
    await expectHttpError(await call(path), 401, "unauthorised");
    await expectHttpError(
      await call(`/api/workshops/${w.id}/export?format=json&table=agenda;drop`, { token: tokenOf(w, "evaluator") }),
      400,
      "bad_request",
    );
    expect((await call(path, { token: tokenOf(w, "evaluator") })).status).toBe(200);
  });

  it("neutralises a formula in a title but never in the planned minutes or ids", async () => {
    const w = await newWorkshop();
    const fac = await team.facilitator(w);
    await fac.ok("activity.add", { kind: "info", title: '=HYPERLINK("x")', config: {}, plannedMinutes: 12 });
    const csv = await eventually(async () => {
      const text = await (
        await call(`/api/workshops/${w.id}/export?format=csv&table=agenda`, { token: tokenOf(w, "evaluator") })
      ).text();
      return text.includes("HYPERLINK") ? text : undefined;
    }, "the activity in D1");
    const row = csv.split("\r\n")[1] ?? "";
    expect(row).toContain("'=HYPERLINK");
    expect(row).toMatch(/,12,/);
    expect(row).not.toContain("'12");
  });
});

/** The landing page's join-code check: normalised like the Worker, with a reason when wrong. */
import { describe, expect, it } from "vitest";
import { isJoinCode, joinCode } from "../../party/model/ids";
import { checkJoinCode } from "../../web/lib/joinCode";

describe("join codes on the phone", () => {
  it("accepts every code the Worker makes", () => {
    for (let i = 0; i < 50; i++) {
      const code = joinCode();
      expect(checkJoinCode(code.toLowerCase())).toEqual({ ok: true, code });
      expect(isJoinCode(code)).toBe(true);
    }
  });

  it("accepts lower case, spaces and dashes", () => {
    expect(checkJoinCode(" abc-def ")).toEqual({ ok: true, code: "ABCDEF" });
  });

  it("says which characters cannot be in a code", () => {
    expect(checkJoinCode("ABO1EF")).toEqual({ ok: false, problem: "chars", chars: "O 1" });
  });

  it("says how many characters were typed when the length is wrong", () => {
    expect(checkJoinCode("ABCD")).toEqual({ ok: false, problem: "length", count: 4 });
  });
});

/** Random ids, join codes and friendly pseudonyms. */
import { describe, expect, it } from "vitest";
import { isJoinCode, itemId, JOIN_CODE_ALPHABET, joinCode, normaliseJoinCode, randomId } from "../../party/model/ids";
import { friendlyName, uniqueFriendlyName } from "../../party/model/names";

/** Random bytes replayed from a list, for predictable tests. */
function bytes(...values: number[]) {
  let i = 0;
  return (out: Uint8Array<ArrayBuffer>) => {
    for (let j = 0; j < out.length; j += 1) out[j] = values[i++ % values.length] ?? 0;
    return out;
  };
}

describe("randomId", () => {
  it("is URL-safe, 21 characters by default, and different each time", () => {
    const ids = new Set(Array.from({ length: 200 }, () => randomId()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{21}$/);
  });

  it("maps bytes onto the alphabet", () => {
    expect(randomId(4, bytes(0, 1, 62, 63))).toBe("AB_-");
  });
});

describe("joinCode", () => {
  it("uses six characters people will not confuse", () => {
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01OIL]/);
    for (let i = 0; i < 200; i += 1) expect(isJoinCode(joinCode())).toBe(true);
  });

  it("throws away bytes that would bias the choice", () => {
    // 31 letters: bytes ≥ 248 are rejected; 0 → A, 30 → 9, 31 → A again
    expect(joinCode(bytes(255, 0, 250, 30, 31, 1, 2, 3))).toBe("A9ABCD");
  });

  it("normalises what people type", () => {
    expect(normaliseJoinCode(" abc-234 ")).toBe("ABC234");
    expect(isJoinCode("ABC234")).toBe(true);
    expect(isJoinCode("ABO234")).toBe(false);
    expect(isJoinCode("ABC23")).toBe(false);
  });
});

describe("friendlyName", () => {
  it("combines a colour, a creature and a number from 10 to 99", () => {
    expect(friendlyName(() => 0)).toBe("Amber Badger 10");
    expect(friendlyName(() => 0.999_999)).toBe("Violet Wren 99");
    expect(friendlyName()).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+ [1-9][0-9]$/);
  });

  it("rejects a broken random source", () => {
    expect(() => friendlyName(() => 1)).toThrow(RangeError);
  });

  it("avoids names already taken in the room", () => {
    expect(uniqueFriendlyName(new Set(["Amber Badger 10"]), () => 0)).toBe("Amber Badger 100");
    let calls = 0;
    const name = uniqueFriendlyName(new Set(["Amber Badger 10"]), () => (calls++ < 3 ? 0 : 0.5));
    expect(name).not.toBe("Amber Badger 10");
  });
});

describe("itemId", () => {
  it("is a 12-character URL-safe id, different every time", () => {
    const ids = new Set(Array.from({ length: 2000 }, () => itemId()));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });
});

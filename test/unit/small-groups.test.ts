/** The one small-group rule (party/model/small-groups.ts), on hand-made rooms. */
import { describe, expect, it } from "vitest";
import { foldGroups, foldPeople, partitionByShownGroup } from "../../party/model/small-groups";

describe("foldGroups", () => {
  it("shows groups of k or more as they are and merges nothing", () => {
    const f = foldGroups({ community: 4, statutory: 3 });
    expect(f.shown).toEqual(["community", "statutory"]);
    expect(f.merged).toEqual([]);
    expect(f.mergedFrom).toEqual([]);
    expect(f.shownAs("statutory")).toBe("statutory");
  });

  it("folds groups under k into other and names them", () => {
    const f = foldGroups({ community: 5, voluntary: 2, statutory: 1 });
    expect(f.shown).toEqual(["community", "other"]);
    expect(f.merged).toEqual(["statutory", "voluntary"]);
    expect(f.mergedFrom).toEqual(["statutory", "voluntary"]);
    expect(f.shownAs("voluntary")).toBe("other");
    expect(f.sizes).toEqual({ community: 5, other: 3 });
  });

  it("lists other itself among the merged groups when people declared it", () => {
    const f = foldGroups({ community: 3, other: 1, voluntary: 2 });
    expect(f.mergedFrom).toEqual(["other", "voluntary"]);
    expect(f.shownAs("other")).toBe("other");
  });

  it("an other that needs no merging is just the group other", () => {
    const f = foldGroups({ community: 3, other: 3 });
    expect(f.shown).toEqual(["community", "other"]);
    expect(f.mergedFrom).toEqual([]);
  });

  it("folds the smallest shown group into an other still under k, so nobody can subtract their way to it", () => {
    // statutory alone would be an "other" of 1 beside community and voluntary: overall − both = that one person.
    const f = foldGroups({ community: 5, voluntary: 3, statutory: 1 });
    expect(f.shown).toEqual(["community", "other"]);
    expect(f.mergedFrom).toEqual(["statutory", "voluntary"]);
    expect(f.sizes.other).toBe(4);
  });

  it("breaks ties between equally small shown groups by id", () => {
    const f = foldGroups({ community: 3, voluntary: 3, statutory: 1, zeta: 5 });
    expect(f.merged).toEqual(["community", "statutory"]);
  });

  it("withholds everything when fewer than k took part", () => {
    const f = foldGroups({ community: 1, statutory: 1 });
    expect(f.shown).toEqual([]);
    expect(f.suppressed).toBe(2);
    expect(f.shownAs("community")).toBeNull();
  });

  it("ignores empty groups and honours another k", () => {
    expect(foldGroups({ community: 0, statutory: 2 }, 2).shown).toEqual(["statutory"]);
    expect(foldPeople(["a", "b", "a"], 1).sizes).toEqual({ a: 2, b: 1 });
  });
});

describe("partitionByShownGroup", () => {
  it("puts each item in its shown group and drops withheld ones", () => {
    const people = ["c", "c", "c", "v", "s", "s"].map((group, i) => ({ id: i, group }));
    const f = foldPeople(people.map((p) => p.group));
    const parts = partitionByShownGroup(people, (p) => p.group, f);
    expect([...parts.keys()]).toEqual(["c", "other"]);
    expect(parts.get("other")?.map((p) => p.id)).toEqual([3, 4, 5]);
    const few = foldPeople(["c", "v"]);
    expect(partitionByShownGroup(people.slice(0, 2), (p) => p.group, few).size).toBe(0);
  });
});

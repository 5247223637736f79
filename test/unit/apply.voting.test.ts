/** Ballots and feedback: validated per method, stored privately, counted in public. */
import { describe, expect, it } from "vitest";
import { feedbackItems } from "../support/activities";
import { cardAdder, facilitator, person, TestRoom, voteConfig } from "./support/room";

function roomWithVote(method: string, extra: Record<string, unknown> = {}) {
  const room = new TestRoom();
  room.init({ activities: [{ kind: "vote", title: "Vote", config: voteConfig(method, extra) }] });
  const vote = room.activityId("Vote");
  const people = {
    amina: room.join(person("amina", "community")),
    ben: room.join(person("ben", "statutory")),
    cara: room.join(person("cara", "community")),
  };
  room.ok(facilitator, "activity.open", { activityId: vote });
  const submit = (who: keyof typeof people, ballot: unknown) =>
    room.run(people[who], "ballot.submit", { activityId: vote, ballot });
  return { room, vote, people, submit };
}

describe("ballot.submit", () => {
  it("stores the ballot privately, echoes it to the voter and counts turnout by group in steps of three", () => {
    const { room, vote, submit } = roomWithVote("dots");
    expect(submit("amina", { allocations: { transport: 3, peer: 2 } })).toMatchObject({ ok: true });
    expect(room.ballot(vote, "amina")).toEqual({ allocations: { transport: 3, peer: 2 } });
    expect(room.privates.at(-1)).toEqual({
      to: "amina",
      message: {
        type: "private",
        kind: "ballot",
        activityId: vote,
        ballot: { allocations: { transport: 3, peer: 2 } },
      },
    });
    submit("ben", { allocations: { evening: 1 } });
    // The count of voters is live; who voted, by group, moves only every three ballots.
    expect(room.activity(vote).turnout).toEqual({ voters: 2, byGroup: {} });
    submit("cara", { allocations: { evening: 1 } });
    expect(room.activity(vote).turnout).toEqual({ voters: 3, byGroup: { community: 2, statutory: 1 } });
    expect(room.r.results.has(vote)).toBe(false);
    expect(JSON.stringify(room.doc.toJSON())).not.toContain('evening":1');
  });

  it("replaces an earlier ballot without counting the voter twice", () => {
    const { room, vote, submit } = roomWithVote("dots");
    submit("amina", { allocations: { transport: 3 } });
    submit("amina", { allocations: { peer: 1, transport: 0 } });
    expect(room.ballot(vote, "amina")).toEqual({ allocations: { peer: 1 } });
    expect(room.activity(vote).turnout?.voters).toBe(1);
    room.ok(facilitator, "activity.close", { activityId: vote });
    expect(room.activity(vote).turnout).toEqual({ voters: 1, byGroup: { community: 1 } });
  });

  it("publishes live results once three people have voted, then in steps of three ballot changes", () => {
    const { room, vote, submit } = roomWithVote("approve", { liveResults: true });
    submit("amina", { approved: ["transport", "peer"] });
    submit("ben", { approved: ["peer"] });
    // Totals of one or two ballots would reveal them: nothing is published yet.
    expect(room.r.results.has(vote)).toBe(false);
    expect(room.saved).toHaveLength(0);
    submit("cara", { approved: ["evening"] });
    expect(room.r.results.get(vote)).toMatchObject({ voters: 3, totals: { transport: 1, peer: 2, evening: 1 } });
    // One changed ballot alone would show in the difference: the totals wait for two more changes.
    submit("amina", { approved: ["peer"] });
    expect(room.r.results.get(vote)).toMatchObject({ voters: 3, totals: { transport: 1, peer: 2, evening: 1 } });
    submit("ben", { approved: ["evening"] });
    submit("cara", { approved: ["evening", "peer"] });
    expect(room.r.results.get(vote)).toMatchObject({ voters: 3, totals: { transport: 0, peer: 2, evening: 2 } });
    expect(room.saved.at(-1)?.activityId).toBe(vote);
  });

  it("closes the vote when revealing, so the revealed figures cannot move", () => {
    const { room, vote, submit } = roomWithVote("approve");
    submit("amina", { approved: ["transport"] });
    expect(room.ok(facilitator, "results.reveal", { activityId: vote })).toMatchObject({ status: "closed" });
    expect(room.activity(vote)).toMatchObject({ status: "closed", resultsRevealed: true });
    expect(submit("ben", { approved: ["transport"] })).toMatchObject({ ok: false, error: { code: "closed" } });
    expect(room.r.results.get(vote)).toMatchObject({ voters: 1, totals: { transport: 1 } });
  });

  it("keeps revealed results current, in steps of three, if the facilitator keeps the vote open", () => {
    const { room, vote, submit } = roomWithVote("approve");
    submit("amina", { approved: ["transport"] });
    expect(room.ok(facilitator, "results.reveal", { activityId: vote, keepOpen: true })).toMatchObject({
      status: "open",
    });
    submit("ben", { approved: ["transport"] });
    expect(room.r.results.get(vote)).toMatchObject({ voters: 1, totals: { transport: 1 } });
    submit("cara", { approved: ["transport"] });
    submit("amina", { approved: ["peer"] });
    expect(room.r.results.get(vote)).toMatchObject({ voters: 3, totals: { transport: 2, peer: 1 } });
  });

  it("accepts an empty ballot as an abstention", () => {
    const { room, vote, submit } = roomWithVote("dots");
    expect(submit("amina", { allocations: {} }).ok).toBe(true);
    expect(room.activity(vote).turnout?.voters).toBe(1);
  });

  describe("refuses invalid ballots", () => {
    const cases: [string, Record<string, unknown>, unknown, RegExp][] = [
      ["dots overspent", { dots: 5 }, { allocations: { transport: 3, peer: 3 } }, /6 dots; you have 5/],
      ["too many dots on one option", { dots: 5, maxPerOption: 2 }, { allocations: { transport: 3 } }, /At most 2/],
      ["budget overspent", { budget: 100 }, { allocations: { transport: 60, peer: 41 } }, /budget is 100/],
      ["unknown option", {}, { allocations: { helicopter: 1 } }, /helicopter/],
      ["wrong ballot shape for the method", {}, { order: ["transport"] }, /allocations/],
      ["negative allocation", {}, { allocations: { transport: -1 } }, /allocations/],
    ];
    for (const [label, config, ballot, message] of cases) {
      it(label, () => {
        const method = label.startsWith("budget") ? "budget" : "dots";
        const { room, vote, people } = roomWithVote(method, config);
        room.refused(people.amina, "ballot.submit", { activityId: vote, ballot }, "invalid_ballot", message);
      });
    }

    it("rank longer than topK, with duplicates or unknown options", () => {
      const { room, vote, people } = roomWithVote("rank", { topK: 2 });
      const r = (order: string[], m: RegExp) =>
        room.refused(people.amina, "ballot.submit", { activityId: vote, ballot: { order } }, "invalid_ballot", m);
      r(["transport", "peer", "evening"], /at most 2/);
      r(["transport", "transport"], /twice/);
      r(["moon"], /moon/);
    });

    it("approval with duplicates", () => {
      const { room, vote, people } = roomWithVote("approve");
      room.refused(
        people.amina,
        "ballot.submit",
        { activityId: vote, ballot: { approved: ["peer", "peer"] } },
        "invalid_ballot",
        /twice/,
      );
    });

    it("matrix ratings out of range or for unknown options", () => {
      const { room, vote, people } = roomWithVote("matrix");
      const r = (ratings: unknown, m: RegExp) =>
        room.refused(people.amina, "ballot.submit", { activityId: vote, ballot: { ratings } }, "invalid_ballot", m);
      r({ transport: { impact: 6, effort: 1 } }, /impact/);
      r({ transport: { impact: 0, effort: 1 } }, /impact/);
      r({ moon: { impact: 3, effort: 3 } }, /moon/);
    });
  });

  it("refuses when the vote is not open, closed, locked, or the workshop closed", () => {
    const room = new TestRoom();
    room.init({ activities: [{ kind: "vote", title: "Vote", config: voteConfig("approve") }] });
    const vote = room.activityId("Vote");
    const amina = room.join(person("amina"));
    const args = { activityId: vote, ballot: { approved: ["peer"] } };
    room.refused(amina, "ballot.submit", args, "locked", /not open/);
    room.ok(facilitator, "activity.open", { activityId: vote });
    room.ok(facilitator, "room.lock", { locked: true });
    room.refused(amina, "ballot.submit", args, "locked");
    room.ok(facilitator, "room.lock", { locked: false });
    room.ok(facilitator, "activity.close", { activityId: vote });
    room.refused(amina, "ballot.submit", args, "closed");
    room.ok(facilitator, "workshop.close");
    room.refused(amina, "ballot.submit", args, "closed", /workshop/);
    room.refused(amina, "ballot.submit", { ...args, activityId: "nope" }, "not_found");
  });

  it("staged votes take only the first groups until opened to all", () => {
    const { room, vote, submit } = roomWithVote("approve", { stagedGroups: ["community"] });
    expect(submit("amina", { approved: ["peer"] }).ok).toBe(true);
    room.refused(
      { role: "participant", id: "ben", name: "Ben", group: "statutory" },
      "ballot.submit",
      { activityId: vote, ballot: { approved: ["peer"] } },
      "forbidden",
      /community first/,
    );
    room.ok(facilitator, "activity.openToAll", { activityId: vote });
    expect(submit("ben", { approved: ["peer"] }).ok).toBe(true);
  });

  it("refuses feedback forms and maps as votes", () => {
    const room = new TestRoom();
    room.init({ activities: [{ kind: "info", title: "Info", config: {} }] });
    const amina = room.join(person("amina"));
    room.refused(
      amina,
      "ballot.submit",
      { activityId: room.activityId("Info"), ballot: { approved: [] } },
      "bad_request",
      /not a vote/,
    );
  });
});

describe("feedback.submit", () => {
  function roomWithForm() {
    const room = new TestRoom();
    room.init({
      activities: [
        {
          kind: "feedback",
          title: "Feedback",
          config: {
            items: feedbackItems({ listened: ["likert", "I felt listened to"], else: ["text", "Anything else?"] }),
          },
        },
      ],
    });
    const form = room.activityId("Feedback");
    room.ok(facilitator, "activity.open", { activityId: form });
    return { room, form, amina: room.join(person("amina", "community")), ben: room.join(person("ben", "voluntary")) };
  }

  it("stores answers privately, echoes them, and counts respondents once", () => {
    const { room, form, amina, ben } = roomWithForm();
    room.ok(amina, "feedback.submit", { activityId: form, answers: { listened: 5, else: "More tea" } });
    room.ok(amina, "feedback.submit", { activityId: form, answers: { listened: 4 } });
    room.ok(ben, "feedback.submit", { activityId: form, answers: { listened: 2 } });
    expect(room.feedback(form, "amina")).toEqual({ listened: 4 });
    expect(room.privates.find((p) => p.to === "ben")?.message).toEqual({
      type: "private",
      kind: "feedback",
      activityId: form,
      answers: { listened: 2 },
    });
    // Respondents count at once; turnout by group waits for a step of LIVE_STEP or the close (safety #12).
    expect(room.activity(form).turnout).toEqual({ voters: 2, byGroup: {} });
    room.ok(facilitator, "activity.close", { activityId: form });
    expect(room.activity(form).turnout).toEqual({ voters: 2, byGroup: { community: 1, voluntary: 1 } });
    expect(JSON.stringify(room.doc.toJSON())).not.toContain("More tea");
  });

  it("refuses unknown questions, wrong answer types and out-of-range ratings", () => {
    const { room, form, amina } = roomWithForm();
    room.refused(amina, "feedback.submit", { activityId: form, answers: { mood: 3 } }, "bad_request", /mood/);
    room.refused(amina, "feedback.submit", { activityId: form, answers: { listened: "yes" } }, "bad_request", /rating/);
    room.refused(amina, "feedback.submit", { activityId: form, answers: { else: 3 } }, "bad_request", /written/);
    room.refused(amina, "feedback.submit", { activityId: form, answers: { listened: 9 } }, "bad_request");
  });
});

describe("published results trace options to who raised them", () => {
  it("counts top options that came from community members' cards, credited through the doc", () => {
    const room = new TestRoom();
    room.init({
      activities: [
        {
          key: "map",
          kind: "map",
          title: "Map",
          config: { lanes: [{ id: "l", label: "L" }], kinds: [{ id: "k", label: "K", color: "#123456" }] },
        },
        {
          kind: "vote",
          title: "Vote",
          config: { method: "approve", fromActivity: { activityId: "map" } },
        },
      ],
    });
    const amina = room.join(person("amina", "community"));
    const ben = room.join(person("ben", "statutory"));
    room.ok(facilitator, "activity.open", { activityId: room.activityId("Map") });
    const add = cardAdder(room, room.activityId("Map"), "l", "k");
    const fromAmina = add(amina, "Community idea");
    const fromBen = add(ben, "Statutory idea");
    const transcribed = String(
      room.ok(facilitator, "card.add", {
        activityId: room.activityId("Map"),
        lane: "l",
        kind: "k",
        text: "Paper card",
        onBehalfOf: { group: "community" },
      }).cardId,
    );
    const vote = room.activityId("Vote");
    room.ok(facilitator, "activity.open", { activityId: vote });
    room.ok(ben, "ballot.submit", { activityId: vote, ballot: { approved: [fromBen, fromAmina, transcribed] } });
    room.ok(amina, "ballot.submit", { activityId: vote, ballot: { approved: [fromBen, transcribed] } });
    room.ok(facilitator, "results.reveal", { activityId: vote });
    expect(room.r.results.get(vote)).toMatchObject({
      ranking: [fromBen, transcribed, fromAmina],
      communityOriginTop: { n: 3, count: 2, optionIds: [transcribed, fromAmina] },
    });
  });
});

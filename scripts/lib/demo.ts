/**
 * The demo programme (seeds/demo.json) loaded through the real API and room protocol,
 * as people would create it: the organiser creates a programme and workshops, demo
 * participants join by code and send commands from their own connections, and the
 * facilitator runs the agenda. Loading is idempotent: a workshop whose title already
 * exists is left as it is and only gets fresh links.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import * as v from "valibot";
import { roots } from "../../party/model/doc";
import {
  createProgramme,
  createWorkshop,
  joinAsParticipant,
  listWorkshops,
  mintProgrammeEvaluator,
  mintToken,
  request,
  type WorkshopSummary,
} from "./api";
import { ROOT } from "./app";
import { RoomSession } from "./room-client";

const Key = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9]*$/));

const Step = v.object({
  /** "facilitator" or a participant's key */
  as: Key,
  command: v.string(),
  args: v.record(v.string(), v.unknown()),
  /** name the result, so later steps can say "$name" (its id) */
  save: v.optional(Key),
});

const DemoWorkshop = v.object({
  key: Key,
  title: v.string(),
  purpose: v.optional(v.string()),
  scheduledFor: v.optional(v.string()),
  template: v.optional(v.string()),
  participants: v.array(v.object({ key: Key, name: v.optional(v.string()), group: v.string() })),
  /** A script ends by closing the workshop: how a later start knows it ran to the end. */
  script: v.pipe(
    v.array(Step),
    v.check((s) => s.length === 0 || s.at(-1)?.command === "workshop.close", "a script must end with workshop.close"),
  ),
});
type DemoWorkshop = v.InferOutput<typeof DemoWorkshop>;

export const Demo = v.object({
  programme: v.object({ title: v.string() }),
  workshops: v.pipe(v.array(DemoWorkshop), v.minLength(1)),
});
export type Demo = v.InferOutput<typeof Demo>;

export async function readDemo(file = path.join(ROOT, "seeds/demo.json")): Promise<Demo> {
  const parsed = v.safeParse(Demo, JSON.parse(await readFile(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${v.summarize(parsed.issues)}`);
  return parsed.output;
}

export interface DemoLinks {
  title: string;
  id: string;
  joinCode: string;
  facilitator: string;
  participant: string;
  screen: string;
  evaluator: string;
  /** the roles added in round two: a shared tablet, an Urdu interpreter, a partner, the paper pack, the public follow-up */
  kiosk: string;
  interpreter: string;
  partner: string;
  print: string;
  followUp: string;
  /** false when it existed already and was only given fresh links */
  created: boolean;
}

export interface LoadedDemo {
  programmeEvaluator: string | null;
  workshops: DemoLinks[];
}

/** Replaces "$name" (and "$name.field") strings in args with saved results' ids. */
export function resolveRefs(value: unknown, saved: Map<string, Record<string, unknown>>): unknown {
  if (typeof value === "string" && value.startsWith("$")) {
    const [name, field] = value.slice(1).split(".");
    const result = saved.get(name ?? "");
    if (!result) throw new Error(`demo script refers to "${value}" before it was saved`);
    const id = field ? result[field] : Object.values(result).find((x) => typeof x === "string");
    if (typeof id !== "string") throw new Error(`demo script: "${value}" has no id in ${JSON.stringify(result)}`);
    return id;
  }
  if (Array.isArray(value)) return value.map((x) => resolveRefs(x, saved));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, resolveRefs(x, saved)]));
  }
  return value;
}

const TemplateList = v.union([
  v.array(v.looseObject({ id: v.string() })),
  v.looseObject({ templates: v.array(v.looseObject({ id: v.string() })) }),
]);

async function templateIds(baseUrl: string): Promise<string[]> {
  const list = await request("list templates", `${baseUrl}/api/templates`, TemplateList);
  return (Array.isArray(list) ? list : list.templates).map((t) => t.id);
}

/** Runs a workshop's script: participants join and connect, then each step is sent and must be acknowledged ok. */
async function runScript(baseUrl: string, workshop: DemoWorkshop, joinCode: string, facilitatorToken: string) {
  // The client core's sessions: a dropped connection (say wrangler reloading) is reconnected
  // and the command resent with the same id, so the script still runs each step exactly once.
  const clients = new Map<string, RoomSession>();
  try {
    clients.set("facilitator", new RoomSession({ baseUrl, token: facilitatorToken }));
    for (const p of workshop.participants) {
      const joined = await joinAsParticipant(baseUrl, joinCode, {
        group: p.group,
        ...(p.name ? { name: p.name } : {}),
      });
      const room = new RoomSession({ baseUrl, token: joined.token });
      clients.set(p.key, room);
      await room.connected();
    }
    const saved = new Map<string, Record<string, unknown>>();
    for (const [i, step] of workshop.script.entries()) {
      const client = clients.get(step.as);
      if (!client) throw new Error(`demo "${workshop.key}" step ${i}: nobody called "${step.as}"`);
      const ack = await client.send(step.command, resolveRefs(step.args, saved));
      if (!ack.ok) {
        throw new Error(
          `demo "${workshop.key}" step ${i} (${step.as}: ${step.command}) refused: ${ack.error.code}: ${ack.error.message}`,
        );
      }
      if (step.save) saved.set(step.save, ack.result);
    }
  } finally {
    for (const client of clients.values()) client.close();
  }
}

/** True once the workshop's room says it is closed (the last step of every script). */
async function finished(baseUrl: string, organiserToken: string, workshopId: string): Promise<boolean> {
  const facilitator = await mintToken(baseUrl, organiserToken, workshopId, "facilitator", "Demo loader");
  const room = new RoomSession({ baseUrl, token: facilitator.token });
  try {
    await room.connected();
    return roots(room.doc).workshop.get("status") === "closed";
  } finally {
    room.close();
  }
}

/** Links for the roles that come with every workshop beyond the three made at creation. */
async function moreLinks(
  baseUrl: string,
  organiserToken: string,
  id: string,
  joinCode: string,
  facilitatorToken: string,
): Promise<Pick<DemoLinks, "kiosk" | "interpreter" | "partner" | "print" | "followUp">> {
  const [kiosk, interpreter, partner] = await Promise.all([
    mintToken(baseUrl, organiserToken, id, "kiosk", "Demo tablet"),
    mintToken(baseUrl, organiserToken, id, "interpreter", "Demo interpreter", { language: "ur" }),
    mintToken(baseUrl, organiserToken, id, "partner", "Demo partner", { organisation: "Council housing team" }),
  ]);
  return {
    kiosk: kiosk.link,
    interpreter: interpreter.link,
    partner: partner.link,
    print: `${baseUrl}/print/${encodeURIComponent(id)}#token=${encodeURIComponent(facilitatorToken)}`,
    followUp: `${baseUrl}/f/${encodeURIComponent(joinCode)}`,
  };
}

async function freshLinks(
  baseUrl: string,
  organiserToken: string,
  w: WorkshopSummary,
): Promise<Omit<DemoLinks, "created">> {
  const [facilitator, screen, evaluator] = await Promise.all([
    mintToken(baseUrl, organiserToken, w.id, "facilitator", "Demo facilitator"),
    mintToken(baseUrl, organiserToken, w.id, "screen", "Demo screen"),
    mintToken(baseUrl, organiserToken, w.id, "evaluator", "Demo evaluator"),
  ]);
  const joinCode = w.joinCode ?? "";
  return {
    title: w.title,
    id: w.id,
    joinCode,
    facilitator: facilitator.link,
    participant: `${baseUrl}/j/${encodeURIComponent(joinCode)}`,
    screen: screen.link,
    evaluator: evaluator.link,
    ...(await moreLinks(baseUrl, organiserToken, w.id, joinCode, facilitator.token)),
  };
}

export async function loadDemo(
  baseUrl: string,
  organiserToken: string,
  demo: Demo,
  log: (line: string) => void = console.log,
): Promise<LoadedDemo> {
  const existing = await listWorkshops(baseUrl, organiserToken);
  const byTitle = new Map(existing.map((w) => [w.title, w]));
  let programmeId = demo.workshops.map((w) => byTitle.get(w.title)?.programmeId).find((id) => id) ?? null;
  let programmeEvaluator: string | null = null;
  if (!programmeId) {
    const programme = await createProgramme(baseUrl, organiserToken, demo.programme.title);
    programmeId = programme.id;
    programmeEvaluator = programme.links.evaluator;
  } else {
    programmeEvaluator = (await mintProgrammeEvaluator(baseUrl, organiserToken, programmeId)).link;
  }

  const available = demo.workshops.some((w) => w.template) ? await templateIds(baseUrl) : [];
  const workshops: DemoLinks[] = [];
  for (const w of demo.workshops) {
    let found = byTitle.get(w.title);
    if (found && w.script.length > 0 && !(await finished(baseUrl, organiserToken, found.id))) {
      // An earlier start was interrupted half-way through the script: erase and load again.
      log(`demo: "${w.title}" was only partly loaded; erasing it to load it again`);
      await request("erase workshop", `${baseUrl}/api/workshops/${encodeURIComponent(found.id)}`, v.unknown(), {
        method: "DELETE",
        token: organiserToken,
      });
      found = undefined;
    }
    if (found) {
      log(`demo: "${w.title}" exists already; minting fresh links`);
      workshops.push({ ...(await freshLinks(baseUrl, organiserToken, found)), created: false });
      continue;
    }
    if (w.template && !available.includes(w.template)) {
      throw new Error(`demo "${w.key}": no template "${w.template}" (templates: ${available.join(", ") || "none"})`);
    }
    log(`demo: creating "${w.title}"`);
    const created = await createWorkshop(baseUrl, organiserToken, {
      title: w.title,
      programmeId,
      ...(w.purpose ? { purpose: w.purpose } : {}),
      ...(w.scheduledFor ? { scheduledFor: w.scheduledFor } : {}),
      ...(w.template ? { template: w.template } : {}),
    });
    if (w.script.length > 0) {
      log(`demo: running "${w.key}" with ${w.participants.length} participants, ${w.script.length} steps`);
      await runScript(baseUrl, w, created.joinCode, created.facilitatorToken);
    }
    workshops.push({
      title: w.title,
      id: created.id,
      joinCode: created.joinCode,
      facilitator: created.links.facilitator,
      participant: created.links.participant,
      screen: created.links.screen,
      evaluator: created.links.evaluator,
      ...(await moreLinks(baseUrl, organiserToken, created.id, created.joinCode, created.facilitatorToken)),
      created: true,
    });
  }
  return { programmeEvaluator, workshops };
}

/** Reading JSON columns written by the room: validated, and a bad row is skipped (and logged), never trusted. */
import * as v from "valibot";
import { ActivityKind, CONFIG_SCHEMAS } from "../../party/model/commands";
import type { KindConfig } from "../../party/model/doc";

export function parseColumn<S extends v.GenericSchema>(
  schema: S,
  text: string,
  where: string,
): v.InferOutput<S> | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    console.warn(`report: skipping ${where}: not JSON`);
    return null;
  }
  const result = v.safeParse(schema, json);
  if (!result.success) {
    console.warn(`report: skipping ${where}: ${result.issues[0]?.message ?? "invalid"}`);
    return null;
  }
  return result.output;
}

export const IdList = v.array(v.string());

/**
 * A saved activity's kind and config, parsed for that kind (defaults filled): the same
 * union the live doc holds (party/model/doc.ts), so report code narrows on `kind` once.
 */
export function savedConfig(activity: { id: string; kind: string; config: string }): KindConfig | null {
  if (!v.is(ActivityKind, activity.kind)) return null;
  const config = parseColumn(CONFIG_SCHEMAS[activity.kind], activity.config, `activity ${activity.id}`);
  // The schema was chosen by the same kind, so kind and config correspond.
  return config ? ({ kind: activity.kind, config } as KindConfig) : null;
}

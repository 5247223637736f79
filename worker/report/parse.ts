/** Reading JSON columns written by the room: validated, and a bad row is skipped (and logged), never trusted. */
import * as v from "valibot";

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

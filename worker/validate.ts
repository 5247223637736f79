/** Request bodies are parsed and validated with valibot at the boundary; never cast. */
import type { Context } from "hono";
import * as v from "valibot";
import { describeIssues } from "../party/model/refusal";
import { badRequest } from "./errors";

/** Reads the JSON body and validates it; an empty body counts as `{}`. */
export async function readBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  return parseOrThrow(schema, await readJson(c));
}

/** The JSON body, not yet validated (for routes that pick a schema by a field); empty counts as `{}`. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
}

export function parseOrThrow<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (!result.success) throw badRequest(describeIssues(result.issues));
  return result.output;
}

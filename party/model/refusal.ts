/**
 * How a command is turned down. Handlers throw a Refusal during their checks,
 * before anything is written, so a refused command can never half-change the doc.
 */
import * as v from "valibot";
import type { CommandError, ErrorCode } from "./protocol";

export class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "Refusal";
  }

  toError(): CommandError {
    return { code: this.code, message: this.message };
  }
}

export function refuse(code: ErrorCode, message: string): never {
  throw new Refusal(code, message);
}

/** One readable line per problem, prefixed with where it is ("lanes.0.id: Invalid length"). */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

/**
 * API errors. Handlers throw `ApiError`; the single `app.onError` (app.ts) turns
 * every error into the one JSON shape `{"error":{"code","message"}}`.
 */
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

export type ApiErrorCode =
  | "bad_request"
  | "unauthorised"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "rate_limited"
  // safety (#12): admission refusals with their own codes, so a client can say exactly why
  | "joining_closed"
  | "full"
  | "closed"
  | "unsupported"
  | "internal";

export class ApiError extends HTTPException {
  readonly code: ApiErrorCode;
  /** extra response headers, e.g. Retry-After */
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: ContentfulStatusCode, code: ApiErrorCode, message: string, headers: Record<string, string> = {}) {
    super(status, { message });
    this.code = code;
    this.headers = headers;
  }
}

export const badRequest = (message: string) => new ApiError(400, "bad_request", message);
export const unauthorised = (message = "A valid token is required.") => new ApiError(401, "unauthorised", message);
export const forbidden = (message = "This token may not do that.") => new ApiError(403, "forbidden", message);
export const notFound = (message = "Not found.") => new ApiError(404, "not_found", message);
export const conflict = (message: string) => new ApiError(409, "conflict", message);
export const tooLarge = (message = "The request body is too large.") => new ApiError(413, "too_large", message);
export const rateLimited = (retryAfterSeconds: number, message = "Too many attempts; try again in a few minutes.") =>
  new ApiError(429, "rate_limited", message, { "Retry-After": String(retryAfterSeconds) });

export const joiningClosed = () =>
  new ApiError(409, "joining_closed", "The facilitator has closed joining for now. Ask them to open it.");
export const full = () => new ApiError(409, "full", "This workshop is full.");

/** The JSON body of every error response. */
export function errorBody(code: ApiErrorCode, message: string) {
  return { error: { code, message } };
}

/** Status → code for errors thrown as plain HTTPException (e.g. by Hono middleware). */
export function codeForStatus(status: number): ApiErrorCode {
  if (status === 400) return "bad_request";
  if (status === 401) return "unauthorised";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 413) return "too_large";
  if (status === 429) return "rate_limited";
  if (status === 415) return "unsupported";
  return status >= 500 ? "internal" : "bad_request";
}

/** A JSON error response for places outside the Hono app (the WebSocket handoff). */
export function errorResponse(status: number, code: ApiErrorCode, message: string): Response {
  return Response.json(errorBody(code, message), { status });
}
